import { defineDocumentRule, yaml } from '../src/core/rule.js';

export default defineDocumentRule({
  id: 'yaml-duplicate-key',
  meta: {
    title: 'A key must not appear twice in the same mapping',
    description: 'Reports a key that is repeated within one mapping, pointing at the first occurrence too.',
    rationale:
      'When a key appears twice, a person reading the agreement may rely on the first value while software uses the last. ' +
      'For a retention period or an access mode that difference is exactly the kind of gap that reaches patients.',
    fix: 'Delete one of the two entries, keeping the value the parties actually agreed.',
    severity: 'error',
    severityReason: 'The agreement is ambiguous: two readers can reach different conclusions from it.',
    area: 'format',
    importance: 140,
    tags: ['format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'YAML 1.2.2 specification', provision: '3.2.1.1 (mapping keys are unique)', url: 'https://yaml.org/spec/1.2.2/#3211-nodes' }],
    defaultOptions: {},
    messages: {
      duplicate: 'The key "{{key}}" appears twice in this mapping; a person may read the first value and a machine the second. Keep one.',
    },
    examples: {
      valid: [{
        title: 'each key once',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
          status: draft
        `,
      }],
      invalid: [
        {
          title: 'status given twice',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            status: draft
            status: active
          `,
          findings: [{ messageId: 'duplicate', text: 'status', occurrence: 2 }],
        },
      ],
    },
  },
  check({ facts, source, report }) {
    const base = source.yamlOffset;
    for (const duplicate of facts.parsed.duplicateKeys) {
      report({
        messageId: 'duplicate',
        data: { key: duplicate.key },
        at: { offsets: [base + duplicate.duplicate[0], base + duplicate.duplicate[1]] },
        related: [{ at: { offsets: [base + duplicate.first[0], base + duplicate.first[1]] }, message: `"${duplicate.key}" first appears here.` }],
      });
    }
  },
});
