/**
 * Config discovery: nested configs cascade onto the folders above them until `root: true`,
 * the search stops at the repository root (or, outside a repository, at the folder dsalint
 * was run from), and `extends` takes presets, config files and npm packages.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';

const GOOD = starterAgreement('2026-07-01');
const BAD = 'dsalint: 1\nid: EX-1\ntitle: Example\nretension: []\n';

interface Printed {
  readonly config_file: string | null;
  readonly builds_on?: string[];
  readonly extends: string[];
  readonly as_of: string;
  readonly rules: Record<string, { severity: string }>;
}

async function printConfig(dir: string, file: string): Promise<Printed> {
  const result = await runCli(['print-config', file], dir);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Printed;
}

async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dsalint-nogit-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('cascading configs', () => {
  it('a nested config adds to the one above it; the nearer setting wins', async () => {
    const dir = await tempProject({
      '.dsalint.yaml': 'extends: strict\nas_of: 2026-05-01\nrules:\n  schema: warning\n  duplicate-id: "off"\n',
      'team/.dsalint.yaml': 'rules:\n  schema: info\n',
      'team/a.dsa.yaml': GOOD,
      'b.dsa.yaml': GOOD,
    });
    const nested = await printConfig(dir, 'team/a.dsa.yaml');
    expect(nested.config_file).toBe('team/.dsalint.yaml');
    expect(nested.builds_on).toEqual(['.dsalint.yaml']);
    expect(nested.extends).toEqual(['strict']);
    expect(nested.as_of).toBe('2026-05-01');
    expect(nested.rules['schema']?.severity).toBe('info');
    expect(nested.rules['duplicate-id']).toBeUndefined();
    const top = await printConfig(dir, 'b.dsa.yaml');
    expect(top.config_file).toBe('.dsalint.yaml');
    expect(top.rules['schema']?.severity).toBe('warning');
  });

  it('root: true stops the cascade', async () => {
    const dir = await tempProject({
      '.dsalint.yaml': 'extends: strict\nrules:\n  duplicate-id: "off"\n',
      'team/.dsalint.yaml': 'root: true\nrules:\n  schema: info\n',
      'team/a.dsa.yaml': GOOD,
    });
    const printed = await printConfig(dir, 'team/a.dsa.yaml');
    expect(printed.builds_on).toBeUndefined();
    expect(printed.extends).toEqual(['recommended']);
    expect(printed.rules['duplicate-id']?.severity).toBe('error');
  });

  it('a parent folder’s ignore globs and overrides apply, relative to the parent’s folder', async () => {
    const dir = await tempProject({
      '.dsalint.yaml': 'ignore: ["team/drafts/**"]\noverrides:\n  - files: ["team/old/**"]\n    rules: { schema: "off" }\n',
      'team/.dsalint.yaml': 'rules:\n  duplicate-id: warning\n',
      'team/drafts/x.dsa.yaml': BAD,
      'team/old/y.dsa.yaml': BAD,
      'team/z.dsa.yaml': GOOD,
    });
    const result = await runCli(['lint', '-f', 'json', '--as-of', '2026-11-01'], dir);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(report.files.map((f) => f.path)).toEqual(['team/old/y.dsa.yaml', 'team/z.dsa.yaml']);
    expect(report.files[0]!.findings.map((f) => f.ruleId)).not.toContain('schema');
  });

  it('a waiver in a parent folder’s config suppresses in nested folders and is reported in its own file', async () => {
    const waiver = 'waivers:\n  - rule: dspt-status-insufficient\n    files: ["**/*.dsa.yaml"]\n    reason: Reviewed\n    approved_by: Dr A Example\n    expires: 2027-06-01\n  - rule: duplicate-id\n    files: ["**/*.dsa.yaml"]\n    reason: Accepted\n    approved_by: Dr A Example\n    expires: 2027-06-01\n';
    const dir = await tempProject({ '.dsalint.yaml': waiver, 'team/.dsalint.yaml': 'rules:\n  schema: error\n', 'team/a.dsa.yaml': starterAgreement('2024-01-01') });
    const result = await runCli(['lint', '-f', 'json', '--as-of', '2026-11-01'], dir);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { ruleId: string; messageId: string; suppression: { file: string } | null }[] }[] };
    const agreement = report.files.find((f) => f.path === 'team/a.dsa.yaml')!;
    const waived = agreement.findings.filter((f) => f.suppression);
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((f) => f.suppression!.file === '.dsalint.yaml')).toBe(true);
    const config = report.files.find((f) => f.path === '.dsalint.yaml')!;
    expect(config.findings.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual(['waiver-invalid unused']);
  });
});

describe('where discovery stops', () => {
  it('at the repository root: a config above the folder holding .git is never read', async () => {
    const outer = await folder({ '.dsalint.yaml': 'rules: [\n', 'repo/a.dsa.yaml': GOOD });
    await mkdir(join(outer, 'repo', '.git'));
    const result = await runCli(['lint', '--as-of', '2026-11-01'], join(outer, 'repo'));
    expect(result).toEqual({ code: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
  });

  it('outside a repository, at the folder dsalint runs from: never the folders above it', async () => {
    const outer = await folder({ '.dsalint.yaml': 'rules: [\n', 'work/.dsalint.yaml': 'rules:\n  schema: warning\n', 'work/sub/a.dsa.yaml': BAD });
    const result = await runCli(['lint', 'sub', '-f', 'json', '--as-of', '2026-11-01'], join(outer, 'work'));
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; severity: string }[] }[] };
    expect(report.files[0]!.findings.find((f) => f.ruleId === 'schema')?.severity).toBe('warning');
  });

  it('outside a repository, at the folder given when it is not under the current folder', async () => {
    const outer = await folder({ '.dsalint.yaml': 'rules: [\n', 'given/a.dsa.yaml': GOOD, 'elsewhere/.keep': '' });
    const result = await runCli(['lint', join(outer, 'given'), '--as-of', '2026-11-01'], join(outer, 'elsewhere'));
    expect(result).toEqual({ code: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
  });
});

describe('extends', () => {
  it('takes a config file path, with its rules applied first and its waivers reported in it', async () => {
    const dir = await tempProject({
      'shared/base.yaml': 'extends: strict\nrules:\n  schema: warning\n  duplicate-id: "off"\n',
      '.dsalint.yaml': 'extends: [./shared/base.yaml]\nrules:\n  duplicate-id: info\n',
      'a.dsa.yaml': GOOD,
    });
    const printed = await printConfig(dir, 'a.dsa.yaml');
    expect(printed.builds_on).toEqual(['shared/base.yaml']);
    expect(printed.extends).toEqual(['strict']);
    expect(printed.rules['schema']?.severity).toBe('warning');
    expect(printed.rules['duplicate-id']?.severity).toBe('info');
  });

  it('takes an npm package installed beside the config', async () => {
    const dir = await tempProject({
      'node_modules/@trust/dsalint-config/package.json': '{ "name": "@trust/dsalint-config", "version": "1.0.0" }',
      'node_modules/@trust/dsalint-config/.dsalint.yaml': 'extends: strict\nrules:\n  schema: info\n',
      '.dsalint.yaml': 'extends: "@trust/dsalint-config"\n',
      'a.dsa.yaml': GOOD,
    });
    const printed = await printConfig(dir, 'a.dsa.yaml');
    expect(printed.builds_on).toEqual(['node_modules/@trust/dsalint-config/.dsalint.yaml']);
    expect(printed.extends).toEqual(['strict']);
    expect(printed.rules['schema']?.severity).toBe('info');
  });

  it('refuses configs that extend each other in a circle, and a name it cannot find', async () => {
    const circle = await tempProject({ '.dsalint.yaml': 'extends: ./other.yaml\n', 'other.yaml': 'extends: ./.dsalint.yaml\n', 'a.dsa.yaml': GOOD });
    const looped = await runCli(['lint'], circle);
    expect(looped.code).toBe(2);
    expect(looped.stderr).toBe('dsalint: invalid config: other.yaml:1:10: "./.dsalint.yaml" extends a config that extends this one; configs cannot extend each other in a circle.\n');
    const missing = await tempProject({ '.dsalint.yaml': 'extends: [recommended, ./nowhere.yaml]\n', 'a.dsa.yaml': GOOD });
    const result = await runCli(['lint'], missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dsalint: invalid config: .dsalint.yaml:1:24: "./nowhere.yaml" is not a preset');
  });
});
