/**
 * Labels cannot buy a pass (issue 8): each of the four tricks a drafter could use to get a
 * clean result by choosing labels produces a finding, with every rule running, and relabelling
 * takes no finding of the honest version away. The fourth trick (a silent widening with the
 * approvals' `version` simply edited) is the gate's: see tests/gate.test.ts, "catches a silent
 * widening with relabelled approvals, at each change".
 */
import { describe, expect, it } from 'vitest';
import { describe as describeFindings, lintText } from './helpers/lint.js';
import { rangeOf } from './helpers/text-range.js';

interface Parts {
  identifiability?: string;
  commonLaw?: string;
  optOut?: string;
  measures?: string;
  access?: string;
}

/** A GP practice's extract to its ICB for planning, written honestly unless a part is changed. */
function agreement(p: Parts = {}): string {
  return [
    'dsalint: 1',
    'id: PLAN-1',
    'title: Practice extract for population health planning',
    'version: 1.0.0',
    'status: active',
    'dates: { effective_from: 2026-04-01, expires: 2027-12-31, review_by: 2027-09-30 }',
    'parties:',
    '  - { id: surgery, name: Example Surgery, ods_code: A12345, org_type: gp_practice, role: controller, public_authority: true, dspt: { status: standards_met, year: 2025-26 } }',
    '  - { id: icb, name: Example Integrated Care Board, ods_code: QXX, org_type: icb, role: controller, public_authority: true, dspt: { status: standards_met, year: 2025-26 } }',
    'purposes:',
    '  - id: planning',
    '    category: planning_commissioning',
    '    description: Count diabetes patients by neighbourhood to plan where to put new community diabetes clinics.',
    `    lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2, common_law: ${p.commonLaw ?? 's251_support'}, s251: { reference: 25/CAG/0001 } }`,
    `population: { description: Registered patients with diabetes, scope: defined_cohort, vital_status: living, national_data_opt_out: ${p.optOut ?? 'applied'} }`,
    'data:',
    '  - id: extract',
    '    description: Diagnoses and neighbourhood of each patient with diabetes.',
    '    categories: [nhs_number, name, date_of_birth, address_postcode, diagnoses_problems]',
    `    identifiability: ${p.identifiability ?? 'identifiable'}`,
    '    purposes: [planning]',
    'flows:',
    '  - id: f1',
    '    from: surgery',
    '    to: icb',
    '    data: [extract]',
    '    purposes: [planning]',
    `    access: ${p.access ?? '{ mode: feed, trigger: scheduled, duration: time_limited, end: 2027-12-31 }'}`,
    '    transfer: { method: secure_file_transfer, encrypted: true }',
    'retention:',
    '  - { party: icb, data: [extract], period: P1Y, starts: receipt, disposal: secure_destruction }',
    `security: { measures: ${p.measures ?? '[role_based_access, mfa, audit_logging, encryption_in_transit, encryption_at_rest, staff_training]'} }`,
    'approvals:',
    '  - { party: surgery, role: caldicott_guardian, name: Dr A, date: 2026-03-01, version: 1.0.0 }',
    '  - { party: surgery, role: dpo, name: B Example, date: 2026-03-01, version: 1.0.0 }',
    '',
  ].join('\n');
}

const lint = async (text: string): Promise<string[]> => {
  const outcome = await lintText(text);
  if (outcome.failure) throw new Error(outcome.failure.message);
  return describeFindings(outcome.findings);
};
/** `ruleId messageId`, without the range: relabelling shifts columns on its own line. */
const withoutRange = (found: string[]): string[] => found.map((f) => f.split(' ').slice(0, 2).join(' '));

describe('labels cannot buy a pass', () => {
  it('reports "anonymised" on data with NHS number, name, date of birth and postcode, and every other rule still judges it as identifiable', async () => {
    const honest = await lint(agreement());
    const text = agreement({ identifiability: 'anonymised' });
    const labelled = await lint(text);
    expect(labelled[0]).toBe(`label-contradicts-content identifiers-in-anonymous ${rangeOf(text, 'nhs_number')}`);
    // Nothing the honest version is asked for goes away: the opt-out, privacy notices, rights handling and sign-off rules are not fooled.
    expect(withoutRange(labelled.slice(1))).toEqual(withoutRange(honest));
    expect(honest).toContain(`type1-opt-out-not-honoured not-applied ${rangeOf(text, 'population', 2)}`);
  });

  it('reports record-level dates of birth with full postcodes called anonymised, even without a name or NHS number', async () => {
    const text = agreement({ identifiability: 'aggregate' }).replace('[nhs_number, name, date_of_birth, address_postcode, diagnoses_problems]', '[date_of_birth, address_postcode, diagnoses_problems]');
    expect((await lint(text))[0]).toBe(`label-contradicts-content identifiers-in-anonymous ${rangeOf(text, 'date_of_birth')}`);
  });

  it('reports not_confidential on identifiable health data shared for planning, and the opt-out exemption resting on it', async () => {
    const text = agreement({ commonLaw: 'not_confidential', optOut: 'not_applicable' });
    const found = await lint(text);
    expect(found).toContain(`label-contradicts-content not-confidential ${rangeOf(text, 'not_confidential')}`);
    expect(found).toContain(`national-data-opt-out-applicability not-applicable-on-rejected-basis ${rangeOf(text, 'not_applicable')}`);
  });

  it('does not let one unrelated security measure stand in for training and access audit, or for MFA, role-based access and audit on live access', async () => {
    const feed = agreement({ measures: '[penetration_testing]' });
    expect(await lint(feed)).toContain(`security-measures-missing health-baseline ${rangeOf(feed, '[penetration_testing]')}`);
    const live = agreement({ measures: '[penetration_testing]', access: '{ mode: live_system_access }' });
    const found = await lint(live);
    expect(found).toContain(`live-access-without-controls missing-controls ${rangeOf(live, 'live_system_access')}`);
    expect(found).toContain(`security-measures-missing health-baseline ${rangeOf(live, '[penetration_testing]')}`);
    // With the baseline recorded neither is reported.
    const honest = await lint(agreement({ access: '{ mode: live_system_access }' }));
    expect(honest.filter((f) => f.startsWith('live-access-without-controls') || f.startsWith('security-measures-missing'))).toEqual([]);
  });
});
