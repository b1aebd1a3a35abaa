import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'agreement-expired-or-no-term';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (status: string | undefined, rest: string) =>
  `dsalint: 1\nid: EX-001\ntitle: Example\n${status ? `status: ${status}\n` : ''}${rest}`;
const expiring = (date: string, status: string | undefined = 'active') => agreement(status, `dates:\n  effective_from: 2025-04-01\n  expires: ${date}\n`);

const lint = (text: string, asOf?: string) => lintWithRule(RULE, text, asOf ? { asOf } : {});

describe(RULE, () => {
  describe('expired', () => {
    const text = expiring('2026-10-31');

    it('is in force (expiring soon) the day before and on its expiry date, and expired the day after', async () => {
      const at = rangeOf(text, '2026-10-31');
      expect(await lint(text, '2026-10-30')).toEqual([`expiring-soon ${at}`]);
      expect(await lint(text, '2026-10-31')).toEqual([`expiring-soon ${at}`]);
      expect(await lint(text, '2026-11-01')).toEqual([`expired ${at}`]);
    });

    it('is an error, with the status as related, and gives the date in words', async () => {
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)], asOf: '2026-11-01' })).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('expired on 31 October 2026');
      expect(finding?.related.map((r) => r.range.start.line)).toEqual([4]);
    });

    it('reports it whatever the status says, unless the agreement is marked expired or withdrawn', async () => {
      for (const status of ['draft', 'suspended']) {
        const text = expiring('2026-10-31', status);
        expect(await lint(text)).toEqual([`expired ${rangeOf(text, '2026-10-31')}`]);
      }
      const none = agreement(undefined, 'dates:\n  expires: 2026-10-31\n');
      expect(await lint(none)).toEqual([`expired ${rangeOf(none, '2026-10-31')}`]);
      const [finding] = (await lintText(none, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('expired on 31 October 2026, but nothing records that it has ended;');
      const [draft] = (await lintText(expiring('2026-10-31', 'draft'), { rules: [ruleById(RULE)] })).findings;
      expect(draft?.message).toContain('expired on 31 October 2026, but its status is still "draft";');
      expect(await lint(expiring('2026-10-31', 'expired'))).toEqual([]);
      expect(await lint(expiring('2026-10-31', 'withdrawn'))).toEqual([]);
    });
  });

  describe('expiring soon', () => {
    it('warns from 60 days before expiry, or the configured window, but not for a draft', async () => {
      const text = expiring('2026-12-31');
      expect(await lint(text, '2026-10-31')).toEqual([]);
      expect(await lint(text, '2026-11-01')).toEqual([`expiring-soon ${rangeOf(text, '2026-12-31')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)], asOf: '2026-11-02' })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('expires on 31 December 2026, 59 days from the judging date');
      expect(await lintWithRule(RULE, text, { asOf: '2026-12-01', options: { [RULE]: { warn_within_days: 0 } } })).toEqual([]);
      expect(await lint(expiring('2026-12-31', 'draft'), '2026-12-01')).toEqual([]);
    });
  });

  describe('no term', () => {
    it('reports no expiry date and no termination terms, as a warning at the dates key', async () => {
      const text = agreement('active', 'dates:\n  effective_from: 2026-04-01\n');
      expect(await lint(text)).toEqual([`no-term ${rangeOf(text, 'dates')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
    });

    it('reports at the first key when there are no dates at all', async () => {
      expect(await lint(agreement(undefined, ''))).toEqual(['no-term 1:1-1:8']);
    });

    it('accepts termination terms instead of an expiry date', async () => {
      expect(await lint(agreement('active', 'termination:\n  notice_period: P3M\n'))).toEqual([]);
      expect(await lint(agreement('active', 'termination:\n  data_on_termination: secure_destruction\n'))).toEqual([]);
    });

    it('does not count an empty termination section', async () => {
      const text = agreement('active', 'dates:\n  effective_from: 2026-04-01\ntermination: {}\n');
      expect(await lint(text)).toEqual([`no-term ${rangeOf(text, 'dates')}`]);
    });

    it('asks nothing of an agreement that has ended', async () => {
      expect(await lint(agreement('withdrawn', ''))).toEqual([]);
      expect(await lint(agreement('expired', ''))).toEqual([]);
    });
  });

  it('is quiet on the starter agreement, on the default date and today', async () => {
    expect(await lint(STARTER)).toEqual([]);
    expect(await lint(STARTER, '2026-11-22')).toEqual([]);
  });
});

describe(`${RULE}: terms as real agreements write them`, () => {
  it('reads an expiry given to the month as the end of that month', async () => {
    const text = expiring('2026-10');
    expect(await lint(text, '2026-10-31')).toEqual([`expiring-soon ${rangeOf(text, '2026-10')}`]);
    expect(await lint(text, '2026-11-01')).toEqual([`expired ${rangeOf(text, '2026-10')}`]);
  });

  it('counts a fixed initial term from the effective date, and reports it at the term once it has run out', async () => {
    const text = agreement('active', 'dates:\n  effective_from: 2025-04-01\n  initial_term: P12M\n');
    expect(await lint(text, '2026-01-29')).toEqual([]);
    expect(await lint(text, '2026-03-31')).toEqual([`expiring-soon ${rangeOf(text, 'P12M')}`]);
    expect(await lint(text, '2026-04-01')).toEqual([`expired ${rangeOf(text, 'P12M')}`]);
  });

  it('accepts a term that renews each year unless ended, and never calls it expired', async () => {
    const text = agreement('active', 'dates:\n  effective_from: 2016-04\n  initial_term: P12M\n  renewal: automatic\n  renewal_term: P1Y\n');
    expect(await lint(text, '2026-11-01')).toEqual([]);
  });
});
