import { defineRule, yaml } from '../src/core/rule.js';

const SECTIONS = ['parties', 'purposes', 'data', 'flows'] as const;

export default defineRule({
  id: 'duplicate-id',
  meta: {
    title: 'Ids must be unique within their section',
    description: 'Reports a party, purpose, data item or flow whose id is already used by another entry in the same section.',
    rationale: 'Other entries refer to parties, purposes and data by id. If two share an id, nobody can tell which one a flow, retention period or approval means.',
    fix: 'Give each entry its own id, and update the references that meant the second one.',
    severity: 'error',
    severityReason: 'References become ambiguous, so the agreement cannot be read consistently.',
    area: 'format',
    importance: 165,
    tags: ['format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    defaultOptions: {},
    messages: {
      duplicate: {
        text: 'The id "{{id}}" is already used by another entry in `{{section}}`; give each entry its own id.',
        request: 'Ask {{drafter}} to make clear which entry is meant by "{{id}}": the agreement uses the same name for two different entries.',
      },
    },
    examples: {
      valid: [{
        title: 'distinct ids',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          parties:
            - { id: surgery, name: Example Surgery }
            - { id: meo, name: Medical Examiner Office }
        `,
      }],
      invalid: [
        {
          title: 'two parties with one id',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            parties:
              - { id: surgery, name: Example Surgery }
              - { id: surgery, name: Another Surgery }
          `,
          findings: [{ messageId: 'duplicate', at: 'parties[1].id' }],
        },
      ],
    },
  },
  check({ agreement, report }) {
    for (const section of SECTIONS) {
      const first = new Map<string, number>();
      (agreement[section] ?? []).forEach((entry, i) => {
        const earlier = first.get(entry.id);
        if (earlier === undefined) {
          first.set(entry.id, i);
          return;
        }
        report({
          messageId: 'duplicate',
          data: { id: entry.id, section },
          at: [section, i, 'id'],
          related: [{ at: [section, earlier, 'id'], message: `"${entry.id}" is first used here.` }],
        });
      });
    }
  },
});
