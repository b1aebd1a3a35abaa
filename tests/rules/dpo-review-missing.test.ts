import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'dpo-review-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (party: string, approvals = '', version = 'version: 2.0.0\n'): string =>
  `dsalint: 1\nid: EX-001\ntitle: Example\n${version}parties:\n  - { id: org, name: Example Organisation${party} }\n${approvals}`;
const approvals = (...rows: string[]): string => `approvals:\n${rows.map((r) => `  - { party: org, ${r} }\n`).join('')}`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a public authority controller with no DPO approval, at its id', async () => {
    const text = agreement(', org_type: gp_practice, role: controller');
    expect(await lint(text)).toEqual([`dpo-none ${rangeOf(text, 'org')}`]);
    expect(rangeOf(text, 'org')).toBe('6:11-6:14');
  });

  it('does not ask a coroner (judicial office, UK GDPR Art 37(1)(a)) for a DPO review', async () => {
    expect(await lint(agreement(', org_type: coroner, role: controller, public_authority: true'))).toEqual([]);
    expect(await lint(agreement(', org_type: police, role: controller, public_authority: true'))).toEqual([`dpo-none ${rangeOf(agreement(', org_type: police'), 'org')}`]);
  });

  it('reports a DPO approval of an earlier version, and one with no version', async () => {
    let text = agreement(', org_type: gp_practice', approvals('role: dpo, version: 1.0.0'));
    expect(await lint(text)).toEqual([`dpo-other-version ${rangeOf(text, 'org')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'The Data Protection Officer approval for Example Organisation is for version 1.0.0, but the current version is 2.0.0. Ask the DPO to review ' +
        'this version and record their approval with version: 2.0.0.',
    );
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['approvals[0].version']);
    text = agreement(', org_type: gp_practice', approvals('role: dpo'));
    expect(await lint(text)).toEqual([`dpo-other-version ${rangeOf(text, 'org')}`]);
    expect((await lintText(text, { rules: [ruleById(RULE)] })).findings[0]?.message).toContain('does not say which version it covers');
  });

  it('is quiet with a DPO approval of the current version', async () => {
    expect(await lint(agreement(', org_type: gp_practice', approvals('role: dpo, version: 2.0.0')))).toEqual([]);
    expect(await lint(agreement(', org_type: gp_practice', approvals('role: dpo'), ''))).toEqual([]);
  });

  it('uses the declared public_authority over the organisation type', async () => {
    let text = agreement(', org_type: commercial_supplier, public_authority: true');
    expect(await lint(text)).toEqual([`dpo-none ${rangeOf(text, 'org')}`]);
    text = agreement(', org_type: gp_practice, public_authority: false');
    expect(await lint(text)).toEqual([]);
  });

  it('does not ask it of a private organisation, or of a processor', async () => {
    expect(await lint(agreement(', org_type: community_pharmacy'))).toEqual([]);
    expect(await lint(agreement(', org_type: gp_practice, role: processor'))).toEqual([]);
  });

  it('does not count a Caldicott Guardian approval as the DPO', async () => {
    const text = agreement(', org_type: gp_practice', approvals('role: caldicott_guardian, version: 2.0.0'));
    expect(await lint(text)).toEqual([`dpo-none ${rangeOf(text, 'org')}`]);
  });

  it('mentions, as information, an NHS trust or ICB with no SIRO approval', async () => {
    for (const type of ['icb', 'nhs_trust_acute', 'nhs_trust_community', 'nhs_trust_mental_health', 'ambulance_trust']) {
      const text = agreement(`, org_type: ${type}`, approvals('role: dpo, version: 2.0.0'));
      expect(await lint(text)).toEqual([`siro-none ${rangeOf(text, 'org')}`]);
      const outcome = await lintText(text, { rules: [ruleById(RULE)] });
      expect(outcome.findings[0]?.severity).toBe('info');
    }
  });

  it('reports both the DPO and the SIRO for a trust with neither', async () => {
    const text = agreement(', org_type: nhs_trust_acute');
    expect(await lint(text)).toEqual([`dpo-none ${rangeOf(text, 'org')}`, `siro-none ${rangeOf(text, 'org')}`]);
  });

  it('reports a SIRO approval of an earlier version as information, and is quiet with a current one', async () => {
    let text = agreement(', org_type: icb', approvals('role: dpo, version: 2.0.0', 'role: siro, version: 1.0.0'));
    expect(await lint(text)).toEqual([`siro-other-version ${rangeOf(text, 'org')}`]);
    text = agreement(', org_type: icb', approvals('role: dpo, version: 2.0.0', 'role: siro, version: 2.0.0'));
    expect(await lint(text)).toEqual([]);
  });

  it('does not ask for a SIRO from a GP practice or a medical examiner office', async () => {
    expect(await lint(agreement(', org_type: gp_practice', approvals('role: dpo, version: 2.0.0')))).toEqual([]);
    expect(await lint(agreement(', org_type: medical_examiner_office', approvals('role: dpo, version: 2.0.0')))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
