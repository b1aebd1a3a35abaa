import { defineDocumentRule, yaml } from '../src/core/rule.js';

export default defineDocumentRule({
  id: 'yaml-custom-tag',
  meta: {
    title: 'Agreements must not use custom YAML tags',
    description: 'Reports YAML tags (such as `!include` or `!!binary`) that the plain YAML 1.2 core schema does not define.',
    rationale:
      'A tag asks the software reading the file to treat a value specially. Some YAML tools run code or fetch files for certain tags. ' +
      'An agreement is read by many tools and people, so it must mean the same thing to all of them: plain values only.',
    fix: 'Remove the tag and write the value plainly.',
    severity: 'error',
    severityReason: 'A tagged value can be read differently by different tools, and tags are a known attack route in YAML loaders.',
    area: 'format',
    importance: 120,
    tags: ['format', 'security'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'YAML 1.2.2 specification', provision: '10.3 (core schema)', url: 'https://yaml.org/spec/1.2.2/#103-core-schema' }],
    defaultOptions: {},
    messages: {
      tag: 'The tag {{tag}} is not plain YAML; remove it and write the value directly.',
    },
    examples: {
      valid: [{
        title: 'no tags',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: Example
        `,
      }],
      invalid: [
        {
          title: 'a custom tag',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: !include title.txt
          `,
          findings: [{ messageId: 'tag', text: '!include' }],
        },
      ],
    },
  },
  check({ facts, source, report }) {
    const base = source.yamlOffset;
    for (const warning of facts.parsed.warnings) {
      if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
      const tag = /tag:? (\S+)/i.exec(warning.message)?.[1] ?? source.yamlText.slice(warning.pos[0], warning.pos[1]);
      report({ messageId: 'tag', data: { tag: tag.replace(/^tag:yaml\.org,2002:/, '!!') }, at: { offsets: [base + warning.pos[0], base + warning.pos[1]] } });
    }
  },
});
