import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'live-access-without-controls';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (access: string, measures?: string, sender = 'gp_practice'): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  `  - { id: surgery, name: Example Surgery, org_type: ${sender} }\n  - { id: hospital, name: Example Hospital }\n` +
  `flows:\n  - { id: f1, from: surgery, to: hospital, access: { mode: ${access} } }\n` +
  (measures === undefined ? '' : `security:\n  measures: [${measures}]\n`);
const lint = (text: string) => lintWithRule(RULE, text);
const messages = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings.map((f) => `${f.severity}: ${f.message}`);

describe(RULE, () => {
  it('reports every missing control in one error at the access mode, for a clinical system', async () => {
    const text = agreement('live_system_access');
    expect(await lint(text)).toEqual([`missing-controls ${rangeOf(text, 'live_system_access')}`]);
    expect(await messages(text)).toEqual([
      'error: Flow "f1" gives Example Hospital live access to Example Surgery\'s system, a clinical system, but nothing in the agreement commits to ' +
        'multi-factor authentication, role-based access or an audit of every access. Before access starts, ask Example Hospital to confirm that ' +
        'multi-factor authentication, role-based access and an audit of every access are in place, then record `mfa` under `security.measures` ' +
        'and `role_based_access: true, audit_logging: true` in the flow\'s `access`.',
    ]);
  });

  it('is quiet when the flow and the security measures commit to all three', async () => {
    expect(await lint(agreement('live_system_access, role_based_access: true, audit_logging: true', 'mfa'))).toEqual([]);
    expect(await lint(agreement('live_system_access', 'role_based_access, audit_logging, mfa'))).toEqual([]);
  });

  it('does not let an unrelated measure stand in for the baseline', async () => {
    const text = agreement('live_system_access, role_based_access: true, audit_logging: true', 'penetration_testing, encryption_in_transit');
    expect(await lint(text)).toEqual([`missing-controls ${rangeOf(text, 'live_system_access')}`]);
    expect((await messages(text))[0]).toContain('nothing in the agreement commits to multi-factor authentication.');
  });

  it('reports a flow that says false at that value, even when the security section lists the measure', async () => {
    const text = agreement('live_system_access, role_based_access: false', 'role_based_access, audit_logging, mfa');
    expect(await lint(text)).toEqual([`missing-controls ${rangeOf(text, 'false')}`]);
    expect((await messages(text))[0]).toContain('but the flow says there is no role-based access.');
  });

  it('warns rather than errs for a system outside health and care', async () => {
    const text = agreement('live_system_access', 'mfa', 'local_authority_childrens_services');
    expect(await lint(text)).toEqual([`missing-controls-non-clinical ${rangeOf(text, 'live_system_access')}`]);
    expect((await messages(text))[0]).toMatch(/^warning: /);
  });

  it('asks the same of remote access in a secure data environment, as a warning', async () => {
    const text = agreement('secure_data_environment', 'role_based_access, audit_logging');
    expect(await lint(text)).toEqual([`missing-controls-non-clinical ${rangeOf(text, 'secure_data_environment')}`]);
    expect((await messages(text))[0]).toBe(
      'warning: Flow "f1" gives Example Hospital remote access to the data in a secure data environment, but nothing in the agreement commits to ' +
        'multi-factor authentication. Before access starts, ask Example Hospital to confirm that multi-factor authentication is in place, then ' +
        'record `mfa` under `security.measures`.',
    );
  });

  it('does not ask it of other access modes', async () => {
    for (const mode of ['extract', 'feed', 'per_request']) expect(await lint(agreement(mode))).toEqual([]);
  });

  it('reports each live-access flow', async () => {
    const text = agreement('live_system_access, role_based_access: true, audit_logging: true', 'mfa') + 'x';
    const two = text.replace('security:', '  - { id: f2, from: surgery, to: hospital, access: { mode: live_system_access, role_based_access: true } }\nsecurity:').slice(0, -1);
    expect(await lint(two)).toEqual([`missing-controls ${rangeOf(two, 'live_system_access', 2)}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
