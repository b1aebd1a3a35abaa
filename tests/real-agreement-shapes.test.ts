/**
 * Rules read the shapes real agreements take: a population per purpose, parties that are
 * not health bodies, roles per purpose. Each test names the exact rule, message and range.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from './helpers/lint.js';
import { rangeOf } from './helpers/text-range.js';

/**
 * A national arrangement: every registered patient for direct care, and one deceased
 * patient at a time for the medical examiner, in one agreement.
 */
const NATIONAL = `dsalint: 1
id: NAT-1
title: National record access
parties:
  - { id: practices, name: Every GP practice in England, org_type: gp_practice, group: { count: 6300 } }
  - { id: trusts, name: NHS trusts, org_type: nhs_trust_acute, group: { description: Every NHS trust using the service } }
  - { id: meo, name: Medical examiner offices, org_type: medical_examiner_office, group: { description: Every medical examiner office } }
population:
  scope: all_registered
  vital_status: living
  national_data_opt_out: not_applicable
purposes:
  - id: care
    category: individual_care
    lawful_basis: { article_6: e_public_task, article_9: h_health_or_social_care, dpa_schedule_1: part1_para2, common_law: implied_consent }
  - id: me
    category: medical_examiner_scrutiny
    population: { scope: per_case, vital_status: deceased, national_data_opt_out: not_applicable }
    lawful_basis: { common_law: legal_requirement }
data:
  - { id: record, categories: [nhs_number, diagnoses_problems, medications], identifiability: identifiable }
flows:
  - { id: view, from: practices, to: trusts, data: [record], purposes: [care], access: { mode: live_system_access, read_only: true, role_based_access: true, audit_logging: true } }
  - { id: me-view, from: practices, to: meo, data: [record], purposes: [me], access: { mode: per_request, trigger: per_case, duration: one_off } }
`;

describe('a population per purpose', () => {
  it('does not judge a per-death medical examiner purpose against the direct-care population', async () => {
    expect(await lintWithRule('population-exceeds-purpose', NATIONAL)).toEqual([]);
    expect(await lintWithRule('medical-examiner-scope', NATIONAL)).toEqual([]);
  });

  it('still reports a per-case purpose whose own population is every patient, at that population', async () => {
    const text = NATIONAL.replace('population: { scope: per_case, vital_status: deceased', 'population: { scope: all_registered, vital_status: both');
    expect(await lintWithRule('population-exceeds-purpose', text)).toEqual([`not-per-case ${rangeOf(text, 'all_registered', 2)}`]);
    expect(await lintWithRule('medical-examiner-scope', text)).toEqual([`not-deceased ${rangeOf(text, 'both')}`]);
  });

  it('reports a per-case purpose that uses the agreement-wide population of every patient, as before', async () => {
    const text = NATIONAL.replace('    population: { scope: per_case, vital_status: deceased, national_data_opt_out: not_applicable }\n', '');
    expect(await lintWithRule('population-exceeds-purpose', text)).toEqual([`not-per-case ${rangeOf(text, 'all_registered')}`]);
    expect(await lintWithRule('medical-examiner-scope', text)).toEqual([`not-deceased ${rangeOf(text, 'living')}`]);
  });

  it('asks for UK GDPR bases only for the purpose about living patients', async () => {
    expect(await lintWithRule('article6-basis-missing-or-invalid', NATIONAL)).toEqual([]);
    const text = NATIONAL.replace('lawful_basis: { article_6: e_public_task, ', 'lawful_basis: { ');
    expect(await lintWithRule('article6-basis-missing-or-invalid', text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
  });

  it('judges each population for a missing scope or vital status, and accepts purposes that each state their own', async () => {
    expect(await lintWithRule('cohort-undefined', NATIONAL)).toEqual([]);
    const text = NATIONAL.replace('{ scope: per_case, vital_status: deceased, ', '{ scope: per_case, ');
    expect(await lintWithRule('cohort-undefined', text)).toEqual([`no-vital-status ${rangeOf(text, 'population', 2)}`]);
    const ownOnly = NATIONAL.replace('population:\n  scope: all_registered\n  vital_status: living\n  national_data_opt_out: not_applicable\n', '').replace(
      '    category: individual_care\n',
      '    category: individual_care\n    population: { scope: all_registered, vital_status: living }\n',
    );
    expect(await lintWithRule('cohort-undefined', ownOnly)).toEqual([]);
  });
});

describe('parties that are not health or care bodies', () => {
  const safeguarding = (senderType: string, recipientType = 'nhs_trust_community') => `dsalint: 1
id: SG-1
title: Safeguarding referrals
parties:
  - { id: housing, name: Example Homes, org_type: ${senderType}, role: controller }
  - { id: trust, name: Example Community Trust, org_type: ${recipientType}, role: controller }
purposes:
  - { id: protect, category: safeguarding }
data:
  - { id: concern, categories: [name, safeguarding, mental_health], identifiability: identifiable }
flows:
  - { id: refer, from: housing, to: trust, data: [concern], purposes: [protect] }
`;

  it('asks no Caldicott Guardian or DSPT of a housing provider, DWP, a council or a party with no organisation type', async () => {
    for (const type of ['registered_housing_provider', 'dwp', 'district_council', 'fire_and_rescue', 'probation']) {
      const text = safeguarding(type);
      expect(await lintWithRule('caldicott-signoff-missing', text)).toEqual([]);
      expect(await lintWithRule('dspt-status-insufficient', text)).toEqual([]);
      expect(await lintWithRule('common-law-basis-missing', text)).toEqual([]);
    }
    const untyped = safeguarding('gp_practice').replace(', org_type: gp_practice', '');
    expect(await lintWithRule('caldicott-signoff-missing', untyped)).toEqual([]);
    expect(await lintWithRule('dspt-status-insufficient', untyped)).toEqual([]);
  });

  it('asks no DSPT of DWP, a housing provider or a school receiving a disclosure', async () => {
    for (const type of ['dwp', 'registered_housing_provider', 'school_or_academy', 'cps', 'police_and_crime_commissioner', 'government_department']) {
      expect(await lintWithRule('dspt-status-insufficient', safeguarding('hospice', type))).toEqual([]);
    }
  });

  it('treats a hospice as a holder of confidential patient information', async () => {
    const text = safeguarding('hospice');
    expect(await lintWithRule('caldicott-signoff-missing', text)).toEqual([`none ${rangeOf(text, 'housing', 1)}`]);
    expect(await lintWithRule('common-law-basis-missing', text)).toEqual([`missing ${rangeOf(text, '{ id: protect, category: safeguarding }')}`]);
    expect(await lintWithRule('dspt-status-insufficient', text)).toEqual([`missing ${rangeOf(text, 'trust', 1)}`]);
  });
});
