/**
 * The file system as an attacker would arrange it: a named pipe given as an agreement, an
 * unreadable folder, and a report path that is a symbolic link.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chmod, lstat, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionsTestable, runCli, runCliAsUser, tempProject } from '../helpers/cli.js';

const AGREEMENT = 'dsalint: 1\nid: EX-1\ntitle: T\n';
const AS_OF = ['--as-of', '2026-11-01'];

describe('files that are not agreements', () => {
  it('refuses a named pipe given on the command line at once, instead of waiting for a writer', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT });
    execFileSync('mkfifo', [join(dir, 'pipe.dsa.yaml')]);
    const result = await runCli(['lint', 'pipe.dsa.yaml', 'a.dsa.yaml', '-f', 'json', ...AS_OF], dir);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { files: { path: string; failure: { message: string } | null }[] };
    expect(report.files.map((f) => [f.path, f.failure?.message ?? null])).toEqual([
      ['a.dsa.yaml', null],
      ['pipe.dsa.yaml', 'pipe.dsa.yaml is a named pipe, not a regular file; dsalint reads only agreement files.'],
    ]);
  });

  // Root reads every folder, so as root (as CI runs) the built command runs as the user nobody;
  // skipped only as root without setpriv, or with a checkout nobody cannot read.
  it.skipIf(!permissionsTestable)('counts a folder it cannot read as unreadable, not as an agreement', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'locked/b.dsa.yaml': AGREEMENT });
    await chmod(join(dir, 'locked'), 0o000);
    try {
      const result = await runCliAsUser(['lint', ...AS_OF], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n').slice(-5)).toEqual([
        'locked',
        '  error  locked could not be read: permission denied.',
        '',
        '✖ 7 problems (3 errors, 4 warnings), 1 file not linted in 1 agreement. Dates judged as of 2026-11-01.',
        '',
      ]);
    } finally {
      await chmod(join(dir, 'locked'), 0o755);
    }
  });
});

describe('a config planted in a shared parent folder', () => {
  it('is not read outside a repository: a .dsalint.yaml in the folder above cannot switch rules off', async () => {
    // As a .dsalint.yaml in /tmp would be: no .git anywhere, the project one folder below it.
    const shared = mkdtempSync(join(tmpdir(), 'dsalint-shared-'));
    writeFileSync(join(shared, '.dsalint.yaml'), 'rules:\n  schema: off\n');
    mkdirSync(join(shared, 'project'));
    writeFileSync(join(shared, 'project', 'a.dsa.yaml'), `${AGREEMENT}retension: []\n`);
    const result = await runCli(['lint', '-f', 'json', ...AS_OF], join(shared, 'project'));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; messageId: string }[] }[] };
    expect(report.files[0]!.findings.filter((f) => f.ruleId === 'schema').map((f) => f.messageId)).toEqual(['unknown-key']);
  });
});

describe('--output onto a symbolic link', () => {
  it('replaces a dangling link with the report instead of writing through it', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT });
    await symlink(join(dir, 'elsewhere', 'planted.txt'), join(dir, 'report.json'));
    const result = await runCli(['lint', '-f', 'json', '-o', 'report.json', ...AS_OF], dir);
    expect(result.code).toBe(1);
    expect((await lstat(join(dir, 'report.json'))).isFile()).toBe(true);
    await expect(lstat(join(dir, 'elsewhere'))).rejects.toThrow();
  });

  it('replaces a link to another file without touching that file', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'precious.txt': 'keep me' });
    await symlink(join(dir, 'precious.txt'), join(dir, 'report.sarif'));
    const result = await runCli(['lint', '-f', 'sarif', '-o', 'report.sarif', ...AS_OF], dir);
    expect(result.code).toBe(1);
    expect(await readFile(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    await expect(readlink(join(dir, 'report.sarif'))).rejects.toThrow();
    expect(await readFile(join(dir, 'report.sarif'), 'utf8')).toContain('"2.1.0"');
  });

  it('refuses a folder as the report file', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'out/x.txt': '' });
    const result = await runCli(['lint', '-o', 'out', ...AS_OF], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dsalint: could not write out: it is not a regular file.\n');
    await writeFile(join(dir, 'out', 'x.txt'), 'still here');
  });
});
