/**
 * bin/dsalint.js compiles the program through a V8 code cache (src/boot/code-cache.ts). The
 * cache may only ever make a start faster: whatever state it is in, the output is the same.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHES_KEPT, codeCacheFolder, codeCacheName, readCodeCache, writeCodeCache } from '../src/boot/code-cache.js';
import { tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';

const BIN = fileURLToPath(new URL('../bin/dsalint.js', import.meta.url));
const PROGRAM = fileURLToPath(new URL('../bin/dsalint-program.cjs', import.meta.url));
const BAD = 'dsalint: 1\nid: X\ntitle: T\nretension: 1\n';

function dsalint(cwd: string, cache: string) {
  const result = spawnSync(process.execPath, [BIN, 'lint', '--as-of', '2026-11-01', '.'], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', DSALINT_CODE_CACHE: cache } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('where the code cache lives', () => {
  it('follows DSALINT_CODE_CACHE, then the platform’s cache folder', () => {
    expect(codeCacheFolder({ DSALINT_CODE_CACHE: 'off' }, 'linux', '/home/u')).toBeUndefined();
    expect(codeCacheFolder({ DSALINT_CODE_CACHE: '/c' }, 'linux', '/home/u')).toBe('/c');
    expect(codeCacheFolder({}, 'linux', '/home/u')).toBe('/home/u/.cache/dsalint');
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/dsalint');
    expect(codeCacheFolder({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/dsalint');
    expect(codeCacheFolder({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toMatch(/^C:\\L.dsalint.Cache$/);
    expect(codeCacheFolder({}, 'win32', 'C:\\U')).toBeUndefined();
    // Never the current folder: a relative XDG_CACHE_HOME is ignored, and no home means no cache.
    expect(codeCacheFolder({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/u')).toBe('/home/u/.cache/dsalint');
    expect(codeCacheFolder({}, 'linux', '')).toBeUndefined();
  });
});

describe('the code cache file', () => {
  it('is read back only while intact', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    const file = join(folder, 'a.v8');
    const data = Buffer.from('compiled code, as far as this test cares');
    writeCodeCache(file, folder, data);
    expect(readCodeCache(file)).toEqual(data);
    const damaged = readFileSync(file);
    damaged[damaged.length - 3]! ^= 1;
    writeFileSync(file, damaged);
    expect(readCodeCache(file)).toBeUndefined();
    writeFileSync(file, readFileSync(file).subarray(0, 30));
    expect(readCodeCache(file)).toBeUndefined();
    expect(readCodeCache(join(folder, 'missing.v8'))).toBeUndefined();
  });

  it('is not used when another user owns it', (context) => {
    // Only root can give a file to another user; elsewhere there is nothing to check.
    if (process.getuid?.() !== 0) return context.skip();
    const folder = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    const file = join(folder, 'a.v8');
    writeCodeCache(file, folder, Buffer.from('code'));
    expect(readCodeCache(file)).toEqual(Buffer.from('code'));
    chownSync(file, 65534, 65534);
    expect(readCodeCache(file)).toBeUndefined();
  });

  it('keeps only the newest few caches in its folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    for (let i = 0; i < CACHES_KEPT + 2; i++) {
      const file = join(folder, `${i}.v8`);
      writeCodeCache(file, folder, Buffer.from([i]));
      utimesSync(file, 1_000 + i, 1_000 + i);
    }
    writeFileSync(join(folder, 'notes.txt'), 'not a cache');
    writeCodeCache(join(folder, 'new.v8'), folder, Buffer.from([9]));
    expect(readdirSync(folder).sort()).toEqual(['3.v8', '4.v8', '5.v8', 'new.v8', 'notes.txt']);
  });
});

describe('the built CLI with its code cache', () => {
  it('writes a cache on the first run, uses it after, and prints the same either way', async () => {
    const project = await tempProject({ 'good.dsa.yaml': starterAgreement('2026-07-01'), 'bad.dsa.yaml': BAD });
    const cache = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    const off = dsalint(project, 'off');
    expect(off.status).toBe(1);
    expect(off.stdout).toContain('4:1  error  Unknown key `retension`');
    expect(dsalint(project, cache)).toEqual(off);
    const name = codeCacheName(readFileSync(PROGRAM), PROGRAM, []);
    expect(readdirSync(cache)).toEqual([name]);
    const written = statSync(join(cache, name)).mtimeMs;
    expect(readCodeCache(join(cache, name))?.length).toBeGreaterThan(100_000);
    expect(dsalint(project, cache)).toEqual(off);
    expect(statSync(join(cache, name)).mtimeMs).toBe(written);
  }, 60_000);

  it('ignores a damaged or rejected cache, and replaces it', async () => {
    const project = await tempProject({ 'bad.dsa.yaml': BAD });
    const off = dsalint(project, 'off');
    const cache = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    const file = join(cache, codeCacheName(readFileSync(PROGRAM), PROGRAM, []));
    // Intact as a file, but not code V8 made for this program: V8 rejects it.
    writeCodeCache(file, cache, Buffer.from('not a V8 code cache at all'));
    expect(dsalint(project, cache)).toEqual(off);
    expect(readCodeCache(file)?.length).toBeGreaterThan(100_000);
    // Damaged bytes: the checksum fails, so V8 never sees them.
    const damaged = readFileSync(file);
    for (let i = 200; i < damaged.length; i += 997) damaged[i]! ^= 0x5a;
    writeFileSync(file, damaged);
    expect(dsalint(project, cache)).toEqual(off);
    expect(readCodeCache(file)?.length).toBeGreaterThan(100_000);
  }, 60_000);

  it('loads the installed libraries (here the Word writer) from cached code too', async () => {
    const project = await tempProject({ 'bad.dsa.yaml': BAD });
    const cache = mkdtempSync(join(tmpdir(), 'dsalint-cc-'));
    const letter = (name: string) => spawnSync(process.execPath, [BIN, 'lint', '--as-of', '2026-11-01', '--format', 'review-docx', '-o', name, 'bad.dsa.yaml'], { cwd: project, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', DSALINT_CODE_CACHE: cache } });
    for (const name of ['first.docx', 'cached.docx']) {
      const run = letter(name);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: '' });
      expect(readFileSync(join(project, name)).subarray(0, 2).toString()).toBe('PK');
    }
    expect(readdirSync(cache)).toHaveLength(1);
  }, 60_000);

  it('runs as usual when the cache folder cannot be made', async () => {
    const project = await tempProject({ 'bad.dsa.yaml': BAD });
    const off = dsalint(project, 'off');
    // A file where the folder should be: no user, root included, can create a folder inside it.
    const blocker = join(mkdtempSync(join(tmpdir(), 'dsalint-cc-')), 'a-file');
    writeFileSync(blocker, '');
    expect(dsalint(project, join(blocker, 'cache'))).toEqual(off);
  }, 60_000);

  it.skipIf(!existsSync('/proc/self'))('runs as usual, and ends, when the cache folder is under /proc (where Node\'s recursive mkdir loops for ever)', async () => {
    const project = await tempProject({ 'bad.dsa.yaml': BAD });
    expect(dsalint(project, '/proc/dsalint-code-cache')).toEqual(dsalint(project, 'off'));
  }, 60_000);
});
