/**
 * The sign-off gate end to end, in a temporary git repository: `lint --base` catches a
 * silent widening at the change, lets a narrowing and an editorial version through, and
 * `diff`, `digest` and `approve` behave as documented, including their errors.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { rangeOf } from './helpers/text-range.js';
import { contentDigest } from '../src/core/digest.js';
import { parse } from 'yaml';
import { RULES } from '../rules/index.js';

const AS_OF = ['--as-of', '2026-11-01'];
const GATE_RULES = new Set(['amendment-without-fresh-signoff', 'new-purpose-without-compatibility', 'caldicott-signoff-missing']);

interface Parts {
  version?: string;
  categories?: string;
  historyWindow?: string;
  access?: string;
  purposes?: string;
  history?: string;
  approvals?: string;
}

/** A small agreement whose parts the tests change one at a time. */
function agreement(p: Parts = {}): string {
  return [
    'dsalint: 1',
    'id: GATE-1',
    'title: Medical examiner scrutiny',
    `version: ${p.version ?? '1.0.0'}`,
    'dates: { effective_from: 2026-04-01 }',
    'parties:',
    '  - { id: surgery, name: Example Surgery, org_type: gp_practice, role: controller }',
    '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }',
    'purposes:',
    p.purposes ?? '  - { id: scrutiny, category: medical_examiner_scrutiny, description: Scrutiny of deaths }',
    'data:',
    '  - id: summary',
    `    categories: [${p.categories ?? 'nhs_number, diagnoses_problems'}]`,
    '    identifiability: identifiable',
    `    history_window: ${p.historyWindow ?? 'P3Y'}`,
    '    purposes: [scrutiny]',
    'flows:',
    '  - id: f1',
    '    from: surgery',
    '    to: meo',
    '    data: [summary]',
    '    purposes: [scrutiny]',
    `    access: ${p.access ?? '{ mode: per_request, read_only: true }'}`,
    'history:',
    p.history ?? '  - { version: 1.0.0, date: 2026-04-01 }',
    'approvals:',
    p.approvals ?? '  - { party: surgery, role: caldicott_guardian, name: Dr A, date: 2026-04-02, version: 1.0.0 }',
    '',
  ].join('\n');
}

const BASE = agreement();

