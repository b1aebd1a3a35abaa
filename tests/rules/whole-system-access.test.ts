import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'whole-system-access';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

interface Shape {
  recipientType?: string;
  category?: string;
  population?: string;
  categories?: string;
  access?: string;
  security?: string;
}

/** One flow from a GP practice to `rcpt`, carrying `item` (unless access is live with no data). */
function agreement(s: Shape = {}): string {
  const recipientType = s.recipientType === undefined ? 'medical_examiner_office' : s.recipientType;
  return (
    'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
    '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
    `  - { id: rcpt, name: Recipient Org${recipientType ? `, org_type: ${recipientType}` : ''} }\n` +
    `purposes:\n  - { id: p1, category: ${s.category ?? 'medical_examiner_scrutiny'} }\n` +
    `population: ${s.population ?? '{ scope: per_case, vital_status: deceased }'}\n` +
    `data:\n  - { id: item, categories: [${s.categories ?? 'diagnoses_problems, recent_consultations'}] }\n` +
    'flows:\n  - id: f1\n    from: surgery\n    to: rcpt\n    data: [item]\n    purposes: [p1]\n' +
    (s.access === '' ? '' : `    access: ${s.access ?? '{ mode: per_request, trigger: per_case }'}\n`) +
    (s.security ?? '')
  );
}

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

const ALL = '{ scope: all_registered, vital_status: both }';
const STANDING = '{ mode: live_system_access, duration: standing }';
const CARE = { recipientType: 'nhs_trust_acute', category: 'individual_care' };
const ALL_CONTROLS = 'role_based_access: true, audit_logging: true, legitimate_relationship: true';

