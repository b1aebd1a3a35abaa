import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, yaml, type Path } from '../src/core/rule.js';
import { partyById, partyName } from '../src/core/facts.js';

/** Codes that mean the United Kingdom: GB is the ISO 3166 code; UK is a common slip for it. */
const UK = new Set(['GB', 'UK']);
/** Whether `international_transfers` has an entry for data going to this party in this country. */
function recorded(a: Agreement, to: string | undefined, country: string): boolean {
  return (a.international_transfers ?? []).some((t) => t.to !== undefined && t.to === to && (t.country === undefined || t.country === country));
}

/** A place outside the UK the data goes, with the message that reports it. */
type Destination = { readonly at: Path; readonly to: string | undefined; readonly country: string } & (
  | { readonly messageId: 'party'; readonly data: { party: string; id: string; country: string } }
  | { readonly messageId: 'sub-processor'; readonly data: { name: string; party: string; id: string; country: string } }
  | { readonly messageId: 'flow'; readonly data: { flow: string; party: string; id: string; country: string } }
);

function destinations(a: Agreement): Destination[] {
  const out: Destination[] = [];
  (a.parties ?? []).forEach((party, i) => {
    if (party.country !== undefined && !UK.has(party.country)) {
      out.push({ messageId: 'party', at: ['parties', i, 'country'], to: party.id, country: party.country, data: { party: party.name, id: party.id, country: party.country } });
    }
  });
  (a.processors ?? []).forEach((arrangement, j) => {
    (arrangement.sub_processors ?? []).forEach((sub, k) => {
      if (sub.country === undefined || UK.has(sub.country)) return;
      out.push({
        messageId: 'sub-processor',
        at: ['processors', j, 'sub_processors', k, 'country'],
        to: arrangement.party,
        country: sub.country,
        data: { name: sub.name, party: partyName(a, arrangement.party), id: arrangement.party, country: sub.country },
      });
    });
  });
  (a.flows ?? []).forEach((flow, i) => {
    const country = flow.destination_country;
    if (country === undefined || UK.has(country)) return;
    if (partyById(a, flow.to)?.country === country) return; // the recipient's own country is reported once, at the party
    out.push({ messageId: 'flow', at: ['flows', i, 'destination_country'], to: flow.to, country, data: { flow: flow.id, party: partyName(a, flow.to), id: flow.to ?? '<recipient id>', country } });
  });
  return out;
}

