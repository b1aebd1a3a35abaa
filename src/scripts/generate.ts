/**
 * Regenerates every derived file: the agreement and config JSON Schemas, the TypeScript
 * types, each rule's docs page and the README rules table.
 *
 *   npm run generate          write them
 *   npm run generate -- --check   exit 1, listing stale files, when any differs (CI)
 *
 * tests/generated.test.ts runs the same check, so a stale file fails `npm test`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { generatedFiles } from './generated-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generatedFiles(root);
  const stale: string[] = [];
  for (const [path, content] of files) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) continue;
    stale.push(relative(root, path));
    if (!check) await writeFile(path, content);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`Generated files are stale; run npm run generate:\n  ${stale.join('\n  ')}\n`);
    process.exitCode = 1;
  } else if (!check) {
    process.stdout.write(stale.length ? `Updated ${stale.length} file(s):\n  ${stale.join('\n  ')}\n` : 'All generated files are up to date.\n');
  }
}

await main();
