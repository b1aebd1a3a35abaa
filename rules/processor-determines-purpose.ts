import type { Agreement, RetentionEntry } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { durationHours, flowPurposes, isProcessor, isProcessorFor, parseDuration, partyById, partyName, purposeById, purposeName } from '../src/core/facts.js';
import { formatDuration } from '../src/core/summary.js';

/** Hours in an average calendar month, so that P12M and P1Y compare equal. */
const HOURS_PER_MONTH = (365.25 * 24) / 12;

/** A retention period's length in hours; Infinity for "indefinite"; undefined when it cannot be read. */
function periodHours(entry: RetentionEntry): number | undefined {
  if (entry.period === 'indefinite') return Number.POSITIVE_INFINITY;
  const d = parseDuration(entry.period);
  if (!d) return undefined;
  return (d.years * 12 + d.months) * HOURS_PER_MONTH + durationHours({ ...d, years: 0, months: 0 });
}

function describePeriod(period: string | undefined): string {
  return period === 'indefinite' ? 'an indefinite period' : formatDuration(period);
}

/** Two retention entries cover some of the same data (an entry naming no data covers all of it). */
function overlaps(a: RetentionEntry, b: RetentionEntry): boolean {
  const da = a.data ?? [];
  const db = b.data ?? [];
  return da.length === 0 || db.length === 0 || da.some((d) => db.includes(d));
}

/** The controllers a processor acts for, from every arrangement naming it. */
function controllersOf(a: Agreement, processorId: string): string[] {
  return (a.processors ?? []).filter((p) => p.party === processorId).flatMap((p) => p.acting_for ?? []);
}

