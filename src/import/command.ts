/** The `dsalint import` command: read the document, write the `.dsa.md` beside it (or where -o says). */
import { open, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeIoError } from '../core/source.js';
import { ImportError, importDocument, importTarget, MAX_IMPORT_BYTES } from './index.js';

export interface ImportCommandOptions {
  readonly output?: string;
  readonly force: boolean;
}

/** Returns what to tell the person; throws ImportError for anything that stops the import. */
export async function runImportCommand(file: string, options: ImportCommandOptions, cwd: string): Promise<string> {
  const source = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const handle = await open(source, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ImportError(`${file} is not a regular file.`);
      if (info.size > MAX_IMPORT_BYTES) throw new ImportError(`${file} is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no agreement is that large.`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${file} could not be read: ${describeIoError(error)}.`);
  }
  const { text } = await importDocument(bytes, file);
  const targetName = options.output ?? importTarget(file);
  const target = resolve(cwd, targetName);
  if (target === source) throw new ImportError(`dsalint will not write over the document it imports; choose another name with -o.`);
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !options.force) throw new ImportError(`${targetName} already exists; dsalint does not overwrite files unless you add --force.`);
  try {
    await writeFile(target, text);
  } catch (error) {
    throw new ImportError(`could not write ${targetName}: ${describeIoError(error)}.`);
  }
  return `Wrote ${targetName}: the document's text, with a draft of the agreement's facts at the top.\nNext: dsalint lint ${targetName} --format review-html -o review.html\n`;
}
