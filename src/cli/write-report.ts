/**
 * Writing a report with `-o`. Reports are outputs, so an existing report is replaced; but the
 * path may be in a repository someone else controls, so the write never goes through a
 * symbolic link (a planted `report.sarif -> ~/.bashrc` is replaced, not followed), never
 * replaces an agreement or a folder, and is atomic: a new file created exclusively beside the
 * target, then renamed over it.
 */
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AGREEMENT_FILE_PATTERN } from '../core/source.js';

/** Why the report cannot go to `target` (shown after "could not write <file>: "), or undefined. */
async function refusal(target: string, force: boolean): Promise<string | undefined> {
  const info = await lstat(target).catch(() => undefined);
  if (!info || info.isSymbolicLink()) return undefined;
  if (!info.isFile()) return 'it is not a regular file';
  if (AGREEMENT_FILE_PATTERN.test(target) && !force) return 'it is an agreement, not a report; choose another file name (or add --force)';
  return undefined;
}

/**
 * Write `text` to `target` (absolute), replacing a report already there; pieces are written
 * in turn, so a large report need not be held whole. Throws an Error with a plain message.
 */
export async function writeReport(target: string, text: string | Uint8Array | Iterable<string>, force: boolean): Promise<void> {
  const refused = await refusal(target, force);
  if (refused) throw new Error(refused);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    // A handle's writeFile writes from where the last write ended, so pieces follow one another.
    if (typeof text === 'string' || text instanceof Uint8Array) await handle.writeFile(text);
    else for (const piece of text) await handle.writeFile(piece);
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
