/**
 * The rule API catches an author's slips when the code compiles (each `@ts-expect-error`
 * below is checked by `tsc`, which `npm test` runs first), and its helpers behave as the
 * docs say at run time.
 */
import { describe, expect, it } from 'vitest';
import { dedent, defineRule, extendPath, yaml, type Path } from '../src/core/rule.js';

const META = {
  title: 'Test rule',
  description: 'A rule for API tests.',
  rationale: 'Tests.',
  fix: 'None.',
  severity: 'warning' as const,
  severityReason: 'Tests.',
  area: 'format' as const,
  importance: 500,
  tags: ['format' as const],
  presets: ['strict' as const],
  citations: [],
  defaultOptions: {},
  examples: { valid: [], invalid: [] },
};

describe('the rule API types', () => {
  it('checks placeholders against data, message ids, paths and tags at compile time', () => {
    const rule = defineRule({
      id: 'test-api',
      meta: { ...META, messages: { two: ['Flow "{{flow}}" goes to ', '{{recipient}}.'], none: 'Nothing to fill.' } },
      check({ report }) {
        report({ messageId: 'two', data: { flow: 'f1', recipient: 'Acme' }, at: ['flows', 0, 'to'] });
        report({ messageId: 'none', at: [] });
        // @ts-expect-error the data lacks {{recipient}}
        report({ messageId: 'two', data: { flow: 'f1' }, at: ['flows', 0, 'to'] });
        // @ts-expect-error there is no such message
        report({ messageId: 'three', at: [] });
        // @ts-expect-error a misspelt key is not a path in the agreement format
        report({ messageId: 'none', at: ['flows', 0, 'too'] });
        // @ts-expect-error an index where the format has a key
        report({ messageId: 'none', at: ['population', 0] });
        report({ messageId: 'none', at: extendPath(['flows', 0], 'access', 'mode') });
      },
    });
    expect(Object.keys(rule.meta.messages)).toEqual(['two', 'none']);
    // @ts-expect-error an undeclared tag
    defineRule({ id: 'test-tag', meta: { ...META, tags: ['not-a-tag'], messages: { m: 'Message.' } }, check: () => {} });
    const text: string = ['Written ', 'in parts'].join('');
    // @ts-expect-error a message joined with + (here, any non-literal string) cannot be checked
    defineRule({ id: 'test-concat', meta: { ...META, messages: { m: text } }, check: () => {} });
    const path: Path = ['purposes', 1, 'lawful_basis', 'article_6'];
    expect(path).toHaveLength(4);
  });
});

describe('dedent (the yaml`...` helper)', () => {
  it('drops the code indentation and the blank first and last lines, and ends with one newline', () => {
    const text = yaml`
      dsalint: 1
      parties:
        - { id: a }

      title: x
    `;
    expect(text).toBe('dsalint: 1\nparties:\n  - { id: a }\n\ntitle: x\n');
  });

  it('keeps escapes, tabs and byte-order marks as content, and interpolated values as they are', () => {
    expect(dedent`
      \uFEFFa:\tb\r
      c: ${'  d\n  e'}
    `).toBe('\uFEFFa:\tb\r\nc:   d\n  e\n');
  });

  it('accepts a plain string', () => {
    expect(dedent('\n    x\n      y\n  ')).toBe('x\n  y\n');
  });
});
