import { defineDocumentRule, yaml } from '../src/core/rule.js';
import { MAX_FLOW_DEPTH, MAX_YAML_LINES, MAX_YAML_PROBLEMS } from '../src/core/parse.js';
import { formatCount } from '../src/core/words.js';

/** Plain-English hints for the parser's commonest complaints. */
const HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation: items of the same list or mapping must line up.',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation; use spaces.',
  MISSING_CHAR: 'A quote or bracket is not closed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a colon missing, or a quote not closed?',
  BLOCK_AS_IMPLICIT_KEY: 'Text that contains a colon followed by a space must be in quotes; otherwise check for a missing colon or uneven indentation.',
  UNEXPECTED_TOKEN: 'Something here is not valid YAML; text with a colon followed by a space must be in quotes.',
  BAD_SCALAR_START: 'Text that starts with a special character (such as @, ` or %) must be in quotes.',
  DUPLICATE_KEY: 'A key appears twice in the same mapping.',
};

export default defineDocumentRule({
  id: 'yaml-syntax',
  meta: {
    title: 'The file must be valid YAML holding one agreement',
    description: 'Reports YAML syntax errors, a second document in the same file, and a Markdown agreement without YAML front matter.',
    rationale:
      'If the YAML is broken, nobody can be sure what the agreement says: a person reads the text one way and software another. ' +
      'One file holds one agreement, so that every finding, approval and waiver refers to exactly one document.',
    fix: 'Go to the line and column shown and correct the YAML there. Put text that contains a colon followed by a space in quotes. Split a file with several `---` documents into one file per agreement. A Markdown agreement must start with `---`, the YAML, then `---`.',
    severity: 'error',
    severityReason: 'Nothing else in the file can be checked reliably until it parses.',
    area: 'format',
    importance: 100,
    tags: ['format'],
    presets: ['recommended', 'strict'],
    citations: [{ instrument: 'YAML 1.2.2 specification', url: 'https://yaml.org/spec/1.2.2/' }],
    defaultOptions: {},
    messages: {
      syntax: 'YAML syntax error: {{detail}}',
      'extra-document': 'This file holds more than one YAML document; dsalint reads only the first. Put each agreement in a file of its own.',
      'too-deep': `The YAML is nested too deeply to read safely (dsalint stops at ${MAX_FLOW_DEPTH} levels of brackets, or where the parser runs out of room); no agreement needs this. Write the lists and mappings out plainly.`,
      'no-front-matter': 'This Markdown file has no YAML front matter. Start it with a line `---`, then the agreement in YAML, then another `---` line.',
      warning: 'YAML warning: {{detail}}',
      'complex-key': 'A list or mapping is used as a key here (written with `?`); agreement keys are plain words. Write the key as text.',
      'too-long': 'The YAML has more than {{limit}} lines, so dsalint did not read it: no agreement is this long. Split it, or remove what does not belong.',
      'too-many-errors': 'The YAML has more than {{limit}} errors and warnings; dsalint recorded the first {{limit}} and counted {{count}} more. Fix them from the top and run dsalint again.',
    },
    examples: {
      valid: [{
        title: 'well-formed YAML',
        agreement: yaml`
          dsalint: 1
          id: EX-001
          title: "Medical examiner scrutiny: community deaths"
        `,
      }],
      invalid: [
        {
          title: 'an unquoted colon in a value',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Medical examiner scrutiny: community deaths
          `,
          findings: [{ messageId: 'syntax', text: 'M' }],
        },
        {
          title: 'absurdly deep nesting (refused before parsing)',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: Example
            x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
          `,
          findings: [{ messageId: 'too-deep', range: '4:68-4:69' }],
        },
        {
          title: 'two documents in one file',
          agreement: yaml`
            dsalint: 1
            id: EX-001
            title: First
            ---
            dsalint: 1
            id: EX-002
            title: Second
          `,
          findings: [{ messageId: 'extra-document', text: '---' }],
        },
      ],
    },
  },
  check({ facts, source, report }) {
    if (!source.hasFrontMatter) {
      report({ messageId: 'no-front-matter', at: { offsets: [0, Math.max(0, source.text.search(/\r|\n|$/))] } });
      return;
    }
    const base = source.yamlOffset;
    if (facts.parsed.complexKey) {
      report({ messageId: 'complex-key', at: { offsets: [base + facts.parsed.complexKey[0], base + Math.min(facts.parsed.complexKey[1], facts.parsed.complexKey[0] + 200)] } });
    }
    if (facts.parsed.tooLong) {
      report({ messageId: 'too-long', data: { limit: formatCount(MAX_YAML_LINES) }, at: { offsets: [base + facts.parsed.tooLong[0], base + facts.parsed.tooLong[1]] } });
    }
    if (facts.parsed.tooDeep) {
      report({ messageId: 'too-deep', at: { offsets: [base + facts.parsed.tooDeep[0], base + facts.parsed.tooDeep[1]] } });
    }
    const first = facts.parsed.errors[0] ?? facts.parsed.warnings[0];
    if (facts.parsed.problemsDropped > 0 && first) {
      // Reported first, so the caps on findings never hide it.
      report({ messageId: 'too-many-errors', data: { limit: formatCount(MAX_YAML_PROBLEMS), count: formatCount(facts.parsed.problemsDropped) }, at: { offsets: [base + first.pos[0], base + first.pos[1]] } });
    }
    for (const error of facts.parsed.errors) {
      if (error.code === 'DUPLICATE_KEY') continue; // yaml-duplicate-key reports these
      const detail = `${error.message.split('\n')[0]?.replace(/\.$/, '')}. ${HINTS[error.code] ?? ''}`.trim();
      report({ messageId: 'syntax', data: { detail }, at: { offsets: [base + error.pos[0], base + error.pos[1]] } });
    }
    for (const warning of facts.parsed.warnings) {
      if (warning.code === 'TAG_RESOLVE_FAILED') continue; // yaml-custom-tag reports these
      report({ messageId: 'warning', data: { detail: warning.message.split('\n')[0] ?? '' }, at: { offsets: [base + warning.pos[0], base + warning.pos[1]] } });
    }
    for (const [start, end] of facts.parsed.extraDocuments) {
      report({ messageId: 'extra-document', at: { offsets: [base + start, base + end] } });
    }
  },
});