export default defineRule({
  id: 'international-transfer-without-mechanism',
  meta: {
    title: 'Data sent outside the UK needs a transfer mechanism',
    description:
      'Reports a party, sub-processor or flow outside the UK with no `international_transfers` entry, an entry that names no UK GDPR Chapter V ' +
      'mechanism, and an Art 49 exception that is not named.',
    rationale:
      'Patient data sent outside the UK leaves the protection of UK law. UK GDPR Chapter V allows such a "restricted transfer" only when it is covered ' +
      'by UK adequacy regulations for the destination, by appropriate safeguards (an international data transfer agreement, the UK addendum to the EU ' +
      'standard contractual clauses, or binding corporate rules), or by one of the narrow exceptions in Art 49. Since 5 February 2026 Chapter V reads ' +
      'as amended by the Data (Use and Access) Act 2025 s85 (adequacy now asks whether protection in the destination is "not materially lower"), but ' +
      'a transfer still needs one of these mechanisms.\n\n' +
      'This includes the quiet cases: a supplier hosting data abroad, a sub-processor providing support from another country, or remote access from ' +
      'outside the UK. dsalint treats a party or sub-processor whose `country` is not GB, and a flow whose `destination_country` is not GB, as a ' +
      'restricted transfer that needs an entry under `international_transfers` with the same recipient (`to`) and the mechanism relied on. A ' +
      'sub-processor\'s transfer is recorded against the processor that engages it.',
    fix:
      'Add an entry under `international_transfers` with `to` (the receiving party\'s id; for a sub-processor, the processor that engages it), ' +
      '`country`, `mechanism` (uk_adequacy_regulations, idta, uk_addendum_eu_sccs, binding_corporate_rules or exception) and `reference` (where the ' +
      'transfer risk assessment or contract is kept). When the mechanism is an exception, name it in `exception`. If no mechanism applies, keep the ' +
      'data in the UK.',
    severity: 'error',
    severityReason: 'A restricted transfer without a Chapter V mechanism is unlawful.',
    area: 'K',
    importance: 330,
    tags: ['international-transfers', 'processors'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Chapter V (Arts 44 to 49, as amended by the Data (Use and Access) Act 2025 s85 from 5 February 2026)',
        url: 'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/a-guide-to-international-transfers/how-do-we-comply-with-the-transfer-rules-if-were-initiating-the-restricted-transfer',
      },
      {
        instrument: 'The Data (Use and Access) Act 2025 (Commencement No. 6) Regulations 2026 (SI 2026/82)',
        provision: 'reg 2 (s85 in force 5 February 2026)',
        url: 'https://www.legislation.gov.uk/uksi/2026/82/regulation/2/made',
      },
    ],
    defaultOptions: {},
    messages: {
      party: {
        text: [
          '{{party}} processes the data outside the UK (country {{country}}), but `international_transfers` records no transfer to it. Add an entry with ',
          'to: {{id}}, country: {{country}} and the mechanism that makes the transfer lawful (UK adequacy regulations, an IDTA, the UK addendum to the EU ',
          'standard contractual clauses, binding corporate rules, or a named Art 49 exception).',
        ],
        request: 'Ask {{drafter}} what makes it lawful for {{party}} to process the data outside the UK ({{country}}), such as UK adequacy regulations or an international data transfer agreement.',
      },
      'sub-processor': {
        text: [
          'The sub-processor "{{name}}" engaged by {{party}} processes the data outside the UK (country {{country}}), but `international_transfers` ',
          'records no transfer there. Add an entry with to: {{id}}, country: {{country}} and the mechanism that makes the transfer lawful.',
        ],
        request: 'Ask {{drafter}} what makes it lawful for "{{name}}", a sub-processor of {{party}}, to process the data outside the UK ({{country}}).',
      },
      flow: {
        text: [
          'Flow "{{flow}}" sends data outside the UK (country {{country}}), but `international_transfers` records no transfer to {{party}} there. Add an ',
          'entry with to: {{id}}, country: {{country}} and the mechanism that makes the transfer lawful.',
        ],
        request: 'Ask {{drafter}} what makes it lawful to send the data in "{{flow}}" outside the UK ({{country}}).',
      },
      'no-mechanism': {
        text: [
          'This transfer to {{party}} does not say which UK GDPR Chapter V mechanism makes it lawful. Add `mechanism`: uk_adequacy_regulations, idta, ',
          'uk_addendum_eu_sccs, binding_corporate_rules, or exception (naming it in `exception`).',
        ],
        request: 'Ask {{drafter}} what makes the transfer to {{party}} outside the UK lawful, such as UK adequacy regulations or an international data transfer agreement.',
      },
      'exception-unnamed': {
        text: [
          'This transfer to {{party}} relies on an Art 49 exception but does not say which. Name it in `exception` (for example "Art 49(1)(a) explicit ',
          'consent"); the exceptions are narrow and meant for occasional transfers, so check one really applies.',
        ],
        request: 'Ask {{drafter}} which exception in UK GDPR Article 49 the transfer to {{party}} relies on, and why it applies.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a processor in the United States covered by the UK addendum',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Inc, org_type: commercial_supplier, role: processor, country: US }
            international_transfers:
              - { to: acme, country: US, mechanism: uk_addendum_eu_sccs, reference: TRA-2026-02 }
          `,
        },
      ],
      invalid: [
        {
          title: 'a processor in the United States with no transfer recorded',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Inc, org_type: commercial_supplier, role: processor, country: US }
          `,
          findings: [{ messageId: 'party', at: 'parties[1].country' }],
        },
        {
          title: 'an exception that is not named',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Inc, org_type: commercial_supplier, role: processor, country: US }
            international_transfers:
              - { to: acme, country: US, mechanism: exception }
          `,
          findings: [{ messageId: 'exception-unnamed', at: 'international_transfers[0].mechanism' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    for (const { to, country, ...finding } of destinations(a)) {
      if (!recorded(a, to, country)) report(finding);
    }
    (a.international_transfers ?? []).forEach((transfer, t) => {
      const party = partyName(a, transfer.to);
      if (transfer.mechanism === undefined) {
        report({ messageId: 'no-mechanism', data: { party }, at: ['international_transfers', t, 'mechanism'] });
      } else if (transfer.mechanism === 'exception' && !transfer.exception) {
        report({ messageId: 'exception-unnamed', data: { party }, at: ['international_transfers', t, 'mechanism'] });
      }
    });
  },
});
