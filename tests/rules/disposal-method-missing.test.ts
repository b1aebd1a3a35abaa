import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'disposal-method-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const EXPIRES = 'dates: { effective_from: 2026-04-01, expires: 2027-03-31 }\n';
const KEPT = 'retention:\n  - { party: meo, period: P10Y, starts: case_closed, disposal: secure_destruction }\n';
const NOT_DISPOSED = 'retention:\n  - { party: meo, period: P10Y, starts: case_closed }\n';

describe(RULE, () => {
  describe('retention entries', () => {
    it('warns at an entry with no disposal method', async () => {
      const text = HEAD + EXPIRES + NOT_DISPOSED;
      expect(await lint(text)).toEqual([`no-disposal ${rangeOf(text, '{ party: meo, period: P10Y, starts: case_closed }')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
    });

    it('warns about each entry without one', async () => {
      const text = HEAD + EXPIRES + NOT_DISPOSED + '  - { party: surgery, period: P1Y, starts: receipt, disposal: anonymise }\n  - { party: icb, period: P1Y, starts: receipt }\n';
      expect((await lint(text)).map((f) => f.split(' ')[0])).toEqual(['no-disposal', 'no-disposal']);
    });

    it('passes entries that state one', async () => {
      expect(await lint(HEAD + EXPIRES + KEPT)).toEqual([]);
    });
  });

  describe('end of the agreement', () => {
    it('notes termination terms that do not say what happens to the data, at the termination key', async () => {
      const text = HEAD + EXPIRES + 'termination: { notice_period: P3M }\n' + KEPT;
      expect(await lint(text)).toEqual([`no-termination-disposal ${rangeOf(text, 'termination')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('info');
    });

    it('notes an agreement with an end date but no retention entries and no termination terms, at the first key', async () => {
      const text = HEAD + EXPIRES;
      expect(await lint(text)).toEqual([`no-termination-disposal ${rangeOf(text, 'dsalint')}`]);
    });

    it('does not note it when retention entries already say what happens to the data', async () => {
      expect(await lint(HEAD + EXPIRES + KEPT)).toEqual([]);
      expect(await lint(HEAD + EXPIRES + NOT_DISPOSED)).toHaveLength(1); // only the entry's own warning
    });

    it('leaves an agreement with neither an end date nor termination terms to agreement-expired-or-no-term', async () => {
      expect(await lint(HEAD)).toEqual([]);
      const text = HEAD + 'termination: { notice_period: P3M }\n';
      expect(await lint(text)).toEqual([`no-termination-disposal ${rangeOf(text, 'termination')}`]);
    });

    it('passes when termination says what happens to the data', async () => {
      expect(await lint(HEAD + EXPIRES + 'termination: { notice_period: P3M, data_on_termination: return_to_controller }\n')).toEqual([]);
    });

    it('does not ask an agreement that shares only anonymised data', async () => {
      expect(await lint(HEAD + EXPIRES + 'data:\n  - { id: counts, identifiability: aggregate }\n')).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
