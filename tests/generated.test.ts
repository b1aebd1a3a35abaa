/** Generated files (schemas, types, rule docs, README table) must match their sources. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { generatedFiles } from '../src/scripts/generated-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('generated files', async () => {
  const files = await generatedFiles(root);
  it.each([...files.keys()].map((p) => [relative(root, p)]))('%s is up to date (run npm run generate)', async (path) => {
    const current = await readFile(join(root, path), 'utf8').catch(() => '<missing>');
    expect(current).toBe(files.get(join(root, path)));
  });
});
