/**
 * Tiered agreements: a specific agreement under an overarching protocol, checked with the
 * protocol's sections merged in when the protocol is among the linted files, and without
 * the checks of inherited sections when it is not. Nothing outside the linted paths is read.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLint } from '../src/core/run.js';
import type { FileResult } from '../src/core/types.js';
import { formatRange } from './helpers/lint.js';
import { rangeOf } from './helpers/text-range.js';

const PROTOCOL = `dsalint: 1
id: ISP-1
title: Overarching information sharing protocol
kind: overarching_protocol
parties:
  - { id: signatories, name: Every signatory, group: { any_signatory: true } }
purposes:
  - id: protect
    category: safeguarding
    lawful_basis: { article_6: e_public_task, article_9: g_substantial_public_interest, dpa_schedule_1: part2_para18, common_law: overriding_public_interest }
security:
  measures: [role_based_access, audit_logging, encryption_in_transit, staff_training]
breach: { notify_parties_within: PT24H, ico_notification_owner: signatories, data_subject_comms_owner: signatories, contact: Each signatory's data protection officer }
retention:
  - { party: signatories, period: P6Y, starts: case_closed, disposal: secure_destruction, justification: Local retention schedules. }
`;

const CHILD = (frameworkPath: string, extra = '') => `dsalint: 1
id: ISA-7
title: Safeguarding referrals
framework: { id: ISP-1, path: ${frameworkPath}, inherits: [lawful_basis, security, breach, retention] }
parties:
  - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }
  - { id: lasc, name: Example Council Adult Social Care, org_type: local_authority_adult_social_care, role: controller }
purposes:
  - { id: protect, category: safeguarding }
data:
  - { id: concern, categories: [name, safeguarding], identifiability: identifiable }
flows:
  - { id: refer, from: surgery, to: lasc, data: [concern], purposes: [protect], transfer: { method: nhsmail, encrypted: true } }
${extra}`;

const INHERITED_RULES = ['breach-clause-missing', 'common-law-basis-missing', 'retention-missing-or-indefinite', 'security-measures-missing'];

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dsalint-framework-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

function file(results: readonly FileResult[], path: string): FileResult {
  const found = results.find((f) => f.path === path);
  if (!found) throw new Error(`${path} was not linted`);
  return found;
}

const ruleIds = (f: FileResult) => [...new Set(f.findings.map((x) => x.ruleId))];

describe('an agreement under an overarching protocol', () => {
  it('is checked with the protocol\'s sections merged in when the protocol is linted too', async () => {
    const root = await tree({ 'tier1/isp.dsa.yaml': PROTOCOL, 'tier2/referrals.dsa.yaml': CHILD('../tier1/isp.dsa.yaml') });
    const run = await runLint({ paths: ['.'], cwd: root, asOf: '2026-11-01' });
    const child = file(run.files, 'tier2/referrals.dsa.yaml');
    expect(child.failure).toBeUndefined();
    for (const id of INHERITED_RULES) expect(ruleIds(child)).not.toContain(id);
  });

  it('points a finding about an inherited section at the inherits entry, saying it comes from the protocol', async () => {
    const weak = PROTOCOL.replace('notify_parties_within: PT24H', 'notify_parties_within: P7D');
    const root = await tree({ 'tier1/isp.dsa.yaml': weak, 'tier2/referrals.dsa.yaml': CHILD('../tier1/isp.dsa.yaml') });
    const run = await runLint({ paths: ['.'], cwd: root, asOf: '2026-11-01' });
    const found = file(run.files, 'tier2/referrals.dsa.yaml').findings.filter((f) => f.ruleId === 'breach-notification-window');
    expect(found.map((f) => formatRange(f.location.range))).toEqual([rangeOf(CHILD('../tier1/isp.dsa.yaml'), 'breach')]);
    expect(found[0]?.location.path).toBe('framework.inherits[2]');
    expect(found[0]?.message).toMatch(/^In a section this agreement takes from its overarching protocol: /);
  });

  it('reads the protocol when a glob names both files', async () => {
    const root = await tree({ 'tier1/isp.dsa.yaml': PROTOCOL.replace('PT24H', 'P7D'), 'tier2/referrals.dsa.yaml': CHILD('../tier1/isp.dsa.yaml') });
    const run = await runLint({ paths: ['tier*/*.dsa.yaml'], cwd: root, asOf: '2026-11-01' });
    expect(ruleIds(file(run.files, 'tier2/referrals.dsa.yaml'))).toContain('breach-notification-window');
  });

  it('never reads an inherited section as missing when the protocol is not among the linted files', async () => {
    const root = await tree({ 'tier1/isp.dsa.yaml': PROTOCOL, 'tier2/referrals.dsa.yaml': CHILD('../tier1/isp.dsa.yaml') });
    const run = await runLint({ paths: ['tier2'], cwd: root, asOf: '2026-11-01' });
    const child = file(run.files, 'tier2/referrals.dsa.yaml');
    for (const id of INHERITED_RULES) expect(ruleIds(child)).not.toContain(id);
    expect(run.files.map((f) => f.path)).toEqual(['tier2/referrals.dsa.yaml']);
  });

  it('checks what the agreement writes out itself even when it says it inherits that section', async () => {
    const own = CHILD('../tier1/isp.dsa.yaml', 'security:\n  measures: []\n');
    const root = await tree({ 'tier2/referrals.dsa.yaml': own });
    const run = await runLint({ paths: ['.'], cwd: root, asOf: '2026-11-01' });
    expect(ruleIds(file(run.files, 'tier2/referrals.dsa.yaml'))).toContain('security-measures-missing');
  });

  it('does not follow a link out of the linted folder', async () => {
    const outside = await tree({ 'isp.dsa.yaml': PROTOCOL.replace('PT24H', 'P7D') });
    const root = await tree({ 'tier2/referrals.dsa.yaml': CHILD('../tier1/isp.dsa.yaml') });
    await symlink(outside, join(root, 'tier1'));
    const run = await runLint({ paths: ['.'], cwd: root, asOf: '2026-11-01' });
    expect(ruleIds(file(run.files, 'tier2/referrals.dsa.yaml'))).not.toContain('breach-notification-window');
  });
});
