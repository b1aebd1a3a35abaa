import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'cohort-undefined';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const DATA = 'data:\n  - { id: d, categories: [appointments_activity], identifiability: aggregate }\n';

describe(RULE, () => {
  it('reports a missing population at the first key of the document', async () => {
    const text = `${HEAD}purposes:\n  - { id: care }\n`;
    expect(await lint(text)).toEqual([`no-population ${rangeOf(text, 'dsalint')}`]);
  });

  it('reports a missing scope and vital status at the population key', async () => {
    const text = `${HEAD}population:\n  description: Patients of the surgery\n`;
    // Findings at one place are ordered by message text.
    expect(await lint(text)).toEqual([`no-vital-status ${rangeOf(text, 'population')}`, `no-scope ${rangeOf(text, 'population')}`]);
  });

  it('reports a defined cohort whose criteria are missing or empty', async () => {
    const missing = `${HEAD}population:\n  scope: defined_cohort\n  vital_status: living\n`;
    expect(await lint(missing)).toEqual([`no-criteria ${rangeOf(missing, 'population')}`]);
    const empty = `${HEAD}population:\n  scope: defined_cohort\n  inclusion_criteria: []\n  vital_status: living\n`;
    expect(await lint(empty)).toEqual([`no-criteria ${rangeOf(empty, '[]')}`]);
  });

  it('does not ask per-case or whole-list populations for criteria', async () => {
    expect(await lint(`${HEAD}population:\n  scope: per_case\n  vital_status: deceased\n`)).toEqual([]);
    expect(await lint(`${HEAD}population:\n  scope: all_registered\n  vital_status: both\n`)).toEqual([]);
  });

  it('passes a defined cohort with criteria and a vital status', async () => {
    expect(await lint(`${HEAD}population:\n  scope: defined_cohort\n  inclusion_criteria: [Adults with asthma]\n  vital_status: living\n`)).toEqual([]);
  });

  it('does not ask an agreement that shares only aggregate data', async () => {
    expect(await lint(`${HEAD}${DATA}`)).toEqual([]);
    expect(await lint(`${HEAD}${DATA.replace('aggregate', 'pseudonymised')}`)).toHaveLength(1);
    // Aggregate counts do not carry NHS numbers: with one, the label does not count.
    expect(await lint(`${HEAD}${DATA.replace('appointments_activity', 'nhs_number')}`)).toHaveLength(1);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
