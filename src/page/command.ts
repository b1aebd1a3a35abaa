/** `dsalint page`: write the offline page (shipped beside the CLI as bin/dsalint-page.html) where the person asks. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIoError } from '../core/source.js';
import { ImportError } from '../import/errors.js';

/** Where the page sits relative to this module: beside the CLI bundle (bin/), or from the sources (src/page/). */
const CANDIDATES = ['./dsalint-page.html', '../../bin/dsalint-page.html'];

async function builtPage(): Promise<string> {
  for (const candidate of CANDIDATES) {
    const html = await readFile(fileURLToPath(new URL(candidate, import.meta.url)), 'utf8').catch(() => undefined);
    if (html !== undefined) return html;
  }
  throw new ImportError('the offline page is missing from this copy of dsalint; run npm run bundle to build it.');
}

export async function runPageCommand(output: string, force: boolean, cwd: string): Promise<string> {
  const html = await builtPage();
  const target = resolve(cwd, output);
  if (!force && (await stat(target).then(() => true, () => false))) {
    throw new ImportError(`${output} already exists; dsalint does not overwrite files unless you add --force.`);
  }
  try {
    await writeFile(target, html);
  } catch (error) {
    throw new ImportError(`could not write ${output}: ${describeIoError(error)}.`);
  }
  return `Wrote ${output} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(1)} MB). Open it in a browser and drop an agreement on it; nothing leaves the computer.\n`;
}
