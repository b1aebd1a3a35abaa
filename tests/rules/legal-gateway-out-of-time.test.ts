import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'legal-gateway-out-of-time';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const agreement = (basis: string, from = '2026-04-01', status = 'active') =>
  `dsalint: 1\nid: EX-001\ntitle: Example\nstatus: ${status}\ndates: { effective_from: ${from} }\npurposes:\n  - id: p\n    lawful_basis:\n${basis}`;
const gateway = (date: string) => `      statutory_gateways: [{ provision: Example Act 2026 s4, in_force_from: ${date} }]\n`;
const lint = (text: string, asOf?: string) => lintWithRule(RULE, text, asOf ? { asOf } : {});

describe(RULE, () => {
  it('reports a statute relied on from before it came into force, from the effective date or the judging date', async () => {
    const text = agreement(gateway('2026-04-02'));
    expect(await lint(text)).toEqual([`not-yet-in-force ${rangeOf(text, '2026-04-02')}`]);
    expect(await lint(agreement(gateway('2026-04-01')))).toEqual([]);
    const future = agreement(gateway('2026-12-01'), '2027-01-01');
    const [f] = (await lintText(future, { rules: [ruleById(RULE)] })).findings;
    expect(f?.message).toContain('comes into force on 1 December 2026, after the date this agreement is judged on.');
  });

  it('reports a COPI notice relied on after it ended, and not on its last day', async () => {
    const text = agreement('      copi_notice: { reference: COPI notice 2020, expires: 2026-10-31 }\n');
    expect(await lint(text, '2026-10-31')).toEqual([]);
    expect(await lint(text, '2026-11-01')).toEqual([`copi-ended ${rangeOf(text, '2026-10-31')}`]);
  });

  it('warns of section 251 support or a live COPI notice kept after a statute came into force', async () => {
    const s251 = agreement(`      common_law: s251_support\n      s251: { reference: 21/CAG/0032 }\n${gateway('2024-09-09')}`);
    expect(await lint(s251)).toEqual([`interim-kept ${rangeOf(s251, 's251_support')}`]);
    const copi = agreement(`      copi_notice: { reference: COPI notice 2020, expires: 2027-03-31 }\n${gateway('2024-09-09')}`);
    expect(await lint(copi)).toEqual([`interim-kept ${rangeOf(copi, '{ reference: COPI notice 2020, expires: 2027-03-31 }')}`]);
    expect(await lint(agreement(`      common_law: legal_requirement\n${gateway('2024-09-09')}`))).toEqual([]);
  });

  it('asks nothing of an agreement that has ended', async () => {
    expect(await lint(agreement(gateway('2026-12-01'), '2026-04-01', 'withdrawn'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