export default defineRule({
  id: 'processor-determines-purpose',
  meta: {
    title: 'A processor must not decide why the data is used',
    description:
      'Reports a processor that owns a purpose, receives data for a purpose none of its controllers set, keeps data longer than its controllers, ' +
      'has no recorded controllers, or uses a sub-processor without the controller\'s written authorisation.',
    rationale:
      'A processor handles patient data only on a controller\'s instructions. If it decides for itself why the data is used, or how long it is kept, ' +
      'the ICO treats it as a controller for that processing, with all of a controller\'s duties, and the patients\' data is being used for ' +
      'something their own doctors never decided. This rule reads the agreement for the signs of that:\n\n' +
      '- a purpose whose `owner` is a processor;\n' +
      '- a flow to a processor for a purpose owned by a controller it does not act for (a purpose with no owner is taken to be set by the ' +
      'controller the processor acts for, whoever sends the data);\n' +
      '- a processor keeping data longer than the controllers it acts for keep the same data (periods are compared as lengths; when they run from ' +
      'different events, check them by hand);\n' +
      '- a processor arrangement that does not say which controllers it acts for;\n' +
      '- a sub-processor without the controller\'s prior written authorisation, which UK GDPR Art 28(2) requires.',
    fix:
      'Make the controller that decides the purpose its `owner`; list the controllers each processor acts for under `acting_for`; give the processor ' +
      'a retention period no longer than its controller\'s (usually: return or delete at the end of the contract); and record the controller\'s written ' +
      'authorisation of each sub-processor (`authorised: true`) or stop using it. If the organisation really does decide the purpose, record it as a ' +
      'controller and give it its own lawful basis.',
    severity: 'warning',
    severityReason: 'Each sign is strong evidence that the processor role is mis-described, but the agreement alone cannot prove who decides.',
    area: 'K',
    importance: 440,
    tags: ['processors', 'purpose-limitation', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Art 28(2) (authorisation of sub-processors) and Art 28(10) (a processor that decides purposes is a controller)',
        url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/contracts-and-liabilities-between-controllers-and-processors-multi/what-needs-to-be-included-in-the-contract/',
      },
    ],
    defaultOptions: {},
    messages: {
      'owns-purpose': {
        text: [
          'The purpose {{purpose}} is owned by {{party}}, which is a processor; a processor acts only on a controller\'s instructions. Make the controller ',
          'that decides this purpose its owner, or record {{party}} as a controller with its own lawful basis.',
        ],
        request: 'Ask {{drafter}} which controller decides {{purpose}}: {{party}} is a processor and acts only on a controller\'s instructions.',
      },
      'uninstructed-purpose': {
        text: [
          'Flow "{{flow}}" sends data to {{party}}, a processor, for the purpose {{purpose}}, which none of the controllers it acts for ({{controllers}}) ',
          'has set. A processor may only use data for its controllers\' purposes: add the controller that owns this purpose to its `acting_for`, or remove ',
          'the purpose from the flow.',
        ],
        request: 'Ask {{drafter}} which controller instructs {{party}}, a processor, to use the data for {{purpose}}: none of those it acts for ({{controllers}}) has set that purpose.',
      },
      'no-controllers': {
        text: [
          'The processor arrangement for {{party}} does not say which controllers it acts for. Add `acting_for` with the ids of the controllers whose ',
          'instructions it follows.',
        ],
        request: 'Ask {{drafter}} which controllers {{party}}, a processor, acts for.',
      },
      'longer-retention': {
        text: [
          '{{party}} is a processor but keeps this data for {{period}}, longer than {{controller}} keeps it ({{controllerPeriod}}). A processor keeps data ',
          'only as long as its controller instructs: shorten its period, or have it return or delete the data when the controller no longer needs it.',
        ],
        request: 'Ask {{drafter}} to have {{party}}, a processor, keep the data no longer than {{controller}} does ({{controllerPeriod}}), not {{period}}.',
      },
      'unauthorised-sub-processor': {
        text: [
          'The sub-processor "{{name}}" used by {{party}} has no recorded prior written authorisation from the controller (UK GDPR Art 28(2)). Record ',
          'the authorisation (`authorised: true`) once the controller has given it in writing, or stop using this sub-processor.',
        ],
        request: 'Ask {{drafter}} for the controller\'s written authorisation for {{party}} to use the sub-processor "{{name}}".',
      },
    },
    examples: {
      valid: [
        {
          title: 'the controller owns the purpose and the processor keeps data no longer',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
            purposes:
              - { id: planning, category: planning_commissioning, owner: icb }
            flows:
              - { id: f1, from: icb, to: acme, purposes: [planning] }
            retention:
              - { party: icb, period: P8Y }
              - { party: acme, period: P1Y }
            processors:
              - { party: acme, acting_for: [icb] }
          `,
        },
      ],
      invalid: [
        {
          title: 'the processor owns the purpose',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
            purposes:
              - { id: analytics, category: commercial, owner: acme }
            processors:
              - { party: acme, acting_for: [icb] }
          `,
          findings: [{ messageId: 'owns-purpose', at: 'purposes[0].owner' }],
        },
        {
          title: 'the processor keeps data longer than the controller',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
            retention:
              - { party: icb, period: P1Y }
              - { party: acme, period: P8Y }
            processors:
              - { party: acme, acting_for: [icb] }
          `,
          findings: [{ messageId: 'longer-retention', at: 'retention[1].period' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    // A processor as the owner of a purpose.
    (a.purposes ?? []).forEach((purpose, i) => {
      const owner = partyById(a, purpose.owner);
      if (owner && isProcessorFor(owner, [purpose])) {
        report({ messageId: 'owns-purpose', data: { purpose: purposeName(purpose), party: owner.name }, at: ['purposes', i, 'owner'] });
      }
    });

    // Arrangements that name no controllers: the flow check below cannot be made for them.
    (a.processors ?? []).forEach((arrangement, j) => {
      if ((arrangement.acting_for ?? []).length === 0) {
        report({ messageId: 'no-controllers', data: { party: partyName(a, arrangement.party) }, at: ['processors', j, 'acting_for'] });
      }
    });

    // Flows to a processor for a purpose none of its controllers set.
    (a.flows ?? []).forEach((flow, i) => {
      const recipient = partyById(a, flow.to);
      if (!recipient || !isProcessorFor(recipient, flowPurposes(a, flow))) return;
      const controllers = controllersOf(a, recipient.id);
      if (controllers.length === 0) return; // reported above, or by processor-without-art28-contract
      (flow.purposes ?? []).forEach((purposeId, k) => {
        const purpose = purposeById(a, purposeId);
        if (!purpose) return; // reference-unresolved owns unknown ids
        // A purpose with no owner is taken to be set by the controller the processor acts for.
        if (purpose.owner === undefined || controllers.includes(purpose.owner)) return;
        if (isProcessorFor(partyById(a, purpose.owner), [purpose])) return; // owns-purpose already says so
        report({
          messageId: 'uninstructed-purpose',
          data: { flow: flow.id, party: recipient.name, purpose: purposeName(purpose), controllers: controllers.map((c) => partyName(a, c)).join(', ') },
          at: ['flows', i, 'purposes', k],
        });
      });
    });

    // A processor keeping data longer than the controllers it acts for.
    const retention = a.retention ?? [];
    retention.forEach((entry, i) => {
      const processor = partyById(a, entry.party);
      if (!processor || !isProcessor(processor)) return;
      const hours = periodHours(entry);
      if (hours === undefined) return;
      const controllers = controllersOf(a, processor.id);
      const theirs = retention
        .map((other, index) => ({ other, index, hours: periodHours(other) }))
        .filter(({ other, hours: h }) => other.party !== undefined && controllers.includes(other.party) && h !== undefined && overlaps(entry, other));
      if (theirs.length === 0) return;
      const longest = theirs.reduce((best, t) => (t.hours! > best.hours! ? t : best));
      if (hours <= longest.hours!) return;
      const controller = partyName(a, longest.other.party);
      report({
        messageId: 'longer-retention',
        data: { party: processor.name, period: describePeriod(entry.period), controller, controllerPeriod: describePeriod(longest.other.period) },
        at: ['retention', i, 'period'],
        related: [{ at: ['retention', longest.index, 'period'], message: `${controller} keeps the same data for ${describePeriod(longest.other.period)}.` }],
      });
    });

    // Sub-processors without the controller's prior written authorisation.
    (a.processors ?? []).forEach((arrangement, j) => {
      (arrangement.sub_processors ?? []).forEach((sub, k) => {
        if (sub.authorised === true) return;
        report({
          messageId: 'unauthorised-sub-processor',
          data: { name: sub.name, party: partyName(a, arrangement.party) },
          at: ['processors', j, 'sub_processors', k, 'authorised'],
        });
      });
    });
  },
});
