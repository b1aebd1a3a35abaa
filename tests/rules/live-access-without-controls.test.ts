import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'live-access-without-controls';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (access: string, measures?: string): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery }\n  - { id: hospital, name: Example Hospital }\n' +
  `flows:\n  - { id: f1, from: surgery, to: hospital, access: { mode: ${access} } }\n` +
  (measures === undefined ? '' : `security:\n  measures: [${measures}]\n`);
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports both missing controls at the access mode', async () => {
    const text = agreement('live_system_access');
    const at = rangeOf(text, 'live_system_access');
    expect(await lint(text)).toEqual([`no-role-based-access ${at}`, `no-audit-logging ${at}`]);
    expect(at).toBe('8:60-8:78');
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings.map((f) => f.message)).toEqual([
      'Flow "f1" gives Example Hospital live access to the system, but the agreement does not say access is limited by role. Limit access by role ' +
        'so each person sees only what their job needs, then record role_based_access: true in the flow\'s `access`.',
      'Flow "f1" gives Example Hospital live access to the system, but the agreement does not say every access is logged and audited. Make sure ' +
        'every access is logged and audited, then record audit_logging: true in the flow\'s `access`.',
    ]);
  });

  it('is quiet when the flow commits to both', async () => {
    expect(await lint(agreement('live_system_access, role_based_access: true, audit_logging: true'))).toEqual([]);
  });

  it('accepts the controls from the security measures', async () => {
    expect(await lint(agreement('live_system_access', 'role_based_access, audit_logging'))).toEqual([]);
    const text = agreement('live_system_access', 'role_based_access, mfa');
    expect(await lint(text)).toEqual([`no-audit-logging ${rangeOf(text, 'live_system_access')}`]);
  });

  it('reports a flow that says false at that value, even when the security section lists the measure', async () => {
    const text = agreement('live_system_access, role_based_access: false', 'role_based_access, audit_logging');
    expect(await lint(text)).toEqual([`no-role-based-access ${rangeOf(text, 'false')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('but the flow says access is not limited by role.');
  });

  it('does not ask it of other access modes', async () => {
    for (const mode of ['extract', 'feed', 'per_request']) expect(await lint(agreement(mode))).toEqual([]);
  });

  it('reports each live-access flow', async () => {
    const text = agreement('live_system_access, role_based_access: true, audit_logging: true') + '  - { id: f2, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true } }\n';
    const moved = text.replace('security:', '');
    expect(await lint(moved)).toEqual([`no-audit-logging ${rangeOf(moved, 'live_system_access', 2)}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
