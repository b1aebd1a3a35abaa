import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'population-exceeds-purpose';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (population: string, purposes = '  - { id: sg, category: safeguarding }\n', flowPurposes = '[sg]') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: team, name: Safeguarding Team }\n' +
  `purposes:\n${purposes}${population}flows:\n  - { id: f1, from: surgery, to: team, purposes: ${flowPurposes} }\n`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports a per-case purpose with every registered patient, at the scope, with the purpose as related', async () => {
    const text = agreement('population: { scope: all_registered, vital_status: living }\n');
    expect(await lint(text)).toEqual([`not-per-case ${rangeOf(text, 'all_registered')}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'The population is every registered patient, but safeguarding an individual at risk ("sg") concerns one identified person at a time. ' +
        'Set population.scope to per_case (one named person per request), or move the per-case sharing into an agreement of its own.',
    );
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'safeguarding')]);
  });

  it('reports a defined cohort too, even with inclusion criteria', async () => {
    const text = agreement('population:\n  scope: defined_cohort\n  inclusion_criteria: [Children on the practice list]\n  vital_status: living\n');
    expect(await lint(text)).toEqual([`not-per-case ${rangeOf(text, 'defined_cohort')}`]);
    expect((await findings(text))[0]?.message).toContain('The population is a cohort defined by inclusion criteria');
  });

  it('names every per-case purpose on a flow', async () => {
    const text = agreement(
      'population: { scope: all_registered }\n',
      '  - { id: sg, category: safeguarding }\n  - { id: me, category: medical_examiner_scrutiny }\n  - { id: care, category: individual_care }\n',
      '[sg, me, care]',
    );
    expect(await lint(text)).toEqual([`not-per-case ${rangeOf(text, 'all_registered')}`]);
    const [f] = await findings(text);
    expect(f?.message).toContain('but safeguarding an individual at risk ("sg") and medical examiner scrutiny of a death ("me") concern one identified person');
    expect(f?.related).toHaveLength(2);
  });

  it('is quiet for a per-case population', async () => {
    expect(await lint(agreement('population: { scope: per_case, vital_status: living }\n'))).toEqual([]);
  });

  it('leaves a missing population or scope to cohort-undefined', async () => {
    expect(await lint(agreement(''))).toEqual([]);
    expect(await lint(agreement('population: { vital_status: living }\n'))).toEqual([]);
  });

  it('ignores per-case purposes no flow serves, and purposes that are not per case', async () => {
    const unused = agreement('population: { scope: all_registered }\n', '  - { id: sg, category: safeguarding }\n  - { id: care, category: individual_care }\n', '[care]');
    expect(await lint(unused)).toEqual([]);
    expect(await lint(agreement('population: { scope: all_registered }\n', '  - { id: care, category: individual_care }\n', '[care]'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
