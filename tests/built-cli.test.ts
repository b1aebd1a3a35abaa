/**
 * The published command, run as a real process: what `npx dsalint` runs after `npm ci`
 * (bin/dsalint.js, committed; tests/install.test.ts checks it is current).
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
const bin = join(root, pkg.bin['dsalint']!);

function dsalint(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built CLI', () => {
  it('is what package.json publishes as the dsalint command, committed so no build is needed', () => {
    expect(pkg.bin['dsalint']).toBe('bin/dsalint.js');
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('lints a clean agreement with exit 0', async () => {
    const dir = await tempProject({ 'me.dsa.yaml': starterAgreement('2026-07-01') });
    const result = dsalint(['lint', '--as-of', '2026-11-01'], dir);
    expect(result).toEqual({ status: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
  });

  it('exits 1 on findings and 2 on usage errors, without stack traces', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': 'dsalint: 1\nid: X\ntitle: T\nretension: 1\n' });
    const findings = dsalint(['lint', '--as-of', '2026-11-01'], dir);
    expect(findings.status).toBe(1);
    // Piped, so wrapped at 80 columns under the message.
    expect(findings.stdout).toContain('  4:1  error  Unknown key `retension` at the top level. Did you mean\n              `retention`?  schema\n');
    const usage = dsalint(['lint', '--fail-on', 'sometimes'], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("option '--fail-on <level>' argument 'sometimes' is invalid");
    for (const output of [findings.stderr, usage.stderr]) expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('reports a bad config as exit 2 with its position', async () => {
    const dir = await tempProject({ 'me.dsa.yaml': starterAgreement('2026-07-01'), '.dsalint.yaml': 'rules:\n  no-such-rule: error\n' });
    const result = dsalint(['lint'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dsalint: invalid config: .dsalint.yaml:2:3: there is no rule "no-such-rule". Run `dsalint rules` for the list.\n');
  });

  it('stops quietly when the reader closes the pipe early (dsalint lint | head)', async () => {
    const child = spawn(process.execPath, [bin, 'lint', 'examples', '--format', 'json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Close our end before the report is written, as `head` does once it has its lines.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect([0, 1]).toContain(status);
  });
});
