import type { Agreement } from '../src/generated/agreement.js';
import { defineRule, yaml } from '../src/core/rule.js';
import { partyName, rolesOf } from '../src/core/facts.js';
import { ART28_TERMS, labelOf } from '../src/vocabulary.js';
const ALL_TERMS = ART28_TERMS.map((t) => t.value).join(', ');

/**
 * Lower-cases a label's first letter for mid-sentence use, except that "Art 32 security measures"
 * keeps its capital (unlike words.ts lowerFirst, which lower-cases "Art").
 */
function lowerFirstKeepingArticle(label: string): string {
  return label.startsWith('Art ') ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** Some processor arrangement names the party. */
function hasArrangement(a: Agreement, partyId: string): boolean {
  return (a.processors ?? []).some((p) => p.party === partyId);
}

export default defineRule({
  id: 'processor-without-art28-contract',
  meta: {
    title: 'A processor needs a contract with the Art 28 terms',
    description:
      'Reports a processor or sub-processor with no entry under `processors`, an arrangement with no contract or contract reference, and a contract ' +
      'that does not record all eight terms UK GDPR Art 28(3) requires.',
    rationale:
      'A processor (for example an IT supplier, a data analytics company or a commissioning support unit running a data service) handles patient data ' +
      'on behalf of a controller, and may use it only as the controller instructs. The law makes that relationship rest on a written contract: UK GDPR ' +
      'Art 28(3) requires it, and lists eight terms it must contain — the processor acts only on documented instructions, its staff are bound by ' +
      'confidentiality, it keeps the data secure, it engages sub-processors only on the controller\'s conditions, it helps with patients\' rights ' +
      'requests, it helps the controller with security, breaches and impact assessments, it deletes or returns the data when the contract ends, and it ' +
      'allows audits.\n\n' +
      'Without such a contract, nothing binds the processor to the controller\'s instructions, and the patients\' data is in the hands of an ' +
      'organisation that has promised nothing about it. Each party whose `role` is `processor` or `sub_processor` needs an entry under `processors` ' +
      'with the contract\'s reference and the terms it contains.\n\n' +
      'Art 28(3) also requires the contract to set out the subject matter, duration, nature and purpose of the processing, the types of data and the ' +
      'categories of people. This agreement\'s own purposes, data, population and dates describe those, so dsalint does not ask for them again here.',
    fix:
      'Add an entry under `processors` for the processor, with `party` (its id), `acting_for` (the controllers it works for) and `contract` with ' +
      `\`reference\` (where the signed contract is kept) and \`terms\` listing the Art 28(3) terms it contains: ${ALL_TERMS}. If the contract lacks a term, ` +
      'have it amended before data is shared.',
    severity: 'error',
    severityReason: 'UK GDPR Art 28(3) makes a contract with these terms a legal requirement for processing by a processor.',
    area: 'K',
    importance: 325,
    tags: ['processors', 'contracts', 'accountability'],
    presets: ['recommended', 'strict'],
    citations: [
      {
        instrument: 'UK GDPR',
        provision: 'Art 28(3) (processor contracts)',
        url: 'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-protection-regulation-gdpr/contracts-and-liabilities-between-controllers-and-processors-multi/what-needs-to-be-included-in-the-contract/',
      },
    ],
    defaultOptions: {},
    messages: {
      'no-arrangement': {
        text: [
          '{{party}} is a {{role}}, but `processors` has no entry for it, so no contract is recorded. Add an entry with party: {{id}}, the controllers it ',
          'acts for (`acting_for`) and its Art 28 contract (`contract` with `reference` and `terms`).',
        ],
        request: 'Ask {{drafter}} for the contract under which {{party}} processes the data on the controllers\' behalf, as UK GDPR Article 28 requires.',
      },
      'no-contract': {
        text: [
          'The processor arrangement for {{party}} records no contract. A processor may only handle the data under a contract containing the terms ',
          'UK GDPR Art 28(3) requires; add `contract` with its `reference` and `terms`.',
        ],
        request: 'Ask {{drafter}} for the contract under which {{party}} processes the data, as UK GDPR Article 28 requires.',
      },
      'no-reference': {
        text: 'The contract with {{party}} has no reference, so nobody can find and check it. Add `reference`: where the signed contract is kept.',
        request: 'Ask {{drafter}} where the signed contract with {{party}} is kept, so that it can be checked.',
      },
      'missing-terms': {
        text: [
          'The contract with {{party}} does not record {{count}} of the eight terms UK GDPR Art 28(3) requires: {{missing}}. Check the contract ',
          'contains them and list them under `terms`, or have the contract amended before data is shared.',
        ],
        request: 'Ask {{drafter}} to confirm that the contract with {{party}} contains the terms UK GDPR Article 28(3) requires ({{missing}}), or to have it amended before data is shared.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a processor with a contract containing every Art 28(3) term',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
            processors:
              - party: acme
                acting_for: [icb]
                contract:
                  reference: CON-2026-07
                  terms: [documented_instructions, confidentiality, security, sub_processor_conditions, data_subject_rights_assistance, assist_controller_arts32_36, end_of_contract_delete_or_return, audits_information]
          `,
        },
      ],
      invalid: [
        {
          title: 'a processor with no contract recorded',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
          `,
          findings: [{ messageId: 'no-arrangement', at: 'parties[1].role' }],
        },
        {
          title: 'a contract missing the audit and end-of-contract terms',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: icb, name: Example ICB, org_type: icb, role: controller }
              - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }
            processors:
              - party: acme
                acting_for: [icb]
                contract:
                  reference: CON-2026-07
                  terms: [documented_instructions, confidentiality, security, sub_processor_conditions, data_subject_rights_assistance, assist_controller_arts32_36]
          `,
          findings: [{ messageId: 'missing-terms', at: 'processors[0].contract.terms' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    (a.parties ?? []).forEach((party, i) => {
      // A processor under `parties`, or for any one purpose (`purposes[].roles`).
      const asProcessor = rolesOf(a, i).find((r) => r.role === 'processor' || r.role === 'sub_processor');
      if (!asProcessor || hasArrangement(a, party.id)) return;
      report({
        messageId: 'no-arrangement',
        data: { party: party.name, id: party.id, role: labelOf('partyRole', asProcessor.role).toLowerCase() },
        at: asProcessor.path,
      });
    });
    // Every processor arrangement needs its contract, whatever role the party declares.
    (a.processors ?? []).forEach((arrangement, j) => {
      const party = partyName(a, arrangement.party);
      const contract = arrangement.contract;
      if (!contract) {
        report({ messageId: 'no-contract', data: { party }, at: ['processors', j, 'contract'] });
        return;
      }
      if (!contract.reference) report({ messageId: 'no-reference', data: { party }, at: ['processors', j, 'contract', 'reference'] });
      const missing = ART28_TERMS.filter((t) => !(contract.terms ?? []).includes(t.value as never));
      if (missing.length > 0) {
        report({
          messageId: 'missing-terms',
          data: { party, count: missing.length, missing: missing.map((t) => `${t.value} (${lowerFirstKeepingArticle(t.label)})`).join('; ') },
          at: ['processors', j, 'contract', 'terms'],
        });
      }
    });
  },
});
