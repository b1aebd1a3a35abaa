/**
 * Every rule's documented examples are executed: valid examples produce no finding from
 * the rule, invalid ones exactly the findings (message id and range) they list, in order.
 * An expected finding names its place by path or text (tests/helpers/expected.ts), which
 * resolves to an exact range. The docs cannot drift from the behaviour.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import type { AnyRule, RuleExample } from '../src/core/rule.js';
import type { AcrossExample } from '../src/across/rule.js';
import { findingsOf, lintEstate, lintText } from './helpers/lint.js';
import { expectedRange } from './helpers/expected.js';

/** Lint an example with its rule alone, as the docs describe it; `messageId L:C-L:C` per finding. */
async function lintExample(rule: AnyRule, example: RuleExample): Promise<string[]> {
  const outcome = await lintText(example.agreement, {
    rules: [rule],
    options: example.options ? { [rule.id]: example.options } : {},
    ...(example.asOf ? { asOf: example.asOf } : {}),
    ...(example.markdown ? { markdown: true } : {}),
    ...(example.protocol ? { protocol: example.protocol } : {}),
  });
  expect(outcome.failure).toBeUndefined();
  return findingsOf(outcome, rule.id);
}

// `npm run test:rule -- <id>` sets DSALINT_RULE to run one rule's examples.
const ONLY = process.env['DSALINT_RULE'];
const selected = RULES.filter((rule) => !ONLY || rule.id === ONLY);

/** Lint an across-agreements example's files as one run, with its rule alone; `file messageId L:C-L:C` per finding. */
async function lintAcrossExample(rule: AnyRule, example: AcrossExample): Promise<string[]> {
  return lintEstate(example.files, { rules: [rule], ruleId: rule.id, options: example.options ? { [rule.id]: example.options } : {}, ...(example.asOf ? { asOf: example.asOf } : {}) });
}

describe.each(selected.filter((r) => r.stage === 'across').map((rule) => [rule.id, rule] as const))('%s examples (across agreements)', (_id, rule) => {
  if (rule.stage !== 'across') return;
  const { valid, invalid } = rule.meta.estateExamples ?? { valid: [], invalid: [] };

  it('has at least one passing and one failing example, each of several files', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
    for (const example of [...valid, ...invalid]) expect(Object.keys(example.files).length).toBeGreaterThan(1);
  });

  it.each(valid.map((e) => [e.title, e] as const))('passes: %s', async (_title, example) => {
    expect(await lintAcrossExample(rule, example)).toEqual([]);
  });

  it.each(invalid.map((e) => [e.title, e] as const))('fails: %s', async (_title, example) => {
    const expected = example.findings.map((f) => `${f.file} ${f.messageId} ${f.range}`);
    expect((await lintAcrossExample(rule, example)).sort()).toEqual(expected.sort());
  });
});

describe.each(selected.flatMap((rule) => (rule.stage === 'across' ? [] : [[rule.id, rule] as const])))('%s examples', (_id, rule) => {
  const valid = rule.meta.examples.valid;
  const invalid = rule.meta.examples.invalid;

  it('has at least one passing and one failing example', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(valid.map((e) => [e.title, e] as const))('passes: %s', async (_title, example) => {
    expect(await lintExample(rule, example)).toEqual([]);
  });

  it.each(invalid.map((e) => [e.title, e] as const))('fails: %s', async (_title, example) => {
    const expected = await Promise.all(example.findings.map(async (f) => `${f.messageId} ${await expectedRange(example, f)}`));
    expect(await lintExample(rule, example)).toEqual(expected);
  });
});
