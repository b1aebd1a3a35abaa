import { defineDocumentRule, markdown } from '../src/core/rule.js';
import { DEFAULT_FINDING_LIMITS as DEFAULT_LIMITS, LIMIT_RULE_ID, type FindingLimits } from '../src/core/limits.js';

export default defineDocumentRule({
  id: LIMIT_RULE_ID,
  meta: {
    title: 'dsalint stopped short of checking or listing everything in the file',
    description:
      'Reports that a file gave more findings than a report lists (per rule and per file), or that its Markdown text was too large or too complex for the prose checks, so that part was not checked.',
    rationale:
      'A broken or hostile file can produce hundreds of thousands of findings, or Markdown that takes the parser minutes to read. ' +
      'dsalint keeps its work and its reports bounded, and says so plainly whenever it holds something back, so nobody takes a partly checked file for a clean one.',
    fix: 'Fix the findings shown and run dsalint again; the ones held back appear as the others are fixed. For Markdown text that was skipped, shorten it or simplify its lists and nesting. The limits on findings are options of this rule in `.dsalint.yaml`.',
    severity: 'warning',
    severityReason: 'Part of the file was not checked or not listed; when the findings held back include errors, the notice is an error too.',
    area: 'format',
    importance: 190,
    tags: ['format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'UK GDPR', provision: 'Art 5(2) (accountability)', url: 'https://www.legislation.gov.uk/eur/2016/679/article/5' }],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_findings_per_rule: { type: 'integer', minimum: 1, maximum: 100000, description: 'The most findings of one rule listed for one file; the rest are counted in one notice.', default: DEFAULT_LIMITS.max_findings_per_rule },
        max_findings_per_file: { type: 'integer', minimum: 1, maximum: 100000, description: 'The most findings listed for one file; the rest are counted in one notice.', default: DEFAULT_LIMITS.max_findings_per_file },
      },
    },
    defaultOptions: DEFAULT_LIMITS as FindingLimits,
    messages: {
      'findings-per-rule': 'dsalint lists at most {{limit}} findings of {{rule}} in one file and held back {{count}} more here, starting at this place; fix the ones shown and run dsalint again.',
      'findings-per-file': 'dsalint lists at most {{limit}} findings in one file and held back {{count}} more here (the most serious are listed), starting at this place; fix the ones shown and run dsalint again.',
      'prose-skipped': 'The Markdown text below the front matter was not checked because {{reason}}; the YAML was checked. Shorten the text or simplify its lists and nesting.',
    },
    examples: {
      valid: [
        {
          title: 'ordinary Markdown text',
          markdown: true,
          agreement: markdown`
            ---
            dsalint: 1
            id: EX-001
            title: Example
            ---

            # Agreement

            - The surgery shares a summary.
            - Nothing else.
          `,
        },
      ],
      invalid: [
        {
          title: 'lists nested too deeply to parse safely',
          markdown: true,
          agreement: `---\ndsalint: 1\nid: EX-001\ntitle: Example\n---\n${'- '.repeat(40)}x\n`,
          findings: [{ messageId: 'prose-skipped', range: '6:1-6:82' }],
        },
      ],
    },
  },
  // The engine reports findings held back: it is the one that counts them.
  check({ source, report }) {
    const skipped = source.proseSkipped;
    if (!skipped) return;
    const lineEnd = source.text.slice(skipped.offset).search(/\r|\n|$/);
    report({ messageId: 'prose-skipped', data: { reason: skipped.reason }, at: { offsets: [skipped.offset, skipped.offset + Math.min(lineEnd, 200)] } });
  },
});
