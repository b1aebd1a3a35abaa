/**
 * `npm run build:action`: rebuild the committed Action bundle (.github/action/index.js).
 * Run it after changing anything the Action imports (rules, reporters, the engine) and
 * commit the result; `npm test` fails while the committed bundle is stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { BUNDLE_PATH, ROOT, buildActionBundle } from './action-bundle.js';

const text = await buildActionBundle();
const current = await readFile(BUNDLE_PATH, 'utf8').catch(() => undefined);
if (current === text) {
  process.stdout.write(`${relative(ROOT, BUNDLE_PATH)} is up to date.\n`);
} else {
  await mkdir(dirname(BUNDLE_PATH), { recursive: true });
  await writeFile(BUNDLE_PATH, text);
  process.stdout.write(`Wrote ${relative(ROOT, BUNDLE_PATH)} (${Math.round(Buffer.byteLength(text) / 1024)} KiB).\n`);
}
