/**
 * The same input gives the same bytes: whatever the locale, the time zone, the folder the
 * project sits in, the order paths are given in, or the number of worker threads. Runs the
 * built command as a real process, so the environment is really different.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/dsalint.js');

function dsalint(args: readonly string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
  expect(result.stderr).toBe('');
  return `${result.status}\n${result.stdout}`;
}

/** A copy of the examples in a fresh folder, with its own .git so no config above it is read. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsalint-same-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('identical output', () => {
  const dir = project();
  const args = ['lint', 'examples', '-f', 'json', '--as-of', '2026-11-01'];
  const base = dsalint(args, dir, { LC_ALL: 'C' });

  it('in every locale (ordering is by code units, not localeCompare)', () => {
    for (const locale of ['lt_LT.UTF-8', 'tr_TR.UTF-8', 'sv_SE.UTF-8', 'en_GB.UTF-8']) {
      expect(dsalint(args, dir, { LC_ALL: locale, LANG: locale }), locale).toBe(base);
    }
    // The default report too: in Lithuanian order "y" sorts between "i" and "j", which swapped its lines.
    const stylish = ['lint', 'examples', '--as-of', '2026-11-01'];
    expect(dsalint(stylish, dir, { LC_ALL: 'lt_LT.UTF-8', LANG: 'lt_LT.UTF-8' })).toBe(dsalint(stylish, dir, { LC_ALL: 'C' }));
  });

  it('in every time zone, and the default judging date is the UTC date', () => {
    // No config here, so the judging date is the run's own default.
    const bare = mkdtempSync(join(tmpdir(), 'dsalint-tz-'));
    mkdirSync(join(bare, '.git'));
    cpSync(join(ROOT, 'examples/medical-examiner/me-scrutiny.dsa.yaml'), join(bare, 'me.dsa.yaml'));
    const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'].map((tz) => dsalint(['lint'], bare, { TZ: tz }));
    expect(new Set(zones).size).toBe(1);
    expect(zones[0]).toContain(`Dates judged as of ${today()}.`);
  });

  it('wherever the project sits, and whatever order the paths are given in', () => {
    expect(dsalint(args, project())).toBe(base);
    const forward = dsalint(['lint', 'examples/research', 'examples/coroner', 'examples/drafts', '-f', 'sarif', '--as-of', '2026-11-01'], dir);
    const backward = dsalint(['lint', 'examples/drafts', 'examples/coroner', 'examples/research', '-f', 'sarif', '--as-of', '2026-11-01'], dir);
    expect(backward).toBe(forward);
  });

  it('with one worker thread or several', () => {
    for (const jobs of ['1', '2', '3']) expect(dsalint([...args, '--jobs', jobs], dir), `--jobs ${jobs}`).toBe(base);
  });
});
