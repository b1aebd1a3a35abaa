import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'amendment-without-fresh-signoff';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const PARTIES =
  'parties:\n  - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }\n' +
  'flows:\n  - { id: f1, from: surgery, to: meo }\n';

/** An agreement at `version` (or none) with the given history entries and approvals. */
function agreement(version: string | undefined, history: string[], approvals: string[]): string {
  return (
    `dsalint: 1\nid: EX-001\ntitle: Example\n${version ? `version: ${version}\n` : ''}${PARTIES}` +
    `history:\n${history.map((h) => `  - { ${h} }\n`).join('')}` +
    `approvals:\n${approvals.map((a) => `  - { ${a} }\n`).join('')}`
  );
}

const V10 = 'version: 1.0.0, date: 2026-04-01';
const V11_ACCESS = 'version: 1.1.0, date: 2026-09-01, changes: { changed_access: true }';
const cg = (date: string, version = '1.1.0') => `party: surgery, role: caldicott_guardian, date: ${date}, version: ${version}`;
const dpo = (date: string, version = '1.1.0') => `party: surgery, role: dpo, date: ${date}, version: ${version}`;

const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a current-version approval dated before the material change, at its date', async () => {
    const text = agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-08-31')]);
    expect(await lint(text)).toEqual([`stale ${rangeOf(text, '2026-08-31')}`]);
  });

  it('accepts an approval on the day of the change or after it', async () => {
    expect(await lint(agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-09-01')]))).toEqual([]);
    expect(await lint(agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-09-02')]))).toEqual([]);
  });

  it('explains who approved when, and what changed, pointing at the change', async () => {
    const text = agreement('1.1.0', [V10, 'version: 1.1.0, date: 2026-09-01, changes: { added_purposes: [research], widened_population: true }'], [cg('2026-03-20')]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.message).toBe(
      'The Caldicott Guardian of Example Surgery approved this version on 20 March 2026, before the change to version 1.1.0 on 1 September 2026, which ' +
        'added the purpose "research" and widened the population. A material change needs fresh approval: ask them to review the agreement as it ' +
        'now stands and record their new approval and its date.',
    );
    expect(finding?.related.map((r) => r.range.start.line)).toEqual([12]);
  });

  it('counts each kind of material change', async () => {
    for (const change of ['added_purposes: [p2]', 'added_data: [d2]', 'added_parties: [x]', 'widened_population: true', 'changed_access: true']) {
      const text = agreement('1.1.0', [V10, `version: 1.1.0, date: 2026-09-01, changes: { ${change} }`], [cg('2026-08-01')]);
      expect(await lint(text)).toEqual([`stale ${rangeOf(text, '2026-08-01')}`]);
    }
  });

  it('ignores changes that are not material', async () => {
    expect(await lint(agreement('1.1.0', [V10, 'version: 1.1.0, date: 2026-09-01, summary: Typing corrections'], [cg('2026-08-01')]))).toEqual([]);
    expect(await lint(agreement('1.1.0', [V10, 'version: 1.1.0, date: 2026-09-01, changes: { added_data: [], changed_access: false }'], [cg('2026-08-01')]))).toEqual([]);
  });

  it('reports the Data Protection Officer\'s approval too', async () => {
    const text = agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-08-30'), dpo('2026-08-31')]);
    expect(await lint(text)).toEqual([`stale ${rangeOf(text, '2026-08-30')}`, `stale ${rangeOf(text, '2026-08-31')}`]);
  });

  it('judges only the latest approval of the current version in each role', async () => {
    expect(await lint(agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-03-20'), cg('2026-09-05')]))).toEqual([]);
  });

  it('leaves a missing approval of the current version to caldicott-signoff-missing', async () => {
    expect(await lint(agreement('1.1.0', [V10, V11_ACCESS], [cg('2026-03-20', '1.0.0')]))).toEqual([]);
    expect(await lint(agreement('1.1.0', [V10, V11_ACCESS], ['party: surgery, role: caldicott_guardian, date: 2026-03-20']))).toEqual([]);
  });

  it('asks nothing of a controller that only receives', async () => {
    const text = agreement('1.1.0', [V10, V11_ACCESS], ['party: meo, role: caldicott_guardian, date: 2026-03-20, version: 1.1.0']);
    expect(await lint(text)).toEqual([]);
  });

  it('uses the latest material change, even when a later version changed nothing material', async () => {
    const history = [V10, 'version: 1.1.0, date: 2026-06-01, changes: { added_data: [d2] }', 'version: 1.2.0, date: 2026-08-01, summary: Contact details'];
    const stale = agreement('1.2.0', history, [cg('2026-05-01', '1.2.0')]);
    expect(await lint(stale)).toEqual([`stale ${rangeOf(stale, '2026-05-01')}`]);
    expect(await lint(agreement('1.2.0', history, [cg('2026-07-01', '1.2.0')]))).toEqual([]);
  });

  it('ignores history entries newer than the agreement\'s version', async () => {
    expect(await lint(agreement('1.0.0', [V10, V11_ACCESS], [cg('2026-03-20', '1.0.0')]))).toEqual([]);
  });

  it('works without version numbers, from the latest material change', async () => {
    const text = agreement(undefined, ['date: 2026-04-01', 'date: 2026-09-01, changes: { added_parties: [police] }'], ['party: surgery, role: caldicott_guardian, date: 2026-03-20']);
    expect(await lint(text)).toEqual([`stale ${rangeOf(text, '2026-03-20')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });

  it('lets a version history marks not material keep the approvals of the version before it', async () => {
    const narrowing = 'version: 1.1.0, date: 2026-09-01, material: false, changes: { changed_access: true }';
    expect(await lint(agreement('1.1.0', [V10, narrowing], [cg('2026-04-02', '1.0.0')]))).toEqual([]);
    const both = await lintText(agreement('1.1.0', [V10, narrowing], [cg('2026-04-02', '1.0.0')]), { rules: [ruleById('caldicott-signoff-missing'), ruleById(RULE)] });
    expect(both.findings).toEqual([]);
  });

  it('binds an approval with a digest to exactly that content', async () => {
    const text = agreement('1.1.0', [V10], [`${cg('2026-09-03')}, digest: ${'5e'.repeat(32)}`]);
    expect(await lint(text)).toEqual([`other-content ${rangeOf(text, '5e'.repeat(32))}`]);
    // Relabelling the version does not help; a digest of other content is reported whatever the version says.
    const relabelled = agreement('1.1.0', [V10, 'version: 1.1.0, date: 2026-09-01'], [`${cg('2026-09-03', '1.1.0')}, digest: ${'5e'.repeat(32)}`]);
    expect(await lint(relabelled)).toEqual([`other-content ${rangeOf(relabelled, '5e'.repeat(32))}`]);
  });

  it('keeps a digest approval through versions history marks not material', async () => {
    const text = agreement('1.0.1', [V10, 'version: 1.0.1, date: 2026-05-01, material: false'], [`${cg('2026-04-02', '1.0.0')}, digest: ${'5e'.repeat(32)}`]);
    expect(await lint(text)).toEqual([]);
  });

  it('reports a digest that is not 64 hexadecimal characters, at the digest', async () => {
    const text = agreement('1.1.0', [V10], [`${cg('2026-09-03')}, digest: sha256-abc`]);
    expect(await lint(text)).toEqual([`not-a-digest ${rangeOf(text, 'sha256-abc')}`]);
  });
});
