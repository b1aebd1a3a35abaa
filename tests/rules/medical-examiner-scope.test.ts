import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'medical-examiner-scope';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string, options?: Record<string, unknown>) => lintWithRule(RULE, text, options ? { options: { [RULE]: options } } : {});

interface Shape {
  vital?: string | null;
  access?: string | null;
  category?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }\n' +
  `purposes:\n  - { id: me, category: ${s.category ?? 'medical_examiner_scrutiny'} }\n` +
  (s.vital === null ? '' : `population: { scope: per_case, vital_status: ${s.vital ?? 'deceased'} }\n`) +
  'flows:\n' +
  `  - { id: f1, from: surgery, to: meo, purposes: [me]${s.access === null ? '' : `, access: ${s.access ?? '{ mode: per_request, trigger: per_case, window: P28D }'}`} }\n`;

describe(RULE, () => {
  describe('vital status', () => {
    it.each(['living', 'both'])('reports a %s population at vital_status, with the purpose as related', async (vital) => {
      const text = agreement({ vital });
      expect(await lint(text)).toEqual([`not-deceased ${rangeOf(text, vital, 1)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'medical_examiner_scrutiny').split('-')[0]]);
    });

    it('leaves a missing vital status or population to cohort-undefined', async () => {
      expect(await lint(agreement({ vital: null }))).toEqual([]);
    });

    it('does not report population scope (population-exceeds-purpose owns it)', async () => {
      expect(await lint(agreement().replace('scope: per_case', 'scope: all_registered'))).toEqual([]);
    });
  });

  describe('read-only', () => {
    it('reports live access that is not read-only, at read_only or the access key', async () => {
      const unstated = agreement({ access: '{ mode: live_system_access, trigger: per_case, window: P28D }' });
      expect(await lint(unstated)).toEqual([`not-read-only ${rangeOf(unstated, 'access')}`]);
      const editable = agreement({ access: '{ mode: live_system_access, trigger: per_case, window: P28D, read_only: false }' });
      expect(await lint(editable)).toEqual([`not-read-only ${rangeOf(editable, 'false')}`]);
    });

    it('passes read-only live access, and does not ask it of per-request disclosure', async () => {
      expect(await lint(agreement({ access: '{ mode: live_system_access, trigger: per_case, window: P28D, read_only: true }' }))).toEqual([]);
      expect(await lint(agreement({ access: '{ mode: per_request, trigger: per_case, window: P28D }' }))).toEqual([]);
    });
  });

  describe('time limit', () => {
    it('reports access with no window, end or one-off duration at the access key', async () => {
      const text = agreement({ access: '{ mode: per_request, trigger: per_case }' });
      expect(await lint(text)).toEqual([`no-time-limit ${rangeOf(text, 'access')}`]);
    });

    it('reports a flow with no access section at its first line', async () => {
      const text = agreement({ access: null });
      expect(await lint(text)).toEqual([`no-time-limit ${rangeOf(text, '{ id: f1, from: surgery, to: meo, purposes: [me] }')}`]);
    });

    it('reports a standing feed at its duration', async () => {
      const text = agreement({ access: '{ mode: feed, trigger: scheduled, duration: standing, window: P7D }' });
      expect(await lint(text)).toEqual([`no-time-limit ${rangeOf(text, 'standing')}`]);
    });

    it('leaves standing live access to whole-system-access, but still asks for read-only', async () => {
      const text = agreement({ access: '{ mode: live_system_access, duration: standing }' });
      expect(await lint(text)).toEqual([`not-read-only ${rangeOf(text, 'access')}`]);
    });

    it('accepts an end date or a one-off disclosure instead of a window', async () => {
      expect(await lint(agreement({ access: '{ mode: per_request, trigger: per_case, end: 2027-03-31 }' }))).toEqual([]);
      expect(await lint(agreement({ access: '{ mode: extract, duration: one_off }' }))).toEqual([]);
    });
  });

  describe('window length', () => {
    it('allows up to 28 days by default: P27D and P28D and P4W pass, P29D and P1M fail', async () => {
      const at = (window: string) => agreement({ access: `{ mode: per_request, trigger: per_case, window: ${window} }` });
      expect(await lint(at('P27D'))).toEqual([]);
      expect(await lint(at('P28D'))).toEqual([]);
      expect(await lint(at('P4W'))).toEqual([]);
      expect(await lint(at('P29D'))).toEqual([`window-too-long ${rangeOf(at('P29D'), 'P29D')}`]);
      expect(await lint(at('P1M'))).toEqual([`window-too-long ${rangeOf(at('P1M'), 'P1M')}`]);
      expect(await lint(at('P28DT1H'))).toHaveLength(1);
    });

    it('gives both lengths in words', async () => {
      const text = agreement({ access: '{ mode: per_request, trigger: per_case, window: P6W }' });
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('access for 6 weeks per case, longer than the 28 days allowed');
    });

    it('follows the max_window option', async () => {
      const text = agreement({ access: '{ mode: per_request, trigger: per_case, window: P6W }' });
      expect(await lint(text, { max_window: 'P6W' })).toEqual([]);
      expect(await lint(text, { max_window: 'P41D' })).toHaveLength(1);
      expect(await lint(agreement(), { max_window: 'P7D' })).toEqual([`window-too-long ${rangeOf(agreement(), 'P28D')}`]);
    });
  });

  it('is quiet for agreements with no medical examiner purpose', async () => {
    expect(await lint(agreement({ category: 'coroner', vital: 'both', access: '{ mode: live_system_access }' }))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
