/**
 * The engine vouches for what rules hand back: a rule that throws, names an unknown message
 * or reports a place outside the file is named in a file failure (exit code 2), and the
 * other rules' findings are still reported.
 */
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/core/rule.js';
import { lintText, ruleById } from './helpers/lint.js';

const META = {
  title: 'Test rule',
  description: 'A rule for engine tests.',
  rationale: 'Tests.',
  fix: 'None.',
  severity: 'error' as const,
  severityReason: 'Tests.',
  area: 'format' as const,
  importance: 500,
  tags: ['format' as const],
  presets: ['strict' as const],
  citations: [],
  defaultOptions: {},
  messages: { found: 'Found {{what}}.' } as const,
  examples: { valid: [], invalid: [] },
};

const AGREEMENT = 'dsalint: 1\nid: EX-1\ntitle: Example\nparties:\n  - { id: a, name: A }\n  - { id: a, name: B }\n';

describe('the engine', () => {
  it('names a rule that throws, and keeps the other rules\' findings', async () => {
    const thrower = defineRule({ id: 'test-thrower', meta: META, check: () => { throw new Error('boom'); } });
    const outcome = await lintText(AGREEMENT, { rules: [thrower, ruleById('duplicate-id')] });
    expect(outcome.failure).toEqual({ code: 'internal', message: "dsalint's rule test-thrower failed on this file; this is a bug in dsalint, please report it: boom" });
    expect(outcome.findings.map((f) => f.ruleId)).toEqual(['duplicate-id']);
  });

  it('names a rule that reports an unknown message id', async () => {
    const wrong = defineRule({ id: 'test-wrong-message', meta: META, check: ({ report }) => report({ messageId: 'nope' as 'found', data: { what: 'x' }, at: ['id'] }) });
    const outcome = await lintText(AGREEMENT, { rules: [wrong] });
    expect(outcome.failure?.message).toBe('dsalint\'s rule test-wrong-message failed on this file; this is a bug in dsalint, please report it: Rule test-wrong-message reported unknown message id "nope".');
  });

  it('names a rule that reports a place outside the file', async () => {
    const outside = defineRule({ id: 'test-outside', meta: META, check: ({ report }) => report({ messageId: 'found', data: { what: 'x' }, at: { offsets: [10, 5] } }) });
    const outcome = await lintText(AGREEMENT, { rules: [outside, ruleById('duplicate-id')] });
    expect(outcome.failure?.message).toMatch(/^dsalint's rule test-outside reported a place that is not in this file; this is a bug in dsalint/);
    expect(outcome.findings.map((f) => f.ruleId)).toEqual(['duplicate-id']);
  });

  it('fills message placeholders and leaves a missing one visible', async () => {
    // The compiler refuses a report without its placeholders' data; a rule that gets round it still shows the gap.
    // @ts-expect-error data for {{what}} is missing
    const partial = defineRule({ id: 'test-placeholder', meta: META, check: ({ report }) => report({ messageId: 'found', at: ['title'] }) });
    const outcome = await lintText(AGREEMENT, { rules: [partial] });
    expect(outcome.findings.map((f) => f.message)).toEqual(['Found {{what}}.']);
  });
});
