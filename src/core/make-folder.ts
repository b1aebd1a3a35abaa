/**
 * `mkdir -p`, one level at a time. Node's own `mkdir(path, { recursive: true })` loops for
 * ever (sync and async alike, Node 20) where mkdir says ENOENT for a folder whose parent
 * exists, as it does anywhere under /proc: a cache folder or output path set there would hang
 * dsalint instead of failing.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Make the folder and any missing parents; throws as mkdir does when one cannot be made. */
export function makeFolder(folder: string, mode?: number): void {
  const missing: string[] = [];
  for (let path = resolve(folder); !exists(path); path = dirname(path)) {
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path, mode === undefined ? undefined : { mode });
    } catch (error) {
      // Made meanwhile by another run: as good as made by this one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