/** Only the gate's rules run, so exit codes say what the gate decided. */
const CONFIG = `rules:\n${RULES.filter((r) => !GATE_RULES.has(r.id) && r.id !== 'schema').map((r) => `  ${r.id}: off\n`).join('')}`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** A repository whose `main` holds `base`, with `change` written over it in the working tree (null deletes). */
async function repo(base: Record<string, string>, change: Record<string, string | null>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dsalint-gate-'));
  git(dir, 'init', '-q', '-b', 'main');
  for (const [path, text] of Object.entries({ '.dsalint.yaml': CONFIG, ...base })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  for (const [path, text] of Object.entries(change)) {
    if (text === null) await rm(join(dir, path));
    else {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  }
  return dir;
}

interface JsonFinding {
  ruleId: string;
  messageId: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** `rule messageId L:C-L:C` for the gate's rules, from `lint --base main -f json`. */
async function gateFindings(dir: string, extra: string[] = []): Promise<{ code: number; findings: string[]; messages: string[]; stderr: string }> {
  const result = await runCli(['lint', '--base', 'main', '-f', 'json', ...AS_OF, ...extra], dir);
  const report = JSON.parse(result.stdout || '{"files":[]}') as { files: { findings: JsonFinding[] }[] };
  const found = report.files.flatMap((f) => f.findings).filter((f) => GATE_RULES.has(f.ruleId));
  const fmt = (r: JsonFinding['range']): string => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
  return { code: result.code, findings: found.map((f) => `${f.ruleId} ${f.messageId} ${fmt(f.range)}`), messages: found.map((f) => f.message), stderr: result.stderr };
}

const relabelled = '  - { party: surgery, role: caldicott_guardian, name: Dr A, date: 2026-04-02, version: 1.1.0 }';

describe('lint --base', () => {
  it('catches a silent widening with relabelled approvals, at each change', async () => {
    const widened = agreement({ version: '1.1.0', categories: 'nhs_number, diagnoses_problems, mental_health', historyWindow: 'P10Y', approvals: relabelled });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    const { code, findings, messages } = await gateFindings(dir);
    const mh = rangeOf(widened, 'mental_health');
    const window = rangeOf(widened, 'P10Y');
    expect(findings).toEqual([
      `amendment-without-fresh-signoff widened-not-in-history ${mh}`,
      `amendment-without-fresh-signoff widened-without-signoff ${mh}`,
      `amendment-without-fresh-signoff widened-not-in-history ${window}`,
      `amendment-without-fresh-signoff widened-without-signoff ${window}`,
    ]);
    expect(messages[1]).toBe(
      'Since main, this version adds the special category data "mental_health" to the data "summary", which widens the sharing, but the Caldicott Guardian ' +
        'of Example Surgery has not signed off the agreement as it now stands (its approval dated 2 April 2026 is the one at main with the version changed ' +
        'from 1.0.0 to 1.1.0). Ask them to review the change and record their approval with the new digest (dsalint approve).',
    );
    expect(messages[0]).toBe(
      'Since main, this version adds the special category data "mental_health" to the data "summary", which widens the sharing, but `history` has no entry ' +
        'for version 1.1.0. Record it so that the people signing off see it: add a `history` entry for version 1.1.0 with a summary of the change.',
    );
    expect(code).toBe(1);
  });

  it('catches a widening whose version was not bumped', async () => {
    const widened = agreement({ access: '{ mode: live_system_access, read_only: true }' });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    const { findings, messages } = await gateFindings(dir);
    const at = rangeOf(widened, 'live_system_access');
    expect(findings).toEqual([`amendment-without-fresh-signoff widened-without-signoff ${at}`, `amendment-without-fresh-signoff widened-not-in-history ${at}`]);
    expect(messages[1]).toContain('but the version is still 1.0.0, as at main.');
  });

  it('gives a purpose added with no history entry the compatibility check, and asks for sign-off', async () => {
    const purposes = '  - { id: scrutiny, category: medical_examiner_scrutiny, description: Scrutiny of deaths }\n  - { id: audit, category: national_clinical_audit }';
    const widened = agreement({ version: '1.1.0', purposes, approvals: relabelled });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    const { findings } = await gateFindings(dir);
    const item = rangeOf(widened, '{ id: audit, category: national_clinical_audit }');
    expect(findings).toEqual([
      `amendment-without-fresh-signoff widened-not-in-history ${item}`,
      `amendment-without-fresh-signoff widened-without-signoff ${item}`,
      `new-purpose-without-compatibility no-compatibility ${rangeOf(widened, 'audit')}`,
    ]);
  });

  it('accepts a widening recorded in history and freshly approved', async () => {
    const widened = agreement({
      version: '1.1.0',
      historyWindow: 'P10Y',
      history: '  - { version: 1.0.0, date: 2026-04-01 }\n  - { version: 1.1.0, date: 2026-09-01, summary: Ten years of history for cancer deaths }',
      approvals: '  - { party: surgery, role: caldicott_guardian, name: Dr A, date: 2026-09-03, version: 1.1.0 }',
    });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    expect((await gateFindings(dir)).findings).toEqual([]);
  });

  it('needs no fresh sign-off for a narrowing recorded as changed_access: true', async () => {
    const narrowed = agreement({
      version: '1.1.0',
      access: '{ mode: per_request, read_only: true, audit_logging: true }',
      historyWindow: 'P2Y',
      history: '  - { version: 1.0.0, date: 2026-04-01 }\n  - { version: 1.1.0, date: 2026-09-01, changes: { changed_access: true } }',
      approvals: relabelled,
    });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': narrowed });
    expect(await gateFindings(dir)).toMatchObject({ code: 0, findings: [] });
  });

  it('keeps the approval of 1.0.0 for an editorial 1.0.1 that history says is not material', async () => {
    const editorial = agreement({
      version: '1.0.1',
      purposes: '  - { id: scrutiny, category: medical_examiner_scrutiny, description: Independent scrutiny of deaths by a medical examiner }',
      history: '  - { version: 1.0.0, date: 2026-04-01 }\n  - { version: 1.0.1, date: 2026-05-01, material: false, summary: Wording }',
    });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': editorial });
    expect(await gateFindings(dir)).toMatchObject({ code: 0, findings: [] });
    // And without a base too: caldicott-signoff-missing accepts the 1.0.0 approval.
    const alone = await runCli(['lint', '-f', 'json', ...AS_OF, 'a.dsa.yaml'], dir);
    expect(alone.stdout).not.toContain('caldicott-signoff-missing');
  });

  it('reports history that calls a widening not material', async () => {
    const widened = agreement({
      version: '1.0.1',
      categories: 'nhs_number, diagnoses_problems, genetic',
      history: '  - { version: 1.0.0, date: 2026-04-01 }\n  - { version: 1.0.1, date: 2026-05-01, material: false }',
    });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    const { findings, messages } = await gateFindings(dir);
    const at = rangeOf(widened, 'genetic');
    expect(findings).toEqual([`amendment-without-fresh-signoff widened-not-in-history ${at}`, `amendment-without-fresh-signoff widened-without-signoff ${at}`]);
    expect(messages[0]).toContain('but `history` says version 1.0.1 is not material.');
    expect(messages[1]).toContain('(its approval dated 2 April 2026 was given before this change, at main)');
  });

  it('accepts an approval recording the digest of the new content', async () => {
    const parts: Parts = { version: '1.1.0', historyWindow: 'P10Y', history: '  - { version: 1.0.0, date: 2026-04-01 }\n  - { version: 1.1.0, date: 2026-09-01, summary: Longer history }' };
    const digest = contentDigest(parse(agreement(parts)));
    const widened = agreement({ ...parts, approvals: `  - { party: surgery, role: caldicott_guardian, name: Dr A, date: 2026-04-02, version: 1.1.0, digest: ${digest} }` });
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'a.dsa.yaml': widened });
    expect((await gateFindings(dir)).findings).toEqual([]);
  });

  it('lints only the agreements the change touched, and names the deleted ones', async () => {
    const dir = await repo({ 'a.dsa.yaml': BASE, 'b.dsa.yaml': BASE.replace('BROKEN', ''), 'c.dsa.yaml': BASE }, { 'b.dsa.yaml': null, 'c.dsa.yaml': agreement({ version: '1.0.0' }) + '# comment\n', 'd.dsa.yaml': BASE });
    const result = await runCli(['lint', '--base', 'main', '-f', 'json', ...AS_OF], dir);
    const report = JSON.parse(result.stdout) as { files: { path: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(['c.dsa.yaml', 'd.dsa.yaml']);
    expect(result.stderr).toBe('dsalint: b.dsa.yaml was deleted since main; the sharing it allowed ends, so there is nothing to lint.\n');
  });

  it('says so, and exits 0, when no agreement changed', async () => {
    const dir = await repo({ 'a.dsa.yaml': BASE }, { 'notes.txt': 'hello' });
    const result = await runCli(['lint', '--base', 'main', ...AS_OF], dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'dsalint: no agreement in . changed since main; nothing to lint.\n' });
  });

  it('refuses a ref that does not exist, plainly, with exit code 2', async () => {
    const dir = await repo({ 'a.dsa.yaml': BASE }, {});
    const result = await runCli(['lint', '--base', 'no-such-branch', ...AS_OF], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dsalint: --base "no-such-branch": there is no branch, tag or commit called "no-such-branch" in this repository. In a pull-request workflow, check out ' +
        'with fetch-depth: 0 (or fetch the base branch) so the base commit is present.\n',
    );
    expect((await runCli(['lint', '--base', '--upload-pack=x', ...AS_OF], dir)).stderr).toBe('dsalint: --base "--upload-pack=x" is not a branch, tag or commit name.\n');
  });

  it('says where the base version does not parse, and still lints the new one', async () => {
    const broken = BASE.replace('title: Medical examiner scrutiny', 'title: [unclosed');
    const dir = await repo({ 'a.dsa.yaml': broken }, { 'a.dsa.yaml': BASE });
    const result = await runCli(['lint', '--base', 'main', '-f', 'json', ...AS_OF], dir);
    const findings = (JSON.parse(result.stdout) as { files: { findings: JsonFinding[] }[] }).files[0]!.findings.filter((f) => f.ruleId === 'amendment-without-fresh-signoff');
    expect(findings.map((f) => f.messageId)).toEqual(['base-unreadable']);
    expect(findings[0]!.message).toMatch(/^dsalint could not compare this agreement with its earlier version: the version at main:a\.dsa\.yaml:4:1 is not valid YAML/);
  });
});

describe('dsalint diff', () => {
  it('classifies each change and locates it in both versions', async () => {
    const after = agreement({ version: '1.1.0', categories: 'nhs_number, mental_health', access: '{ mode: live_system_access }' });
    const dir = await repo({ 'old.dsa.yaml': BASE, 'new.dsa.yaml': after }, {});
    const result = await runCli(['diff', 'old.dsa.yaml', 'new.dsa.yaml'], dir);
    expect(result.stdout).toBe(
      [
        'new.dsa.yaml (compared with old.dsa.yaml)',
        '  broadening  13:30 (was 13:17)  adds the special category data "mental_health" to the data "summary"',
        '  broadening  23:13 (was 23:45)  changes read-only access in the flow "f1" from true to nothing',
        '  broadening  23:21 (was 23:21)  changes the access mode in the flow "f1" from "per_request" to "live_system_access"',
        '  narrowing   13:17 (was 13:30)  removes the special category data "diagnoses_problems" from the data "summary"',
        '  neutral     4:10 (was 4:10)    changes the version from "1.0.0" to "1.1.0"',
        '',
        '3 broadening, 1 narrowing, 1 neutral change in 1 agreement.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it('writes JSON with ranges in both versions', async () => {
    const after = agreement({ historyWindow: 'P1Y' });
    const dir = await repo({ 'old.dsa.yaml': BASE, 'new.dsa.yaml': after }, {});
    const result = await runCli(['diff', 'old.dsa.yaml', 'new.dsa.yaml', '-f', 'json'], dir);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      summary: { broadening: 0, narrowing: 1, neutral: 0 },
      files: [
        {
          path: 'new.dsa.yaml',
          status: 'modified',
          before: 'old.dsa.yaml',
          after: 'new.dsa.yaml',
          changes: [
            {
              class: 'narrowing',
              what: 'changes how far back the data goes in the data "summary" from "P3Y" to "P1Y"',
              before: { path: 'data[0].history_window', range: { start: { line: 15, column: 21 }, end: { line: 15, column: 24 } } },
              after: { path: 'data[0].history_window', range: { start: { line: 15, column: 21 }, end: { line: 15, column: 24 } } },
            },
          ],
        },
      ],
      problems: [],
    });
    expect(result.code).toBe(0);
  });

  it('lists every changed agreement against a git ref, including added and deleted ones, in Markdown', async () => {
    const dir = await repo({ 'a.dsa.yaml': BASE, 'gone.dsa.yaml': BASE }, { 'a.dsa.yaml': agreement({ historyWindow: 'P1Y' }), 'gone.dsa.yaml': null, 'new.dsa.yaml': BASE });
    const result = await runCli(['diff', '--base', 'main', '-f', 'markdown'], dir);
    expect(result.stdout).toBe(
      [
        '## What changed in meaning',
        '',
        '1 broadening, 2 narrowing and 0 neutral changes in 3 agreements.',
        '',
        '### `a.dsa.yaml`',
        '',
        '**Narrows the sharing**',
        '',
        '* changes how far back the data goes in the data "summary" from "P3Y" to "P1Y" (line 15; was line 15)',
        '',
        '### `gone.dsa.yaml` (deleted)',
        '',
        '**Narrows the sharing**',
        '',
        '* deletes this agreement: the sharing it allowed ends',
        '',
        '### `new.dsa.yaml` (added)',
        '',
        '**Widens the sharing**',
        '',
        '* adds this agreement: everything in it is new and needs sign-off',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it('gives a located message and exit code 2 for a version that does not parse, or a missing file', async () => {
    const dir = await repo({ 'old.dsa.yaml': 'id: [x\n', 'new.dsa.yaml': BASE }, {});
    const bad = await runCli(['diff', 'old.dsa.yaml', 'new.dsa.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dsalint: old\.dsa\.yaml:2:1: not valid YAML \(.*\), so it cannot be compared\.\n$/);
    const missing = await runCli(['diff', 'nope.dsa.yaml', 'new.dsa.yaml'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: 'dsalint: nope.dsa.yaml could not be read: no such file or directory.\n' });
    expect((await runCli(['diff', 'new.dsa.yaml'], dir)).code).toBe(2);
  });

  it('reports a base version that does not parse with its ref, file, line and column', async () => {
    const dir = await repo({ 'a.dsa.yaml': 'dsalint: 1\nid: [x\n' }, { 'a.dsa.yaml': BASE });
    const result = await runCli(['diff', '--base', 'main'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dsalint: main:a\.dsa\.yaml:3:1: not valid YAML/);
  });
});

describe('dsalint digest', () => {
  it('prints the same digest for an editorial change and a new one for a widening', async () => {
    const reworded = `# A comment\n${BASE.replace('description: Scrutiny of deaths', 'description: "Scrutiny of deaths by the medical examiner"').replace('version: 1.0.0', 'version: 1.0.1')}`;
    const widened = agreement({ historyWindow: 'P4Y' });
    const dir = await repo({ 'a.dsa.yaml': BASE, 'b.dsa.yaml': reworded, 'c.dsa.yaml': widened }, {});
    const result = await runCli(['digest', 'a.dsa.yaml', 'b.dsa.yaml', 'c.dsa.yaml'], dir);
    const [a, b, c] = result.stdout.trim().split('\n').map((line) => line.split('  ')[0]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(result.code).toBe(0);
  });
});

describe('dsalint approve', () => {
  const commented = BASE.replace('approvals:\n', '# Sign-offs, newest last\napprovals:\n  # The practice\n');

  it('shows the entry but writes nothing without --write', async () => {
    const dir = await repo({ 'a.dsa.yaml': commented }, {});
    const result = await runCli(['approve', 'a.dsa.yaml', '--party', 'surgery', '--role', 'dpo', '--name', 'B Jones', '--date', '2026-04-03'], dir);
    const digest = contentDigest(parse(commented));
    expect(result.stdout).toBe(`  - { party: "surgery", role: dpo, name: "B Jones", date: 2026-04-03, version: "1.0.0", digest: "${digest}" }\n`);
    expect(result.stderr).toBe('This approval would be added to a.dsa.yaml at line 30. Nothing was written: run again with --write to add it.\n');
    expect(await readFile(join(dir, 'a.dsa.yaml'), 'utf8')).toBe(commented);
  });

  it('adds the approval with --write, keeping every other byte, and the agreement then lints clean of sign-off findings', async () => {
    const dir = await repo({ 'a.dsa.yaml': commented }, {});
    const result = await runCli(['approve', 'a.dsa.yaml', '--party', 'surgery', '--role', 'caldicott_guardian', '--name', 'Dr A, CG', '--date', '2026-04-03', '--write'], dir);
    expect(result.code).toBe(0);
    const digest = contentDigest(parse(commented));
    expect(await readFile(join(dir, 'a.dsa.yaml'), 'utf8')).toBe(
      `${commented}  - { party: "surgery", role: caldicott_guardian, name: "Dr A, CG", date: 2026-04-03, version: "1.0.0", digest: "${digest}" }\n`,
    );
    const lint = await runCli(['lint', '-f', 'json', ...AS_OF, 'a.dsa.yaml'], dir);
    expect(lint.stdout).not.toContain('amendment-without-fresh-signoff');
  });

  it('writes block entries after block entries, and starts the list when there is none', async () => {
    const block = BASE.replace(/approvals:\n.*\n$/, 'approvals:\n  - party: surgery\n    role: dpo\n    date: 2026-04-02\n');
    const none = BASE.replace(/approvals:\n.*\n$/, '');
    const dir = await repo({ 'block.dsa.yaml': block, 'none.dsa.yaml': none }, {});
    await runCli(['approve', 'block.dsa.yaml', '--party', 'meo', '--role', 'dpo', '--name', 'D Smith', '--date', '2026-04-05', '--approved-version', '1.0.0', '--write'], dir);
    const digest = contentDigest(parse(block));
    expect(await readFile(join(dir, 'block.dsa.yaml'), 'utf8')).toBe(
      `${block}  - party: "meo"\n    role: dpo\n    name: "D Smith"\n    date: 2026-04-05\n    version: "1.0.0"\n    digest: "${digest}"\n`,
    );
    await runCli(['approve', 'none.dsa.yaml', '--party', 'meo', '--role', 'dpo', '--name', 'D Smith', '--date', '2026-04-05', '--write'], dir);
    expect(await readFile(join(dir, 'none.dsa.yaml'), 'utf8')).toBe(`${none}approvals:\n  - party: "meo"\n    role: dpo\n    name: "D Smith"\n    date: 2026-04-05\n    version: "1.0.0"\n    digest: "${digest}"\n`);
  });

  it('adds to a Markdown agreement\'s front matter and to a file with CRLF line ends, leaving the rest as it was', async () => {
    const md = '---\ndsalint: 1\nid: X\ntitle: T\nparties:\n  - { id: gp, name: GP }\napprovals:\n  - { party: gp, role: dpo, date: 2026-01-01 }\n---\n\n# Body\n\nText.\n';
    const crlf = 'dsalint: 1\r\nid: X\r\ntitle: T\r\nparties:\r\n  - id: gp\r\n    name: GP\r\n';
    const dir = await repo({ 'a.dsa.md': md, 'b.dsa.yaml': crlf }, {});
    const approve = (file: string): Promise<unknown> => runCli(['approve', file, '--party', 'gp', '--role', 'dpo', '--name', 'D', '--date', '2026-02-02', '--write'], dir);
    await approve('a.dsa.md');
    await approve('b.dsa.yaml');
    const digest = contentDigest(parse(crlf));
    expect(await readFile(join(dir, 'a.dsa.md'), 'utf8')).toBe(md.replace('\n---\n\n# Body', `\n  - { party: "gp", role: dpo, name: "D", date: 2026-02-02, digest: "${digest}" }\n---\n\n# Body`));
    expect(await readFile(join(dir, 'b.dsa.yaml'), 'utf8')).toBe(`${crlf}approvals:\r\n  - party: "gp"\r\n    role: dpo\r\n    name: "D"\r\n    date: 2026-02-02\r\n    digest: "${digest}"\r\n`);
  });

  it('refuses an unknown party, role or date plainly', async () => {
    const dir = await repo({ 'a.dsa.yaml': BASE }, {});
    const args = (party: string, role: string, date: string): string[] => ['approve', 'a.dsa.yaml', '--party', party, '--role', role, '--name', 'X', '--date', date, '--write'];
    expect(await runCli(args('police', 'dpo', '2026-04-03'), dir)).toMatchObject({ code: 2, stderr: 'dsalint: --party "police" is not a party of a.dsa.yaml; the parties are surgery, meo.\n' });
    expect((await runCli(args('surgery', 'boss', '2026-04-03'), dir)).stderr).toMatch(/^dsalint: --role "boss" is not a sign-off role; use one of caldicott_guardian, /);
    expect((await runCli(args('surgery', 'dpo', '3 April'), dir)).stderr).toBe('dsalint: --date must be a date written YYYY-MM-DD, such as 2026-04-01, not "3 April".\n');
    expect(await readFile(join(dir, 'a.dsa.yaml'), 'utf8')).toBe(BASE);
  });
});
