import { defineDocumentRule } from '../src/core/rule.js';

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
      valid: [{ title: 'the minimum', agreement: 'dsalint: 1\nid: EX-001\ntitle: Example\n' }],
      invalid: [
        {
          title: 'a misspelt key',
          agreement: 'dsalint: 1\nid: EX-001\ntitle: Example\nretension: []\n',
          findings: [{ messageId: 'unknown-key', range: '4:1-4:10' }],
        },
        {
          title: 'a period that is not an ISO 8601 duration',
          agreement: 'dsalint: 1\nid: EX-001\ntitle: Example\nretention:\n  - party: meo\n    period: 8 years\n',
          findings: [{ messageId: 'bad-format', range: '6:13-6:20' }],
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
