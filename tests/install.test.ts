/**
 * Installing dsalint as a user does, with no build step and no devDependencies: the packed
 * tarball into an empty folder (`--omit=dev`), the programmatic API from it, and the
 * pre-commit hook installed and run the way pre-commit runs a `language: node` hook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';
import { CLI_BUNDLE_PATH, CLI_PROGRAM_PATH, CLI_TYPES_PATH, IMPORT_LIBRARIES, buildCliBundle, buildCliProgram, buildCliTypes } from '../src/scripts/cli-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const GOOD = starterAgreement('2026-07-01');
const BAD = 'dsalint: 1\nid: X\ntitle: T\nretension: 1\n';
const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8', timeout: 120_000 });

describe('the committed bundle', () => {
  it('is up to date with the sources (run npm run generate if not)', async () => {
    const built = await buildCliBundle();
    const committed = existsSync(CLI_BUNDLE_PATH) ? readFileSync(CLI_BUNDLE_PATH, 'utf8') : '';
    expect(committed === built, 'bin/dsalint.js is stale: run npm run generate and commit it').toBe(true);
    const program = existsSync(CLI_PROGRAM_PATH) ? readFileSync(CLI_PROGRAM_PATH, 'utf8') : '';
    expect(program === (await buildCliProgram()), 'bin/dsalint-program.cjs is stale: run npm run generate and commit it').toBe(true);
    expect(readFileSync(CLI_TYPES_PATH, 'utf8') === (await buildCliTypes()), 'bin/dsalint.d.ts is stale: run npm run generate and commit it').toBe(true);
  }, 60_000);

  it('is what package.json publishes, with no build step, and only the document readers as dependencies', () => {
    expect(pkg['bin']).toEqual({ dsalint: 'bin/dsalint.js' });
    expect(pkg['exports']['.']).toEqual({ types: './bin/dsalint.d.ts', default: './bin/dsalint.js' });
    expect(pkg['scripts']['prepare']).toBeUndefined();
    expect(
      Object.keys(pkg['dependencies']).sort(),
      'libraries are bundled into bin/dsalint-program.cjs, so add them with npm install --save-dev; only a library loaded from node_modules at run time (add it to IMPORT_LIBRARIES in src/scripts/cli-bundle.ts) belongs in dependencies',
    ).toEqual([...IMPORT_LIBRARIES].sort());
    expect(pkg['devDependencies']['@microsoft/sarif-multitool']).toBeUndefined();
    for (const key of ['repository', 'homepage', 'bugs', 'types']) expect(pkg[key], key).toBeDefined();
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg['license']).toBe('MIT');
  });
});

describe('npm pack, installed without devDependencies', () => {
  let tarball = '';
  let files: string[] = [];
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'dsalint-pack-'));
    const packed = npm(['pack', '--json', '--pack-destination', out], root);
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(out, info[0]!.filename);
    files = info[0]!.files.map((f) => f.path);
  }, 120_000);

  it('ships the bundle, its types, the offline page, the schemas, rule docs, README and LICENSE, and nothing else', () => {
    expect(files).toContain('bin/dsalint.js');
    expect(files).toContain('bin/dsalint-program.cjs');
    expect(files).toContain('bin/dsalint.d.ts');
    expect(files).toContain('schema/agreement.schema.json');
    expect(files).toContain('LICENSE');
    expect(files).toContain('rules/schema.md');
    expect(files.filter((f) => !/^(bin\/dsalint\.(js|d\.ts)|bin\/dsalint-program\.cjs|bin\/dsalint-page\.html|schema\/[\w-]+\.schema\.json|rules\/[\w-]+\.md|README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
  });

  it('installs into an empty folder with --omit=dev, and runs dsalint lint and the API', async () => {
    const home = mkdtempSync(join(tmpdir(), 'dsalint-user-'));
    writeFileSync(join(home, 'package.json'), '{ "name": "user-project", "private": true, "type": "module" }\n');
    const installed = npm(['install', '--omit=dev', tarball], home);
    expect(installed.status, installed.stderr).toBe(0);
    const project = await tempProject({ 'good.dsa.yaml': GOOD, 'bad.dsa.yaml': BAD });
    const bin = join(home, 'node_modules', '.bin', 'dsalint');
    const lint = spawnSync(bin, ['lint', '--as-of', '2026-11-01', 'good.dsa.yaml'], { cwd: project, encoding: 'utf8' });
    expect({ status: lint.status, stdout: lint.stdout, stderr: lint.stderr }).toEqual({ status: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
    writeFileSync(
      join(home, 'use-api.js'),
      `import { lint, report } from 'dsalint';\nconst run = await lint(['.'], { cwd: ${JSON.stringify(project)}, asOf: '2026-11-01', jobs: 2 });\nconsole.log(JSON.stringify({ files: run.files.map((f) => f.path), counts: run.counts, exitCode: run.exitCode, json: report(run, 'json').length > 0 }));\n`,
    );
    const api = spawnSync(process.execPath, ['use-api.js'], { cwd: home, encoding: 'utf8' });
    expect(api.stderr).toBe('');
    expect(JSON.parse(api.stdout)).toEqual({ files: ['bad.dsa.yaml', 'good.dsa.yaml'], counts: { error: 1, warning: 0, info: 0, review: 0, suppressed: 0, failures: 0 }, exitCode: 1, json: true });
  }, 120_000);

  it('installs and runs as the pre-commit hook: npm install -g of the package, then the entry with the staged files', async () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { entry: string; files: string }[];
    const hook = hooks[0]!;
    // pre-commit's node environment: a prefix of its own, the package installed globally into it.
    const env = mkdtempSync(join(tmpdir(), 'dsalint-precommit-env-'));
    const installed = npm(['install', '-g', '--prefix', env, tarball], env);
    expect(installed.status, installed.stderr).toBe(0);
    const repo = await tempProject({ 'good.dsa.yaml': GOOD, 'bad.dsa.md': `---\n${BAD}---\n`, 'notes.txt': 'x' });
    const staged = ['good.dsa.yaml', 'bad.dsa.md', 'notes.txt'].filter((f) => new RegExp(hook.files).test(f));
    const [command, ...args] = hook.entry.split(' ');
    const run = (files: string[]) => spawnSync(command!, [...args, ...files], { cwd: repo, encoding: 'utf8', env: { PATH: `${join(env, 'bin')}:${process.env['PATH'] ?? ''}` } });
    expect(run(['good.dsa.yaml']).status).toBe(0);
    const failing = run(staged);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('bad.dsa.md\n  5:1  error  Unknown key `retension`');
  }, 120_000);
});