describe(RULE, () => {
  describe('two or more of whole record, every patient, standing live access', () => {
    it('reports all three at the access mode, as an error citing the ICO, with the population as related', async () => {
      const text = agreement({ population: ALL, access: STANDING, categories: 'full_record' });
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'live_system_access')}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('error');
      expect(f?.message).toBe(
        'Flow "f1" gives Recipient Org standing live access to the whole record of every registered patient, for medical examiner scrutiny of a death ("p1"). ' +
          'The ICO has advised that whole-system access like this breaches data minimisation: share only what Recipient Org needs for each case, ' +
          'such as the relevant records of the named patient disclosed per request.',
      );
      expect(f?.related.map((r) => [formatRange(r.range), r.message])).toEqual([
        [rangeOf(text, 'all_registered'), 'The population covers every patient.'],
        [rangeOf(text, 'full_record'), 'This data item is the whole record.'],
      ]);
    });

    it('reports the whole record for every patient without live access', async () => {
      const text = agreement({ population: ALL, categories: 'full_record' });
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'per_request')}`]);
      expect((await findings(text))[0]?.message).toContain('gives Recipient Org the whole record of every registered patient, for');
    });

    it('reports standing live access with no data listed (the whole record), even for a per-case population', async () => {
      const text = agreement({ access: STANDING }).replace('    data: [item]\n', '');
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'live_system_access')}`]);
      expect((await findings(text))[0]?.message).toContain('standing live access to the whole record, for');
    });

    it('reports standing live access to the listed data of every patient', async () => {
      const text = agreement({ population: ALL, access: STANDING, recipientType: 'nhs_trust_acute' });
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'live_system_access')}`]);
      expect((await findings(text))[0]?.message).toContain('standing live access to the listed data of every registered patient');
    });

    it('counts a defined cohort with no inclusion criteria as every patient, but not one with criteria', async () => {
      const open = agreement({ population: '{ scope: defined_cohort, vital_status: deceased }', categories: 'full_record' });
      expect(await lint(open)).toEqual([`whole-system ${rangeOf(open, 'per_request')}`]);
      expect((await findings(open))[0]?.message).toContain('of every patient (the cohort has no inclusion criteria)');
      const bounded = agreement({ population: '{ scope: defined_cohort, inclusion_criteria: [Deaths notified this month], vital_status: deceased }', categories: 'full_record' });
      expect(await lint(bounded)).toEqual([]);
    });

    it('reports at the flow id when the flow has no access block', async () => {
      const text = agreement({ population: ALL, categories: 'full_record', access: '' });
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'f1')}`]);
    });

    it('does not report one condition alone for a direct-care recipient', async () => {
      expect(await lint(agreement({ ...CARE, access: STANDING }))).toEqual([]);
      expect(await lint(agreement({ ...CARE, population: ALL }))).toEqual([]);
      expect(await lint(agreement({ ...CARE, categories: 'full_record' }))).toEqual([]);
    });

    it('is an error for direct care when the recipient does not provide direct care', async () => {
      const text = agreement({ category: 'individual_care', recipientType: 'icb', population: ALL, access: STANDING });
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'live_system_access')}`]);
    });
  });

  describe('standing live access for a purpose beyond care by a recipient that does not provide direct care', () => {
    it('reports it even with named data and a per-case population, with the organisation type as related', async () => {
      const text = agreement({ access: STANDING });
      expect(await lint(text)).toEqual([`standing-access ${rangeOf(text, 'live_system_access')}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('error');
      expect(f?.message).toContain('but Recipient Org does not provide direct care (its organisation type is "Medical examiner office")');
      expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'medical_examiner_office')]);
    });

    it('says so when the recipient has no organisation type', async () => {
      const text = agreement({ access: STANDING, recipientType: '' });
      expect(await lint(text)).toEqual([`standing-access ${rangeOf(text, 'live_system_access')}`]);
      const [f] = await findings(text);
      expect(f?.message).toContain('is not declared as a direct-care provider (its org_type is not set)');
      expect(f?.related).toEqual([]);
    });

    it('treats open-ended live access (no duration, end or window) as standing', async () => {
      const text = agreement({ access: '{ mode: live_system_access }' });
      expect(await lint(text)).toEqual([`standing-access ${rangeOf(text, 'live_system_access')}`]);
    });

    it('does not report live access that is per case, time-limited or windowed', async () => {
      expect(await lint(agreement({ access: '{ mode: live_system_access, trigger: per_case }' }))).toEqual([]);
      expect(await lint(agreement({ access: '{ mode: live_system_access, duration: time_limited, end: 2026-12-31 }' }))).toEqual([]);
      expect(await lint(agreement({ access: '{ mode: live_system_access, window: P28D }' }))).toEqual([]);
    });

    it('does not report standing access for direct care by itself', async () => {
      expect(await lint(agreement({ category: 'individual_care', recipientType: 'icb', access: STANDING }))).toEqual([]);
    });
  });

  describe('the shared care record pattern (direct care, direct-care recipient)', () => {
    const shared = (access: string, security = '') => agreement({ ...CARE, population: ALL, categories: 'full_record', access, security });

    it('is not reported with role-based access, audit logging and legitimate-relationship checks', async () => {
      expect(await lint(shared(`{ mode: live_system_access, duration: standing, ${ALL_CONTROLS} }`))).toEqual([]);
      expect(await lint(shared(`{ mode: feed, ${ALL_CONTROLS} }`))).toEqual([]);
    });

    it('accepts the controls from security.measures', async () => {
      const text = shared('{ mode: feed }', 'security:\n  measures: [role_based_access, audit_logging, legitimate_relationship]\n');
      expect(await lint(text)).toEqual([]);
    });

    it('is a warning naming every missing control for a feed', async () => {
      const text = shared('{ mode: feed }');
      expect(await lint(text)).toEqual([`shared-record-controls ${rangeOf(text, 'feed')}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('warning');
      expect(f?.message).toContain('for direct care without role-based access, audit logging or legitimate-relationship checks');
      expect(f?.message).toContain('set role_based_access, audit_logging and legitimate_relationship to true');
    });

    it('lets a flow that says false override the security measures', async () => {
      const text = shared('{ mode: feed, legitimate_relationship: false }', 'security:\n  measures: [role_based_access, audit_logging, legitimate_relationship]\n');
      expect(await lint(text)).toEqual([`shared-record-controls ${rangeOf(text, 'feed')}`]);
    });

    it('for live access reports only the legitimate-relationship check (live-access-without-controls owns the others)', async () => {
      const noRelationship = shared('{ mode: live_system_access, duration: standing, role_based_access: true, audit_logging: true }');
      expect(await lint(noRelationship)).toEqual([`shared-record-controls ${rangeOf(noRelationship, 'live_system_access')}`]);
      expect((await findings(noRelationship))[0]?.message).toContain('without legitimate-relationship checks');
      expect(await lint(shared('{ mode: live_system_access, duration: standing, legitimate_relationship: true }'))).toEqual([]);
    });

    it('is an error when any purpose on the flow is not direct care', async () => {
      const text = shared(`{ mode: live_system_access, duration: standing, ${ALL_CONTROLS} }`)
        .replace('purposes:\n  - { id: p1, category: individual_care }\n', 'purposes:\n  - { id: p1, category: individual_care }\n  - { id: p2, category: planning_commissioning }\n')
        .replace('purposes: [p1]', 'purposes: [p1, p2]');
      expect(await lint(text)).toEqual([`whole-system ${rangeOf(text, 'live_system_access')}`]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
