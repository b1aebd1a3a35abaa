import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'review-date-missing-or-overdue';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (dates: string, status = 'active') => `dsalint: 1\nid: EX-001\ntitle: Example\nstatus: ${status}\ndates:\n${dates}`;
const review = (date: string, status = 'active') => agreement(`  review_by: ${date}\n`, status);

const lint = (text: string, asOf?: string, options?: Record<string, unknown>) =>
  lintWithRule(RULE, text, { ...(asOf ? { asOf } : {}), ...(options ? { options: { [RULE]: options } } : {}) });

describe(RULE, () => {
  describe('missing review date', () => {
    it('reports a missing review date at the dates key, or at the first key when there are no dates', async () => {
      const noReview = agreement('  effective_from: 2026-04-01\n');
      expect(await lint(noReview)).toEqual([`missing ${rangeOf(noReview, 'dates')}`]);
      expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\n')).toEqual(['missing 1:1-1:8']);
    });

    it('asks nothing of an expired or withdrawn agreement', async () => {
      expect(await lint(agreement('  effective_from: 2026-04-01\n', 'expired'))).toEqual([]);
      expect(await lint(agreement('  effective_from: 2026-04-01\n', 'withdrawn'))).toEqual([]);
    });
  });

  describe('overdue review', () => {
    const text = review('2026-10-31');

    it('warns it is due soon until the review date, and reports it overdue the day after', async () => {
      const at = rangeOf(text, '2026-10-31');
      expect(await lint(text, '2026-10-30')).toEqual([`due-soon ${at}`]);
      expect(await lint(text, '2026-10-31')).toEqual([`due-soon ${at}`]);
      expect(await lint(text, '2026-11-01')).toEqual([`overdue ${at}`]);
    });

    it('becomes an error once overdue by more than 12 months', async () => {
      const old = review('2025-10-31');
      expect(await lint(old, '2026-10-30')).toEqual([`overdue ${rangeOf(old, '2025-10-31')}`]);
      expect(await lint(old, '2026-10-31')).toEqual([`overdue ${rangeOf(old, '2025-10-31')}`]);
      expect(await lint(old, '2026-11-01')).toEqual([`long-overdue ${rangeOf(old, '2025-10-31')}`]);
      const [warning] = (await lintText(old, { rules: [ruleById(RULE)], asOf: '2026-10-31' })).findings;
      const [error] = (await lintText(old, { rules: [ruleById(RULE)], asOf: '2026-11-01' })).findings;
      expect([warning?.severity, error?.severity]).toEqual(['warning', 'error']);
      expect(error?.message).toContain('was due on 31 October 2025, more than 12 months ago');
    });

    it('takes the error threshold from overdue_error_months', async () => {
      const text6 = review('2026-04-30');
      expect(await lint(text6, '2026-10-30', { overdue_error_months: 6 })).toEqual([`overdue ${rangeOf(text6, '2026-04-30')}`]);
      expect(await lint(text6, '2026-10-31', { overdue_error_months: 6 })).toEqual([`long-overdue ${rangeOf(text6, '2026-04-30')}`]);
      expect(await lint(text6, '2026-10-31')).toEqual([`overdue ${rangeOf(text6, '2026-04-30')}`]);
    });

    it('judges an agreement with no status as in force', async () => {
      const text2 = 'dsalint: 1\nid: EX-001\ntitle: Example\ndates:\n  review_by: 2026-09-01\n';
      expect(await lint(text2)).toEqual([`overdue ${rangeOf(text2, '2026-09-01')}`]);
    });

    it('does not call a draft\'s review overdue, nor one of an agreement that has already expired', async () => {
      expect(await lint(review('2026-09-01', 'draft'))).toEqual([]);
      expect(await lint(agreement('  review_by: 2026-09-01\n  expires: 2026-10-31\n'))).toEqual([]);
      const inForce = agreement('  review_by: 2026-09-01\n  expires: 2026-11-01\n');
      expect(await lint(inForce)).toEqual([`overdue ${rangeOf(inForce, '2026-09-01')}`]);
    });
  });

  describe('review interval', () => {
    const interval = (reviewBy: string) => agreement(`  effective_from: 2026-04-01\n  review_by: ${reviewBy}\n`);

    it('allows up to 24 months after the agreement takes effect', async () => {
      expect(await lint(interval('2028-03-31'))).toEqual([]);
      expect(await lint(interval('2028-04-01'))).toEqual([]);
      const late = interval('2028-04-02');
      expect(await lint(late)).toEqual([`interval-too-long ${rangeOf(late, '2028-04-02')}`]);
    });

    it('points at the effective date as related, in plain dates', async () => {
      const [finding] = (await lintText(interval('2028-04-02'), { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toBe(
        'The review date (2 April 2028) is more than 24 months after the agreement takes effect (1 April 2026). Review it at least every 24 months ' +
          '(yearly is usual): set an earlier `review_by`.',
      );
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual(['6:19']);
    });

    it('takes the longest interval from max_interval_months', async () => {
      expect(await lint(interval('2027-04-01'), undefined, { max_interval_months: 12 })).toEqual([]);
      const late = interval('2027-04-02');
      expect(await lint(late, undefined, { max_interval_months: 12 })).toEqual([`interval-too-long ${rangeOf(late, '2027-04-02')}`]);
    });
  });

  describe('review due soon', () => {
    const text = review('2026-12-31');

    it('warns from 60 days before the review date, in plain words', async () => {
      expect(await lint(text, '2026-10-31')).toEqual([]);
      expect(await lint(text, '2026-11-01')).toEqual([`due-soon ${rangeOf(text, '2026-12-31')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)], asOf: '2026-12-30' })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('is due on 31 December 2026, 1 day from the judging date');
    });

    it('takes the window from warn_within_days, and 0 turns it off', async () => {
      expect(await lint(text, '2026-10-01', { warn_within_days: 91 })).toEqual([`due-soon ${rangeOf(text, '2026-12-31')}`]);
      expect(await lint(text, '2026-12-30', { warn_within_days: 0 })).toEqual([]);
    });

    it('does not warn for a draft', async () => {
      expect(await lint(review('2026-12-31', 'draft'), '2026-12-30')).toEqual([]);
    });
  });

  it('is quiet on the starter agreement, on the default date and today', async () => {
    expect(await lint(STARTER)).toEqual([]);
    expect(await lint(STARTER, '2026-11-22')).toEqual([]);
  });
});
