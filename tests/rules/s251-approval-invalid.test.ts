import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 's251-approval-invalid';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (s251: string, expires = '2027-03-31', commonLaw = 's251_support') =>
  `dsalint: 1\nid: EX-001\ntitle: Example\ndates: { effective_from: 2026-04-01, expires: ${expires} }\n` +
  `purposes:\n  - id: risk\n    category: risk_stratification_commissioning\n    lawful_basis:\n      common_law: ${commonLaw}\n${s251}`;
const approval = (reference: string, expires = '2027-09-30') => `      s251: { reference: ${reference}, expires: ${expires} }\n`;

const lint = (text: string, opts: { asOf?: string; options?: Record<string, unknown> } = {}) =>
  lintWithRule(RULE, text, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.options ? { options: { [RULE]: opts.options } } : {}) });
const findings = async (text: string, asOf?: string) => (await lintText(text, { rules: [ruleById(RULE)], ...(asOf ? { asOf } : {}) })).findings;

describe(RULE, () => {
  describe('reference', () => {
    it('reports no reference at the lawful basis, or at the s251 block', async () => {
      const none = agreement('');
      expect(await lint(none)).toEqual([`no-reference ${rangeOf(none, 'lawful_basis')}`]);
      const [f] = await findings(none);
      expect(f?.severity).toBe('error');
      expect(f?.message).toContain('Purpose risk stratification for commissioning ("risk") relies on section 251 support but gives no CAG reference.');
      const noRef = agreement('      s251: { expires: 2027-09-30 }\n');
      // The second "s251", after s251_support: the s251 key.
      expect(await lint(noRef)).toEqual([`no-reference ${rangeOf(noRef, 's251', 2)}`]);
    });

    it.each(['21/CAG/0032', 'CAG 7-04(a)/2013', 'ECC 1-04(a)/2009', 'PIAG 4-08(b)/2003'])('accepts %s', async (reference) => {
      expect(await lint(agreement(approval(reference)))).toEqual([]);
    });

    it.each(['approved by CAG', '21/CAG/32', 'CAG/0032', '7-04(a)/2013'])('reports %s', async (reference) => {
      const text = agreement(approval(reference));
      expect(await lint(text)).toEqual([`bad-reference ${rangeOf(text, reference)}`]);
    });

    it('takes the pattern as an option', async () => {
      const text = agreement(approval('LOCAL-0001'));
      expect(await lint(text, { options: { reference_pattern: '^LOCAL-\\d{4}$' } })).toEqual([]);
      const cag = agreement(approval('21/CAG/0032'));
      expect(await lint(cag, { options: { reference_pattern: '^LOCAL-\\d{4}$' } })).toEqual([`bad-reference ${rangeOf(cag, '21/CAG/0032')}`]);
    });
  });

  describe('expiry', () => {
    const text = agreement(approval('21/CAG/0032', '2026-10-31'), '2026-10-31');

    it('is in date the day before and on its expiry date, and expired the day after', async () => {
      expect(await lint(text, { asOf: '2026-10-30' })).toEqual([]);
      expect(await lint(text, { asOf: '2026-10-31' })).toEqual([]);
      expect(await lint(text, { asOf: '2026-11-01' })).toEqual([`expired ${rangeOf(text, '2026-10-31', 2)}`]);
    });

    it('gives the date in words, as an error', async () => {
      const [f] = await findings(text, '2026-11-01');
      expect(f?.severity).toBe('error');
      expect(f?.message).toContain('ended on 31 October 2026');
    });

    it('warns when the approval ends the day before the agreement, not on the same day or after', async () => {
      const before = agreement(approval('21/CAG/0032', '2027-03-30'));
      expect(await lint(before)).toEqual([`ends-before-agreement ${rangeOf(before, '2027-03-30')}`]);
      const [f] = await findings(before);
      expect(f?.severity).toBe('warning');
      expect(f?.message).toBe(
        'The section 251 support for purpose risk stratification for commissioning ("risk") ends on 30 March 2027, before the agreement does (31 March 2027). ' +
          'Plan the renewal with CAG, or end this purpose\'s sharing when the approval ends.',
      );
      expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(before, '2027-03-31')]);
      expect(await lint(agreement(approval('21/CAG/0032', '2027-03-31')))).toEqual([]);
      expect(await lint(agreement(approval('21/CAG/0032', '2027-04-01')))).toEqual([]);
    });

    it('reports only that it expired when it has also ended before the agreement', async () => {
      const expired = agreement(approval('CAG 7-04(a)/2013', '2022-09-30'));
      expect(await lint(expired)).toEqual([`expired ${rangeOf(expired, '2022-09-30')}`]);
    });
  });

  it('ignores an s251 block when the purpose relies on another basis', async () => {
    expect(await lint(agreement(approval('nonsense', '2020-01-01'), '2027-03-31', 'legal_requirement'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
