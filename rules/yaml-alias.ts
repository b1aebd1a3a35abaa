import { defineDocumentRule, yaml } from '../src/core/rule.js';
import { MAX_ALIASES } from '../src/core/parse.js';

export default defineDocumentRule({
  id: 'yaml-alias',
  meta: {
    title: 'Agreements must not lean on YAML aliases',
    description: `Reports YAML anchors and aliases (\`&name\`, \`*name\`) used more than ${MAX_ALIASES} times, which dsalint will not expand.`,
    rationale:
      'An alias copies a value from elsewhere in the file. A few are harmless, but many make the agreement hard to read and can be used to ' +
      'make a small file expand to an enormous one (a "billion laughs" attack). dsalint refuses to expand more than a small number.',
    fix: 'Write the values out in full where they are used.',
    severity: 'error',
    severityReason: 'The agreement cannot be checked safely, so nothing in it has been checked.',
    area: 'format',
    importance: 110,
    tags: ['format', 'security'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'YAML 1.2.2 specification', provision: '3.2.2.2 (anchors and aliases)', url: 'https://yaml.org/spec/1.2.2/#3222-anchors-and-aliases' }],
    defaultOptions: {},
    messages: {
      'too-many': 'This file uses {{count}} YAML aliases, more than the {{limit}} dsalint will expand; write the values out in full.',
      'cannot-expand': 'The YAML aliases in this file could not be expanded safely ({{detail}}); write the values out in full.',
    },
    examples: {
      valid: [{
        title: 'one alias',
        agreement: yaml`
          dsalint: 1
          id: &ref EX-001
          title: *ref
        `,
      }],
      invalid: [
        {
          title: 'too many aliases',
          agreement: yaml`
            dsalint: 1
            id: &ref EX-001
            title: Example
            x-list: [${Array.from({ length: MAX_ALIASES + 1 }, () => '*ref').join(', ')}]
          `,
          findings: [{ messageId: 'too-many', text: '*ref' }],
        },
      ],
    },
  },
  check({ facts, source, report }) {
    const { aliases, conversionError } = facts.parsed;
    const base = source.yamlOffset;
    const first = aliases[0];
    if (aliases.length > MAX_ALIASES && first) {
      report({ messageId: 'too-many', data: { count: aliases.length, limit: MAX_ALIASES }, at: { offsets: [base + first[0], base + first[1]] } });
    } else if (conversionError && first) {
      report({ messageId: 'cannot-expand', data: { detail: conversionError }, at: { offsets: [base + first[0], base + first[1]] } });
    }
  },
});
