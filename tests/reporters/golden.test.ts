/**
 * Golden files: every format's output for the hand-built sample run, byte for byte.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/reporters/golden.test.ts` and
 * read the diff: a golden file records what a reader sees, the other tests in this folder
 * assert why.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, REPORTERS, type Format } from '../../src/reporters/index.js';
import { cleanRun, sampleRun } from './fixtures/run.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const EXTENSIONS: Record<Format, string> = {
  stylish: 'txt',
  json: 'json',
  sarif: 'sarif',
  markdown: 'md',
  html: 'html',
  github: 'txt',
  junit: 'xml',
  review: 'md',
  'review-html': 'html',
};
const update = process.env['UPDATE_GOLDEN'] === '1';

function check(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (update || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!update) throw new Error(`golden file ${name} did not exist; it has been written. Review it and run the tests again.`);
    return;
  }
  expect(actual, `${name} differs; if the change is intended run UPDATE_GOLDEN=1 npx vitest run tests/reporters/golden.test.ts`).toBe(readFileSync(file, 'utf8'));
}

describe.each(FORMATS)('%s reporter', (format) => {
  const options = { color: false, quiet: false };
  it('matches its golden file for the sample run', () => {
    check(`sample.${format}.${EXTENSIONS[format]}`, REPORTERS[format](sampleRun(), options));
  });
  it('matches its golden file for a clean run', () => {
    check(`clean.${format}.${EXTENSIONS[format]}`, REPORTERS[format](cleanRun(), options));
  });
  it('is deterministic: the same run gives the same bytes', () => {
    const first = REPORTERS[format](sampleRun(), options);
    const second = REPORTERS[format](sampleRun(), options);
    expect(second).toBe(first);
  });
  it('does not change the run it is given', () => {
    const run = sampleRun();
    const before = JSON.stringify(run);
    REPORTERS[format](run, options);
    expect(JSON.stringify(run)).toBe(before);
  });
});
