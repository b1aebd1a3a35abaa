import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'dates-out-of-order';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.2.0\n';
const dates = (body: string) => `${HEAD}dates:\n${body}`;
const history = (...entries: string[]) => `${HEAD}history:\n${entries.map((e) => `  - { ${e} }\n`).join('')}`;

const lint = (text: string, asOf?: string) => lintWithRule(RULE, text, asOf ? { asOf } : {});

describe(RULE, () => {
  describe('agreement dates', () => {
    it('reports an expiry before the effective date, at the expiry, and allows them to be equal', async () => {
      const text = dates('  effective_from: 2026-04-01\n  expires: 2026-03-31\n');
      expect(await lint(text)).toEqual([`expires-before-effective ${rangeOf(text, '2026-03-31')}`]);
      expect(await lint(dates('  effective_from: 2026-04-01\n  expires: 2026-04-01\n'))).toEqual([]);
    });

    it('reports a review date after the expiry date, and allows them to be equal', async () => {
      const text = dates('  expires: 2027-03-31\n  review_by: 2027-04-01\n');
      expect(await lint(text)).toEqual([`review-after-expiry ${rangeOf(text, '2027-04-01')}`]);
      expect(await lint(dates('  expires: 2027-03-31\n  review_by: 2027-03-31\n'))).toEqual([]);
    });

    it('gives the dates in words and points at the other date', async () => {
      const [finding] = (await lintText(dates('  effective_from: 2026-04-01\n  expires: 2026-03-31\n'), { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toBe('The agreement expires on 31 March 2026, before it takes effect on 1 April 2026. Correct whichever date is wrong.');
      expect(finding?.related.map((r) => r.range.start.line)).toEqual([6]);
    });
  });

  describe('approvals', () => {
    const approval = `${HEAD}parties:\n  - { id: gp, name: Example Surgery }\napprovals:\n  - { party: gp, role: caldicott_guardian, date: 2026-11-02 }\n`;

    it('warns of an approval dated after the run date only', async () => {
      expect(await lint(approval, '2026-11-01')).toEqual([`approval-in-future ${rangeOf(approval, '2026-11-02')}`]);
      expect(await lint(approval, '2026-11-02')).toEqual([]);
      expect(await lint(approval, '2026-11-03')).toEqual([]);
      const [finding] = (await lintText(approval, { rules: [ruleById(RULE)], asOf: '2026-11-01' })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('This approval by the Caldicott Guardian of Example Surgery is dated 2 November 2026');
    });

    it('accepts an approval dated after the agreement took effect', async () => {
      const text = `${HEAD}dates:\n  effective_from: 2026-04-01\nparties:\n  - { id: gp, name: Example Surgery }\napprovals:\n  - { party: gp, role: dpo, date: 2026-06-01 }\n`;
      expect(await lint(text)).toEqual([]);
    });
  });

  describe('history', () => {
    it('accepts versions oldest first or newest first', async () => {
      expect(await lint(history('version: 1.0.0', 'version: 1.1.0', 'version: 1.2.0'))).toEqual([]);
      expect(await lint(history('version: 1.2.0', 'version: 1.1.0', 'version: 1.0.0'))).toEqual([]);
    });

    it('reports an entry out of order, judging the next against the last in order', async () => {
      const text = history('version: 1.0.0', 'version: 1.2.0', 'version: 1.1.0', 'version: "1.2.0"');
      expect(await lint(text)).toEqual([`history-out-of-order ${rangeOf(text, '1.1.0')}`, `history-repeated ${rangeOf(text, '"1.2.0"')}`]);
    });

    it('compares versions as numbers, not text', async () => {
      const at = (version: string, ...entries: string[]) =>
        `dsalint: 1\nid: EX-001\ntitle: Example\nversion: ${version}\nhistory:\n${entries.map((e) => `  - { version: ${e} }\n`).join('')}`;
      expect(await lint(at('1.10.0', '1.9.0', '1.10.0'))).toEqual([]);
      const text = at('1.11.0', '1.10.0', '1.9.0', '1.11.0');
      expect(await lint(text)).toEqual([`history-out-of-order ${rangeOf(text, '1.11.0', 2)}`]);
    });

    it('reports a later version dated before an earlier one, at its date', async () => {
      const text = history('version: 1.0.0, date: 2025-04-01', 'version: 1.1.0, date: 2025-03-01');
      expect(await lint(text)).toEqual([`history-dated-out-of-order ${rangeOf(text, '2025-03-01')}`]);
      expect(await lint(history('version: 1.0.0, date: 2025-04-01', 'version: 1.1.0, date: 2025-04-01'))).toEqual([]);
    });

    it('finds dates out of order wherever the entries are listed', async () => {
      const text = history('version: 1.1.0, date: 2025-03-01', 'version: 1.0.0, date: 2025-04-01');
      expect(await lint(text)).toEqual([`history-dated-out-of-order ${rangeOf(text, '2025-03-01')}`]);
    });

    it('allows the current version in the history, but not a newer one', async () => {
      expect(await lint(history('version: 1.1.0', 'version: 1.2.0'))).toEqual([]);
      const text = history('version: 1.2.0', 'version: 1.3.0');
      expect(await lint(text)).toEqual([`history-newer-than-agreement ${rangeOf(text, '1.3.0')}`]);
    });

    it('ignores entries without a version, and agreements without one', async () => {
      expect(await lint(history('date: 2025-04-01', 'version: 1.0.0'))).toEqual([]);
      expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\nhistory:\n  - { version: 9.0.0 }\n')).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
