import { defineRule, yaml } from '../src/core/rule.js';
import { carriesPatientData, isProcessor, orgTypeOf, partyById, partyName } from '../src/core/facts.js';
import { proseTextFields } from '../src/core/text-fields.js';
import { labelOf } from '../src/vocabulary.js';

/** Prose that treats the parties as joint controllers. */
const JOINT_IN_PROSE = /\bjoint(?:ly)?\s+(?:data\s+)?controllers?\b|\bjoint\s+controllership\b/gi;
/** A sentence that says they are not ("are not joint controllers", "separate controllers, not joint"). */
const DENIED = /\b(?:not|no|neither|nor|never|separate|independent)\b/i;

export default defineRule({
  id: 'role-contradiction',
  meta: {
    title: 'Each party\'s data protection role must be consistent',
    description:
      'Reports a party recorded as a controller or joint controller that also has a processor arrangement, a care provider cast as the processor ' +
      'of the organisation it sends its own patients\' records to, a single joint controller with no partner, and prose that treats the parties as ' +
      'joint controllers when the agreement records no joint controllers or Art 26 arrangement.',
    rationale:
      'Who is controller and who is processor decides who answers to patients and the ICO, who needs a lawful basis and who may decide how the ' +
      'data is used. For any one purpose an organisation is either a controller (alone or jointly) or a processor acting on a controller\'s ' +
      'instructions, never both. Reviewers raise these contradictions:\n\n' +
      '- a party recorded as a controller or joint controller that also appears under `processors` (unless a purpose\'s `roles` makes it a ' +
      'processor for that purpose), and a purpose whose `roles` give one party two different roles;\n' +
      '- a care provider (a GP practice referring a patient, say) recorded as the processor of the clinic it sends its own patients\' records to: a ' +
      'referrer decides to refer and controls its own records, so it is a controller disclosing to another controller;\n' +
      '- a single `joint_controller` with no other joint controller: joint controllership needs at least two, and an Art 26 arrangement between them;\n' +
      '- Markdown text that calls the parties joint controllers while no party is recorded as one and there is no `joint_controller_arrangement`: ' +
      'joint controllership assumed without the arrangement UK GDPR Art 26 requires. (With two or more joint controllers, ' +
      '`joint-controller-arrangement-missing` checks the arrangement.)',
    fix:
      'Decide, for each purpose, who determines why and how the data is used: those are controllers (joint controllers if they decide together, with ' +
      'an Art 26 arrangement); anyone who only follows their instructions is a processor, with an Art 28 contract. Record one role per party and ' +
      'remove the contradictory entry.',
    severity: 'error',
    severityReason:
      'A party that is both controller and processor, or joint controllership with no arrangement, leaves nobody clearly answerable for the data ' +
      '(error). A lone joint controller or a referrer cast as a processor is probably a drafting slip, but needs putting right (warning).',
    area: 'K',
    importance: 330,
    tags: ['processors', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      { instrument: 'UK GDPR', provision: 'Art 4(7) and (8) (controller and processor)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/4' },
      { instrument: 'UK GDPR', provision: 'Art 26 (joint controllers)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/26' },
      {
        instrument: 'ICO: Controllers and processors',
        url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/controllers-and-processors/controllers-and-processors/',
      },
    ],
    defaultOptions: {},
    messages: {
      'controller-and-processor': {
        text: [
            '{{party}} is recorded as a {{role}} but also has a processor arrangement. For any one purpose an organisation is a controller or a ',
            'processor, not both: ask who decides why and how the data is used, then keep one role (and the Art 26 arrangement or Art 28 contract that goes with it).',
          ],
        request: 'Ask {{drafter}} whether {{party}} decides why and how the data is used (a controller) or acts only on another\'s instructions (a processor): it cannot be both for one purpose.',
      },
      'two-roles-one-purpose': {
        text: [
            'For the purpose "{{purpose}}", {{party}} is given two roles: {{first}} and {{second}}. For any one purpose an organisation is a controller ',
            'or a processor, not both: ask who decides why and how the data is used for it, and keep one role.',
          ],
        request: 'Ask {{drafter}} which role {{party}} has for the purpose "{{purpose}}": it is given two ({{first}} and {{second}}).',
      },
      'referrer-as-processor': {
        text: [
            '{{party}} is recorded as a processor of {{controller}}, but it sends {{controller}} its own patients\' records (flow "{{flow}}"). A care ',
            'provider that refers or discloses its patients\' records controls them: record {{party}} as a controller, and agree the sharing controller to controller.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} to treat {{party}} as a controller of its own patients\' records, which it sends to {{controller}}, not as a processor of {{controller}}.',
      },
      'lone-joint-controller': {
        text: [
            '{{party}} is the only joint controller. Joint controllers decide together, so there must be at least two, with an Art 26 arrangement: ',
            'ask which other party decides jointly with it and record both, or record it as a controller.',
          ],
        severity: 'warning',
        request: 'Ask {{drafter}} which other party decides jointly with {{party}}, or to treat {{party}} as a controller on its own.',
      },
      'joint-in-prose': {
        text: [
            'The text calls the parties "{{found}}", but no party is recorded as a joint controller and there is no joint controller arrangement. ',
            'Ask whether they decide the purposes together: if so, record them as joint_controller with an Art 26 arrangement; if not, correct the text.',
          ],
        request: 'Ask {{drafter}} whether the parties decide the purposes together, as the words "{{found}}" say; if so, ask for a joint controller arrangement, and if not, for the words to be corrected.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a controller and its processor',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, role: controller }
              - { id: csu, name: Example CSU, role: processor }
            processors:
              - { party: csu, acting_for: [icb] }
          `,
        },
      ],
      invalid: [
        {
          title: 'a joint controller with a processor arrangement',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, role: joint_controller }
              - { id: csu, name: Example CSU, role: joint_controller }
            processors:
              - { party: csu, acting_for: [icb] }
          `,
          findings: [{ messageId: 'controller-and-processor', text: 'csu', occurrence: 2 }],
        },
      ],
    },
  },
  check({ agreement: a, source, report }) {
    const parties = a.parties ?? [];
    // A party may be a controller for one purpose and a processor for another, when the purpose says so.
    const processorForSomePurpose = new Set((a.purposes ?? []).flatMap((p) => (p.roles ?? []).filter((r) => r.role === 'processor' || r.role === 'sub_processor').map((r) => r.party)));
    (a.processors ?? []).forEach((arrangement, j) => {
      const party = partyById(a, arrangement.party);
      if (!party || (party.role !== 'controller' && party.role !== 'joint_controller') || processorForSomePurpose.has(party.id)) return;
      const i = parties.indexOf(party);
      report({
        messageId: 'controller-and-processor',
        data: { party: party.name, role: labelOf('partyRole', party.role).toLowerCase() },
        at: ['processors', j, 'party'],
        related: [{ at: ['parties', i, 'role'], message: `${party.name} is recorded as a ${party.role.replace('_', ' ')} here.` }],
      });
    });

    (a.flows ?? []).forEach((flow, i) => {
      const sender = partyById(a, flow.from);
      if (!sender || !isProcessor(sender) || !orgTypeOf(sender)?.directCare || !carriesPatientData(a, flow)) return;
      const actsFor = (a.processors ?? []).filter((p) => p.party === sender.id).flatMap((p) => p.acting_for ?? []);
      if (flow.to === undefined || !actsFor.includes(flow.to)) return;
      report({
        messageId: 'referrer-as-processor',
        data: { party: sender.name, controller: partyName(a, flow.to), flow: flow.id },
        at: ['parties', parties.indexOf(sender), 'role'],
        related: [{ at: ['flows', i], message: `${sender.name} sends its patients' records here.` }],
      });
    });

    // One purpose giving one party two roles.
    (a.purposes ?? []).forEach((purpose, i) => {
      const roles = purpose.roles ?? [];
      roles.forEach((entry, k) => {
        const earlier = roles.findIndex((r, m) => m < k && r.party === entry.party && r.role !== entry.role);
        if (earlier < 0) return;
        report({
          messageId: 'two-roles-one-purpose',
          data: { party: partyName(a, entry.party), purpose: purpose.id, first: labelOf('partyRole', roles[earlier]!.role).toLowerCase(), second: labelOf('partyRole', entry.role).toLowerCase() },
          at: ['purposes', i, 'roles', k, 'role'],
          related: [{ at: ['purposes', i, 'roles', earlier, 'role'], message: 'The other role is given here.' }],
        });
      });
    });

    const joint = parties.flatMap((p, i) => (p.role === 'joint_controller' ? [{ party: p, i }] : []));
    if (joint.length === 1) {
      report({ messageId: 'lone-joint-controller', data: { party: joint[0]!.party.name }, at: ['parties', joint[0]!.i, 'role'] });
    }

    if (joint.length === 0 && a.joint_controller_arrangement === undefined) {
      for (const field of proseTextFields(source)) {
        const m = [...field.text.matchAll(JOINT_IN_PROSE)].find((match) => !field.sentenceHas(DENIED, match.index ?? 0, (match.index ?? 0) + match[0].length));
        if (!m) continue;
        const start = m.index ?? 0;
        report({ messageId: 'joint-in-prose', data: { found: m[0] }, at: { offsets: field.offsets(start, start + m[0].length) } });
        break;
      }
    }
  },
});
