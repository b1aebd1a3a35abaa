import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'dpia-missing-or-stale';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const TOP = '1:1-1:8'; // a missing top-level section is reported at the first key, `dsalint`

const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.0.0\n';
const PARTIES =
  'parties:\n  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n  - { id: icb, name: Example ICB, org_type: icb }\n' +
  '  - { id: trust, name: Example Trust, org_type: nhs_trust_acute }\n  - { id: vendor, name: Example Vendor }\n';
const purposes = (...rows: string[]): string => `purposes:\n${rows.map((r) => `  - { ${r} }\n`).join('')}`;
const data = (...rows: string[]): string => `data:\n${rows.map((r) => `  - { ${r} }\n`).join('')}`;
const flows = (...rows: string[]): string => `flows:\n${rows.map((r) => `  - { ${r} }\n`).join('')}`;
const lint = (text: string, asOf?: string) => lintWithRule(RULE, text, asOf ? { asOf } : {});
const DPIA = 'dpia: { reference: DPIA-1, completed: 2026-03-10, version_covered: 1.0.0 }\n';

describe(`${RULE}: no DPIA when there are signs of high risk`, () => {
  it('is quiet when nothing suggests high risk', async () => {
    const text = HEAD + PARTIES + purposes('id: care, category: individual_care') + data('id: d, categories: [diagnoses_problems]') + flows('id: f, from: surgery, to: trust, data: [d], purposes: [care]');
    expect(await lint(text)).toEqual([]);
  });

  it('reports special category data about every registered patient', async () => {
    const text = HEAD + PARTIES + 'population: { scope: all_registered }\n' + data('id: d, categories: [diagnoses_problems]');
    expect(await lint(text)).toEqual([`missing ${TOP}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('health (special category) data ("d") about every registered patient');
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['population.scope']);
  });

  it('does not count a defined cohort, or anonymised data, as large scale', async () => {
    expect(await lint(HEAD + 'population: { scope: defined_cohort, inclusion_criteria: [aged 65 and over] }\n' + data('id: d, categories: [diagnoses_problems]'))).toEqual([]);
    expect(await lint(HEAD + 'population: { scope: all_registered }\n' + data('id: d, categories: [diagnoses_problems], identifiability: anonymised'))).toEqual([]);
    expect(await lint(HEAD + 'population: { scope: all_registered }\n' + data('id: d, categories: [nhs_number, appointments_activity]'))).toEqual([]);
  });

  it('reports live access for a recipient that does not provide direct care, or of unknown type', async () => {
    for (const to of ['icb', 'vendor']) {
      const text = HEAD + PARTIES + flows(`id: f, from: surgery, to: ${to}, access: { mode: live_system_access }`);
      expect(await lint(text)).toEqual([`missing ${TOP}`]);
    }
  });

  it('does not count live access for a direct-care provider, or an extract for an ICB', async () => {
    expect(await lint(HEAD + PARTIES + flows('id: f, from: surgery, to: trust, access: { mode: live_system_access }'))).toEqual([]);
    expect(await lint(HEAD + PARTIES + flows('id: f, from: surgery, to: icb, access: { mode: extract }'))).toEqual([]);
  });

  it('reports genetic data used beyond individual care, through the item or a flow', async () => {
    const own = HEAD + purposes('id: study, category: research') + data('id: g, categories: [nhs_number, genetic], purposes: [study]');
    expect(await lint(own)).toEqual([`missing ${TOP}`]);
    const outcome = await lintText(own, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['data[0].categories[1]']);
    const viaFlow = HEAD + PARTIES + purposes('id: study, category: research') + data('id: g, categories: [genetic]') + flows('id: f, from: surgery, to: trust, data: [g], purposes: [study]');
    expect(await lint(viaFlow)).toEqual([`missing ${TOP}`]);
  });

  it('does not count genetic data used only for individual care', async () => {
    const text = HEAD + purposes('id: care, category: individual_care') + data('id: g, categories: [genetic], purposes: [care]');
    expect(await lint(text)).toEqual([]);
  });

  it('reports vulnerable people or children whose data is used beyond individual care', async () => {
    const study = purposes('id: study, category: service_evaluation');
    expect(await lint(`${HEAD}population: { vulnerable_groups: [adults_at_risk] }\n${study}`)).toEqual([`missing ${TOP}`]);
    expect(await lint(`${HEAD}population: { age_range: { min: 0, max: 17 } }\n${study}`)).toEqual([`missing ${TOP}`]);
  });

  it('treats a population up to 18 as not only children (boundary)', async () => {
    expect(await lint(`${HEAD}population: { age_range: { min: 0, max: 18 } }\n${purposes('id: study, category: service_evaluation')}`)).toEqual([]);
  });

  it('does not count vulnerable people whose data is used only for their care, or one case at a time', async () => {
    expect(await lint(`${HEAD}population: { vulnerable_groups: [children] }\n${purposes('id: care, category: individual_care')}`)).toEqual([]);
    expect(await lint(`${HEAD}population: { vulnerable_groups: [children] }\n${purposes('id: sg, category: safeguarding_review')}`)).toEqual([]);
    const mixed = `${HEAD}population: { vulnerable_groups: [children] }\n${purposes('id: sg, category: safeguarding_review', 'id: eval, category: service_evaluation')}`;
    expect(await lint(mixed)).toEqual([`missing ${TOP}`]);
  });

  it('reports high-risk indicators the agreement lists, with a DPIA section but no reference at its key', async () => {
    const text = `${HEAD}dpia:\n  high_risk_indicators: [innovative_technology]\n`;
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'dpia')}`]);
  });

  it('reports once, counting the other signs and pointing at each', async () => {
    const text = HEAD + PARTIES + 'population: { scope: all_registered }\n' + data('id: d, categories: [diagnoses_problems]') + flows('id: f, from: surgery, to: icb, access: { mode: live_system_access }');
    expect(await lint(text)).toEqual([`missing ${TOP}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain(', and 1 other sign of high risk.');
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['population.scope', 'flows[0].access.mode']);
  });

  it('is quiet when a DPIA is recorded', async () => {
    const text = HEAD + PARTIES + flows('id: f, from: surgery, to: icb, access: { mode: live_system_access }') + DPIA;
    expect(await lint(text)).toEqual([]);
  });
});

describe(`${RULE}: a stale or unresolved DPIA`, () => {
  it('reports a DPIA of an earlier version, at version_covered', async () => {
    const text = HEAD + 'dpia: { reference: DPIA-1, version_covered: 0.9.0 }\n';
    expect(await lint(text)).toEqual([`stale-version ${rangeOf(text, '0.9.0')}`]);
  });

  it('is quiet for the current version, numerically compared', async () => {
    expect(await lint(HEAD + 'dpia: { reference: DPIA-1, version_covered: "1.0" }\n')).toEqual([]);
    expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\ndpia: { reference: DPIA-1, version_covered: 0.9.0 }\n')).toEqual([]);
  });

  const history = (date: string, changes: string): string => `history:\n  - { version: 1.0.0, date: ${date}, changes: { ${changes} } }\n`;

  it('reports a DPIA completed before a later material change, at completed (day after)', async () => {
    const text = HEAD + DPIA + history('2026-03-11', 'added_purposes: [audit]');
    expect(await lint(text)).toEqual([`stale-date ${rangeOf(text, '2026-03-10')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('completed on 2026-03-10, before version 1.0.0 (2026-03-11) changed');
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['history[0].date']);
  });

  it('is quiet for a change on the day the DPIA was completed, or the day before', async () => {
    expect(await lint(HEAD + DPIA + history('2026-03-10', 'added_purposes: [audit]'))).toEqual([]);
    expect(await lint(HEAD + DPIA + history('2026-03-09', 'added_purposes: [audit]'))).toEqual([]);
  });

  it('counts added data or parties, a widened population and changed access as material', async () => {
    for (const change of ['added_data: [x]', 'added_parties: [x]', 'widened_population: true', 'changed_access: true']) {
      const text = HEAD + DPIA + history('2026-04-01', change);
      expect(await lint(text)).toEqual([`stale-date ${rangeOf(text, '2026-03-10')}`]);
    }
  });

  it('does not count a change that is not material', async () => {
    expect(await lint(HEAD + DPIA + history('2026-04-01', 'widened_population: false'))).toEqual([]);
    expect(await lint(`${HEAD}${DPIA}history:\n  - { version: 1.0.0, date: 2026-04-01, summary: Typo fixed }\n`)).toEqual([]);
  });

  it('reports a stale version only once, not also its date', async () => {
    const text = HEAD + 'dpia: { reference: DPIA-1, completed: 2026-03-10, version_covered: 0.9.0 }\n' + history('2026-04-01', 'added_data: [x]');
    expect(await lint(text)).toEqual([`stale-version ${rangeOf(text, '0.9.0')}`]);
  });

  it('reports residual high risk with no ICO prior consultation', async () => {
    const text = `${HEAD}dpia: { reference: DPIA-1, residual_high_risk: true }\n`;
    expect(await lint(text)).toEqual([`no-prior-consultation ${rangeOf(text, 'true')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.severity).toBe('warning');
  });

  it('is quiet when the ICO was consulted, or no high risk remains', async () => {
    expect(await lint(`${HEAD}dpia: { reference: DPIA-1, residual_high_risk: true, ico_prior_consultation: ICO-123 }\n`)).toEqual([]);
    expect(await lint(`${HEAD}dpia: { reference: DPIA-1, residual_high_risk: false }\n`)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});

describe(`${RULE}: more signs of high risk and the DPIA's mitigations`, () => {
  const SPECIAL = data('id: d, categories: [nhs_number, diagnoses_problems]');

  it('counts a cohort of at least large_scale_cohort patients with health data as large scale', async () => {
    const text = `${HEAD}population: { scope: defined_cohort, inclusion_criteria: [diabetes], cohort_size: 10000 }\n${SPECIAL}`;
    expect(await lint(text)).toEqual([`missing ${TOP}`]);
    const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(f?.message).toContain('about 10,000 patients is processed on a large scale');
    expect(await lint(text.replace('10000', '9999'))).toEqual([]);
    expect(await lintWithRule(RULE, text, { options: { [RULE]: { large_scale_cohort: 20000 } } })).toEqual([]);
  });

  it('counts new technology named in a purpose, a data item or a flow\'s system', async () => {
    const text = `${HEAD}${purposes('id: scribe, description: Ambient voice technology drafts consultation notes')}${SPECIAL}`;
    expect(await lint(text)).toEqual([`missing ${TOP}`]);
    const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(f?.message).toContain('uses new technology ("Ambient voice")');
    expect(await lint(`${HEAD}${purposes('id: p, description: Triage supported by AI')}`)).toEqual([`missing ${TOP}`]);
    expect(await lint(`${HEAD}${purposes('id: p, description: Waiting list validation by the trust')}`)).toEqual([]);
  });

  it('counts one recipient receiving personal data from two sources as data matching', async () => {
    const text = `${HEAD}${PARTIES}${SPECIAL}${flows('id: a, from: surgery, to: icb, data: [d]', 'id: b, from: trust, to: icb, data: [d]')}`;
    expect(await lint(text)).toEqual([`missing ${TOP}`]);
    expect(await lint(`${HEAD}${PARTIES}${SPECIAL}${flows('id: a, from: surgery, to: icb, data: [d]', 'id: b, from: surgery, to: icb, data: [d]')}`)).toEqual([]);
  });

  describe('systematic monitoring', () => {
    // Personal data that is not special category, so only the monitoring sign can fire.
    const ACTIVITY = data('id: d, categories: [nhs_number, appointments_activity]');
    const agreement = (population: string, access: string, extra = ''): string =>
      `${HEAD}${PARTIES}${purposes('id: use, category: planning_commissioning')}population: { ${population} }\n${ACTIVITY}${flows(`id: f, from: surgery, to: icb, data: [d], purposes: [use], access: ${access}`)}${extra}`;

    it('counts an ongoing feed of personal data about every registered patient, pointing at the flow\'s access', async () => {
      for (const access of ['{ mode: feed }', '{ trigger: scheduled }', '{ duration: standing }']) {
        const text = agreement('scope: all_registered', access);
        expect(await lint(text)).toEqual([`missing ${TOP}`]);
        const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
        expect(f?.message).toContain('flow "f" sends Example ICB an ongoing feed of personal data about every registered patient (systematic monitoring)');
        expect(f?.related.map((r) => r.path)).toEqual(['flows[0].access']);
        expect(`${f?.related[0]?.range.start.line}:${f?.related[0]?.range.start.column}`).toBe(rangeOf(text, access).split('-')[0]);
      }
    });

    it('counts a feed about a cohort of at least large_scale_cohort patients', async () => {
      const text = agreement('scope: defined_cohort, inclusion_criteria: [over 65], cohort_size: 10000', '{ mode: feed }');
      expect(await lint(text)).toEqual([`missing ${TOP}`]);
      const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(f?.message).toContain('an ongoing feed of personal data about 10,000 patients (systematic monitoring)');
      expect(await lint(text.replace('10000', '9999'))).toEqual([]);
    });

    it('does not count a one-off extract, a per-case or one-off feed, a defined cohort, anonymised data, the dead, or a recorded DPIA', async () => {
      expect(await lint(agreement('scope: all_registered', '{ mode: extract }'))).toEqual([]);
      expect(await lint(agreement('scope: all_registered', '{ mode: per_request, trigger: scheduled }'))).toEqual([]);
      expect(await lint(agreement('scope: all_registered', '{ mode: feed, trigger: per_case }'))).toEqual([]);
      expect(await lint(agreement('scope: all_registered', '{ mode: feed, duration: one_off }'))).toEqual([]);
      expect(await lint(agreement('scope: defined_cohort, inclusion_criteria: [over 65]', '{ mode: feed }'))).toEqual([]);
      expect(await lint(agreement('scope: all_registered, vital_status: deceased', '{ mode: feed }'))).toEqual([]);
      expect(await lint(agreement('scope: all_registered', '{ mode: feed }').replace('appointments_activity]', 'appointments_activity], identifiability: aggregate').replace('nhs_number, ', ''))).toEqual([]);
      expect(await lint(agreement('scope: all_registered', '{ mode: feed }', DPIA))).toEqual([]);
    });

    it('counts tracking of people\'s location or movements named in a purpose or data item', async () => {
      const text = `${HEAD}${purposes('id: p, description: Track the location of community staff visiting patients at home')}${ACTIVITY}`;
      expect(await lint(text)).toEqual([`missing ${TOP}`]);
      const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(f?.message).toContain('tracks people\'s location or movements ("Track the location")');
      expect(f?.related.map((r) => r.path)).toEqual(['purposes[0].description']);
      expect(await lint(`${HEAD}${data('id: d, description: GPS position of the ambulance crew at handover, categories: [staff_data]')}`)).toEqual([`missing ${TOP}`]);
      expect(await lint(`${HEAD}${purposes('id: p, description: Track referrals to the memory clinic')}${ACTIVITY}`)).toEqual([]);
    });

    it('counts monitoring of staff: identifiable staff_monitoring data, pointing at the category', async () => {
      const text = `${HEAD}${data('id: access_audit, description: Smartcard access events per user, categories: [staff_data, staff_monitoring]')}`;
      expect(await lint(text)).toEqual([`missing ${TOP}`]);
      const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(f?.message).toContain('but data item "access_audit" records what named staff do, which is systematic monitoring of employees.');
      expect(f?.related.map((r) => r.path)).toEqual(['data[0].categories[1]']);
      expect(`${f?.related[0]?.range.start.line}:${f?.related[0]?.range.start.column}`).toBe(rangeOf(text, 'staff_monitoring').split('-')[0]);
      // Aggregate counts of access events say nothing about a named member of staff.
      expect(await lint(text.replace('staff_monitoring]', 'staff_monitoring], identifiability: aggregate'))).toEqual([]);
      expect(await lint(`${text}${DPIA}`)).toEqual([]);
    });

    it('counts the shared care record example\'s feed of staff access audit trails once its DPIA is taken away', async () => {
      const example = readFileSync(new URL('../../examples/shared-care-record/riverside-care-record.dsa.yaml', import.meta.url), 'utf8');
      expect(await lint(example, '2026-11-01')).toEqual([]);
      const withoutDpia = example.replace(/\ndpia:\n(?: {2}.*\n)+/u, '\n');
      const [f] = (await lintText(withoutDpia, { rules: [ruleById(RULE)], asOf: '2026-11-01' })).findings;
      expect(f?.messageId).toBe('missing');
      expect(f?.related.map((r) => r.path)).toContain('data[1].categories[1]');
      expect(f?.related.find((r) => r.path === 'data[1].categories[1]')?.message).toBe(
        'A sign of high risk: data item "access-audit-trail" records what named staff do, which is systematic monitoring of employees.',
      );
    });

    it('counts monitoring of staff named in a purpose or data item, but not staff monitoring patients', async () => {
      for (const words of ['Monitoring staff access to the shared record', 'Audit to monitor employees who open records', 'Employee monitoring for the IG team']) {
        const text = `${HEAD}${purposes(`id: p, description: ${words}`)}`;
        expect(await lint(text)).toEqual([`missing ${TOP}`]);
        const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
        expect(f?.message).toContain('the agreement describes monitoring staff ("');
        expect(f?.related.map((r) => r.path)).toEqual(['purposes[0].description']);
      }
      for (const words of ['Ward staff monitoring observations of the patient', 'Monitoring staffing levels across the ICS', 'Monitoring staff numbers in community teams', 'Track staff training completion', 'Monitoring of workforce levels']) {
        expect(await lint(`${HEAD}${purposes(`id: p, description: ${words}`)}`)).toEqual([]);
      }
    });
  });

  it('reports a mitigation the DPIA relies on that is not in place, at its flag', async () => {
    const text =
      `${HEAD}status: active\ndpia:\n  reference: DPIA-1\n  completed: 2026-03-10\n  version_covered: 1.0.0\n  mitigations:\n` +
      '    - { measure: Opt-in for online record access where harm is flagged, in_place: false }\n    - { measure: Redaction of third-party information, in_place: true }\n';
    expect(await lint(text)).toEqual([`mitigation-not-in-place ${rangeOf(text, 'false')}`]);
    const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('relies on "Opt-in for online record access where harm is flagged" to reduce a risk, but the agreement records it as not in place, while the agreement is in force.');
  });
});
