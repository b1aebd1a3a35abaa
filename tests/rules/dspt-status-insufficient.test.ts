import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'dspt-status-insufficient';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (recipient: string, opts: { sender?: string; data?: string; access?: string } = {}): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  `  - { id: sender, name: Example Surgery, org_type: ${opts.sender ?? 'gp_practice'}, dspt: { status: standards_met, year: 2025-26 } }\n` +
  `  - { id: rcpt, name: Recipient Org${recipient} }\n` +
  `data:\n  - { id: d, categories: [nhs_number, diagnoses_problems]${opts.data ?? ''} }\n` +
  `flows:\n  - { id: f1, from: sender, to: rcpt, data: [d]${opts.access ?? ''} }\n`;
const dspt = (status: string, year = '2025-26', extra = ''): string => `, org_type: nhs_trust_acute, dspt: { status: ${status}, year: ${year}${extra} }`;
const lint = (text: string, opts: { asOf?: string; options?: Record<string, unknown> } = {}) =>
  lintWithRule(RULE, text, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.options ? { options: { [RULE]: opts.options } } : {}) });

describe(`${RULE}: status`, () => {
  it('reports a recipient with no DSPT status, at its id, pointing at the flow', async () => {
    const text = agreement(', org_type: nhs_trust_acute');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'rcpt')}`]);
    expect(rangeOf(text, 'rcpt')).toBe('6:11-6:15');
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'Recipient Org receives patient data (flow "f1"), but its Data Security and Protection Toolkit (DSPT) status is not recorded. Look it up on ' +
        'the DSPT website and add `dspt: { status, year }` to party "rcpt".',
    );
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['flows[0].to']);
  });

  it('reports a dspt entry with no status at its key', async () => {
    const text = agreement(', dspt: { year: 2025-26 }');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'dspt', 2)}`]);
  });

  it('reports Standards Not Met and no published assessment as errors', async () => {
    let text = agreement(dspt('standards_not_met'));
    expect(await lint(text)).toEqual([`not-met ${rangeOf(text, 'standards_not_met')}`]);
    text = agreement(dspt('not_published'));
    expect(await lint(text)).toEqual([`not-published ${rangeOf(text, 'not_published')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.severity).toBe('error');
  });

  it('reports Approaching Standards without an improvement plan as a warning', async () => {
    const text = agreement(dspt('approaching_standards'));
    expect(await lint(text)).toEqual([`approaching-no-plan ${rangeOf(text, 'approaching_standards')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.severity).toBe('warning');
  });

  it('is quiet for Approaching Standards with a plan, and for Met or Exceeded', async () => {
    expect(await lint(agreement(dspt('approaching_standards', '2025-26', ', improvement_plan: https://example.org/plan')))).toEqual([]);
    expect(await lint(agreement(dspt('standards_met')))).toEqual([]);
    expect(await lint(agreement(dspt('standards_exceeded')))).toEqual([]);
  });

  it('reports a status with no year', async () => {
    const text = agreement(', dspt: { status: standards_met }');
    expect(await lint(text)).toEqual([`no-year ${rangeOf(text, 'dspt', 2)}`]);
  });
});

