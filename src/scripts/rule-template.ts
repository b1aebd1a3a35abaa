/**
 * What `npm run new-rule <id>` writes: a rule that compiles, with every blank marked TODO,
 * and its test file. The rule's failing example and the TODO check in tests/rule-meta.test.ts
 * keep `npm run test:rule -- <id>` red until the blanks are filled. CONTRIBUTING.md explains
 * each field.
 */

/** The example agreements the templates start from, as lines of YAML. */
const ACCEPTED = ['dsalint: 1', 'id: EX-001', 'title: Example'];
const REPORTED = [...ACCEPTED, 'parties:', '  - { id: surgery, name: Example Surgery }', 'flows:', '  - { id: f1, from: surgery }'];

/** A yaml`...` block whose lines are indented by `indent` spaces (the closing backtick by two fewer). */
function yamlBlock(lines: readonly string[], indent: number): string {
  return `yaml\`\n${lines.map((line) => `${' '.repeat(indent)}${line}\n`).join('')}${' '.repeat(indent - 2)}\``;
}

export function ruleTemplate(id: string): string {
  return `import { defineRule, yaml } from '../src/core/rule.js';

export default defineRule({
  id: '${id}',
  meta: {
    title: 'TODO: the requirement, in a few words, such as "Purposes must be specific"',
    description: 'TODO: one or two sentences saying what the rule reports.',
    rationale: 'TODO: why it matters, in words a GP or IG officer would follow, quoting the law or guidance it rests on.',
    fix: 'TODO: what to change in the agreement, or what to ask the other party for.',
    severity: 'warning',
    severityReason: 'TODO: why this severity (CONTRIBUTING.md: "Severity, importance and presets").',
    // The catalogue area (AREAS) and the rank among all rules (IMPORTANCE_BANDS, lower is listed first), in src/core/rule.ts.
    area: 'A',
    importance: 595,
    tags: ['accountability'],
    presets: ['strict'],
    citations: [
      // Primary sources only: legislation.gov.uk, ico.org.uk, gov.uk, england.nhs.uk, nhs.uk, digital.nhs.uk.
      { instrument: 'UK GDPR', provision: 'TODO: the article, such as Art 5(1)(c)', url: 'https://www.legislation.gov.uk/eur/2016/679/contents' },
    ],
    defaultOptions: {},
    messages: {
      // Say where, and what to ask for or change. Each {{placeholder}} must be filled by the report's data.
      // The request is the same point for a reviewer who never sees the YAML: plain words, no keys.
      found: {
        text: 'TODO: flow "{{flow}}" ... Say what to change.',
        request: 'TODO: Ask {{drafter}} to ... (the flow "{{flow}}").',
      },
    },
    examples: {
      valid: [
        {
          title: 'TODO: an agreement the rule accepts',
          agreement: ${yamlBlock(ACCEPTED, 12)},
        },
      ],
      invalid: [
        {
          title: 'TODO: an agreement the rule reports',
          agreement: ${yamlBlock(REPORTED, 12)},
          // Name each expected finding by its path (at) or by the text it covers (text).
          findings: [{ messageId: 'found', at: 'flows[0].id' }],
        },
      ],
    },
  },
  check({ agreement, report }) {
    // TODO: find the problem and report it at a path in the agreement, for example
    //   (agreement.flows ?? []).forEach((flow, i) => report({ messageId: 'found', data: { flow: flow.id }, at: ['flows', i, 'id'] }));
    // Reuse the helpers in src/core/facts.ts; never compute line numbers.
    void agreement;
    void report;
  },
});
`;
}

export function testTemplate(id: string): string {
  return `import { describe, expect, it } from 'vitest';
import { yaml } from '../../src/core/rule.js';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = '${id}';

// The rule's documented examples run in tests/rule-examples.test.ts; test the other cases
// here: each message, the edges of the trigger, and the exact range of each finding.
describe(RULE, () => {
  it('TODO: reports ...', async () => {
    const text = ${yamlBlock(REPORTED, 6)};
    expect(await lintWithRule(RULE, text)).toEqual([\`found \${rangeOf(text, 'f1')}\`]);
  });

  it('TODO: is quiet when ...', async () => {
    const text = ${yamlBlock(ACCEPTED, 6)};
    expect(await lintWithRule(RULE, text)).toEqual([]);
  });
});
`;
}
