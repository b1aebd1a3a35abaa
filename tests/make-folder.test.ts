import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFolder } from '../src/core/make-folder.js';

describe('makeFolder', () => {
  it('makes the folder and its missing parents, and accepts one that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'dsalint-folder-'));
    const deep = join(root, 'a', 'b', 'c');
    makeFolder(deep, 0o700);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(join(root, 'a')).mode & 0o777).toBe(0o700);
    makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('fails as mkdir does where a file stands in the way', () => {
    const root = mkdtempSync(join(tmpdir(), 'dsalint-folder-'));
    writeFileSync(join(root, 'a-file'), '');
    expect(() => makeFolder(join(root, 'a-file', 'cache'))).toThrow(/ENOTDIR/);
  });

  // Node's recursive mkdir never returns here; this test would time out.
  it.skipIf(!existsSync('/proc/self'))('fails, rather than looping, under /proc (where mkdir says ENOENT though the parent exists)', () => {
    expect(() => makeFolder('/proc/dsalint-cache/deeper')).toThrow(/ENOENT/);
  });
});
