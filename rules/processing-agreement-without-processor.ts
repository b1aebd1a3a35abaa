import { defineRule, yaml } from '../src/core/rule.js';
import { isProcessorFor } from '../src/core/facts.js';

export default defineRule({
  id: 'processing-agreement-without-processor',
  meta: {
    title: 'A processing agreement must name its processor',
    description: 'Reports a processing agreement (`kind: processing_agreement`) in which no party is a processor or sub-processor, for any purpose.',
    rationale:
      'A processing agreement is the contract UK GDPR Article 28 requires between a controller (a GP practice, say) and an organisation that ' +
      'processes personal data on its behalf (a clinical system supplier, a transcription or coding service). Everything in it hangs on the processor: ' +
      'the documented instructions it must follow, the security it must apply, the sub-processors it may use, and what happens to the data at the ' +
      'end. One that names no processor cannot be checked against Article 28 at all: `processor-without-art28-contract` judges the contract terms ' +
      'once the processor is named.',
    fix:
      'Give the supplier `role: processor` under `parties` (or under the purpose\'s `roles` when it is a processor for some purposes only), and ' +
      'record its contract under `processors` with the Article 28 terms. If every party decides why and how the data is used, this is a data ' +
      'sharing agreement: remove `kind` or set `kind: sharing_agreement`.',
    severity: 'error',
    severityReason: 'Without a processor, the document is not the Article 28 contract it claims to be.',
    area: 'K',
    importance: 320,
    tags: ['processors', 'contracts'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 28(3)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/28' }],
    defaultOptions: {},
    messages: {
      'no-processor': {
        text: [
          'This is a processing agreement, but no party is a processor. Give the organisation that processes on the controller\'s behalf `role: processor` ',
          'and record its Article 28 contract under `processors`, or, if there is no processor, make it a data sharing agreement.',
        ],
        request: 'Ask {{drafter}} which party processes the data on the controller\'s behalf, and for its contract; if none does, this is a data sharing agreement, not a processing agreement.',
      },
    },
    examples: {
      valid: [
        {
          title: 'a GP practice and its document workflow supplier',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Document workflow
            kind: processing_agreement
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: supplier, name: Example Workflow Ltd, org_type: commercial_supplier, role: processor }
          `,
        },
      ],
      invalid: [
        {
          title: 'no party is a processor',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Document workflow
            kind: processing_agreement
            parties:
              - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
              - { id: supplier, name: Example Workflow Ltd, org_type: commercial_supplier }
          `,
          findings: [{ messageId: 'no-processor', at: 'kind' }],
        },
      ],
    },
  },
  check({ agreement: a, report }) {
    if (a.kind !== 'processing_agreement') return;
    const purposes = a.purposes ?? [];
    const processor = (a.parties ?? []).some((party) =>
      purposes.length === 0 ? isProcessorFor(party, []) : purposes.some((p) => isProcessorFor(party, [p])),
    );
    if (!processor) report({ messageId: 'no-processor', at: ['kind'] });
  },
});