describe(`${RULE}: who is asked`, () => {
  it('does not ask it of the sender', async () => {
    const text = agreement(dspt('standards_met')).replace(', dspt: { status: standards_met, year: 2025-26 } }\n  - { id: rcpt', ' }\n  - { id: rcpt');
    expect(await lint(text)).toEqual([]);
  });

  it('does not ask it when the data is anonymised or the sender is not a health or care organisation', async () => {
    expect(await lint(agreement('', { data: ', identifiability: aggregate' }).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]'))).toEqual([]);
    // An aggregate label on data that carries NHS numbers does not take it out of the check.
    const labelled = agreement('', { data: ', identifiability: aggregate' });
    expect(await lint(labelled)).toEqual([`missing ${rangeOf(labelled, 'rcpt')}`]);
    expect(await lint(agreement('', { sender: 'university_or_researcher' }))).toEqual([]);
  });

  it('asks it for live access even when no data is listed', async () => {
    const text = agreement('', { access: ', access: { mode: live_system_access }' }).replace('data: [d], ', '');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'rcpt')}`]);
  });

  it('does not ask it of a coroner, police force or regulator receiving disclosures, unless told to', async () => {
    for (const type of ['coroner', 'police', 'regulator']) {
      const text = agreement(`, org_type: ${type}`);
      expect(await lint(text)).toEqual([]);
      expect(await lint(text, { options: { include_statutory_recipients: true } })).toEqual([`missing ${rangeOf(text, 'rcpt')}`]);
    }
  });

  it('asks it of a coroner given live access to an NHS system', async () => {
    const text = agreement(', org_type: coroner', { access: ', access: { mode: live_system_access }' });
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'rcpt')}`]);
  });

  it('asks it of a commercial supplier', async () => {
    const text = agreement(', org_type: commercial_supplier, role: processor');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'rcpt')}`]);
  });
});

describe(`${RULE}: assessment year`, () => {
  const year = (y: string) => agreement(dspt('standards_met', y));

  it('accepts the previous year until the next one is due on 30 June, and not after', async () => {
    expect(await lint(year('2024-25'), { asOf: '2026-06-29' })).toEqual([]);
    expect(await lint(year('2024-25'), { asOf: '2026-06-30' })).toEqual([]);
    const text = year('2024-25');
    expect(await lint(text, { asOf: '2026-07-01' })).toEqual([`out-of-date ${rangeOf(text, '2024-25')}`]);
  });

  it('accepts 2025-26 from 1 July 2026 until 30 June 2027', async () => {
    expect(await lint(year('2025-26'), { asOf: '2026-07-01' })).toEqual([]);
    expect(await lint(year('2025-26'), { asOf: '2027-06-30' })).toEqual([]);
    expect(await lint(year('2025-26'), { asOf: '2027-07-01' })).toEqual([`out-of-date ${rangeOf(year('2025-26'), '2025-26', 2)}`]);
  });

  it('does not change its verdict at the start of the assessment year (1 April) or the calendar year', async () => {
    for (const asOf of ['2026-03-31', '2026-04-01']) expect(await lint(year('2024-25'), { asOf })).toEqual([]);
    for (const asOf of ['2026-12-31', '2027-01-01']) expect(await lint(year('2025-26'), { asOf })).toEqual([]);
    for (const asOf of ['2026-12-31', '2027-01-01']) expect(await lint(year('2024-25'), { asOf })).toHaveLength(1);
  });

  it('says which year is expected', async () => {
    const outcome = await lintText(year('2023-24'), { rules: [ruleById(RULE)], asOf: '2026-11-01' });
    expect(outcome.findings[0]?.message).toBe(
      'Recipient Org\'s DSPT assessment recorded here is for 2023-24; on 2026-11-01 it should be for 2025-26 or later. Check its latest ' +
        'publication on the DSPT website and update `dspt`.',
    );
  });

  it('honours max_age_years', async () => {
    expect(await lint(year('2024-25'), { asOf: '2026-11-01', options: { max_age_years: 2 } })).toEqual([]);
    expect(await lint(year('2025-26'), { asOf: '2026-11-01', options: { max_age_years: 0 } })).toHaveLength(1);
    expect(await lint(year('2026-27'), { asOf: '2026-11-01', options: { max_age_years: 0 } })).toEqual([]);
  });

  it('honours a different publication deadline', async () => {
    expect(await lint(year('2024-25'), { asOf: '2026-04-01', options: { publication_deadline: '03-31' } })).toHaveLength(1);
    expect(await lint(year('2024-25'), { asOf: '2026-03-31', options: { publication_deadline: '03-31' } })).toEqual([]);
  });
});

describe(RULE, () => {
  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
