import { describe, expect, it } from 'vitest';
import { lintEstate, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'estate-renewals-due';
const EXPIRY = 'agreement-expired-or-no-term';
const REVIEW = 'review-date-missing-or-overdue';
const AS_OF = '2026-11-01';

const agreement = (id: string, dates: string): string => `dsalint: 1\nid: ${id}\ntitle: Example\nstatus: active\ndates: { ${dates} }\n`;

/** Every finding of the three renewal rules, with the per-agreement rules on unless left out, as `file rule messageId range`. */
async function renewals(files: Record<string, string>, opts: { rules?: string[]; options?: Record<string, Record<string, unknown>> } = {}): Promise<string[]> {
  const ids = opts.rules ?? [RULE, EXPIRY, REVIEW];
  const rules = ids.map(ruleById);
  const out: string[] = [];
  for (const id of ids) {
    for (const found of await lintEstate(files, { rules, ruleId: id, asOf: AS_OF, ...(opts.options ? { options: opts.options } : {}) })) {
      const [file, ...rest] = found.split(' ');
      out.push(`${file} ${id} ${rest.join(' ')}`);
    }
  }
  return out.sort();
}

describe(`${RULE}: one renewal, one finding`, () => {
  // a expires in 30 days (the expiry rule warns); b is due for review in 75 days (beyond the 60-day warning, inside the 90-day window).
  const a = agreement('A-1', 'expires: 2026-12-01, review_by: 2027-06-30');
  const b = agreement('B-1', 'expires: 2029-01-31, review_by: 2027-01-15');
  const files = { 'a.dsa.yaml': a, 'b.dsa.yaml': b };

  it('leaves a date the agreement\'s own rule warns about to that rule', async () => {
    expect(await renewals(files)).toEqual([
      `a.dsa.yaml ${EXPIRY} expiring-soon ${rangeOf(a, '2026-12-01')}`,
      `b.dsa.yaml ${RULE} review ${rangeOf(b, '2027-01-15')}`,
    ]);
  });

  it('reports both dates in their files when the per-agreement rules are off, or their warning is turned off', async () => {
    const both = [`a.dsa.yaml ${RULE} expires ${rangeOf(a, '2026-12-01')}`, `b.dsa.yaml ${RULE} review ${rangeOf(b, '2027-01-15')}`];
    expect(await renewals(files, { rules: [RULE] })).toEqual(both);
    expect(await renewals(files, { options: { [EXPIRY]: { warn_within_days: 0 }, [REVIEW]: { warn_within_days: 0 } } })).toEqual(both);
  });

  it('follows the per-agreement window when it is configured', async () => {
    // With a 90-day warning the review rule warns about b itself, so the estate rule says nothing more in b.
    expect(await renewals(files, { options: { [REVIEW]: { warn_within_days: 90 } } })).toEqual([
      `a.dsa.yaml ${EXPIRY} expiring-soon ${rangeOf(a, '2026-12-01')}`,
      `b.dsa.yaml ${REVIEW} due-soon ${rangeOf(b, '2027-01-15')}`,
    ]);
  });
});
