import { defineDocumentRule, yaml } from '../src/core/rule.js';

export default defineDocumentRule({
  id: 'schema',
  meta: {
    title: 'The agreement must follow the dsalint format',
    description: 'Checks the agreement against the dsalint JSON Schema: known keys only, values of the right type, controlled values from the vocabulary, dates and durations in ISO 8601.',
    rationale:
      'The domain rules can only judge what they can read. A misspelt key (`retension`) is silently ignored by anything that reads the agreement, ' +
      'so the retention period the parties think they agreed is not there at all. Controlled values (organisation types, lawful bases, purpose categories) ' +
      'are what let dsalint tell direct care from secondary use, or a GP practice from a commercial supplier.',
    fix: 'Follow the message: correct the spelling of the key or value (dsalint suggests the nearest known one), quote values that must be text, and write dates as YYYY-MM-DD and durations as ISO 8601 (P8Y, P28D, PT24H). `dsalint schema` prints the full format; editors that support JSON Schema show it as you type.',
    severity: 'error',
    severityReason: 'Until the agreement follows the format, the domain rules do not run on it.',
    area: 'format',
    importance: 130,
    tags: ['format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'JSON Schema 2020-12', url: 'https://json-schema.org/draft/2020-12' }],
    defaultOptions: {},
    messages: {
      missing: '{{detail}}',
      'unknown-key': '{{detail}}',
      'bad-value': '{{detail}}',
      'wrong-type': '{{detail}}',
      'bad-format': '{{detail}}',
      empty: '{{detail}}',
      'not-a-mapping': '{{detail}}',
      'duplicate-item': '{{detail}}',
    },
    examples: {
      valid: [{
        title: 'the minimum',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
        `,
      }],
      invalid: [
        {
          title: 'a misspelt key',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            retension: []
          `,
          findings: [{ messageId: 'unknown-key', at: 'retension', part: 'key' }],
        },
        {
          title: 'a period that is not an ISO 8601 duration',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            retention:
              - party: meo
                period: 8 years
          `,
          findings: [{ messageId: 'bad-format', at: 'retention[0].period' }],
        },
      ],
    },
  },
  check({ facts, report }) {
    for (const problem of facts.schemaProblems ?? []) {
      report({ messageId: problem.messageId, data: { detail: problem.message }, at: { path: problem.path, part: problem.part } });
    }
  },
});
