/** Long lists fold, but the findings a reader must act on (errors, needs review) start open. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runLint } from '../../src/core/run.js';
import { html } from '../../src/reporters/html.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('HTML folding', () => {
  it('opens a long list of errors and folds a long list of warnings', async () => {
    const run = await runLint({ paths: ['examples/medical-examiner/whole-system-access.dsa.yaml'], cwd: root, configPath: 'examples/.dsalint.yaml' });
    const page = html(run, { color: false, quiet: false });
    expect(page).toContain('<details open><summary>12 error findings (select to fold)</summary>');
    expect(page).toContain('<details><summary>Show 13 warning findings</summary>');
  });
});

describe('Markdown folding', async () => {
  const { markdownReport } = await import('../../src/reporters/markdown.js');
  it('opens a long list of errors and folds a long list of warnings', async () => {
    const run = await runLint({ paths: ['examples/medical-examiner/whole-system-access.dsa.yaml'], cwd: root, configPath: 'examples/.dsalint.yaml' });
    const report = markdownReport(run);
    expect(report).toContain('<details open>\n<summary>12 findings (select to fold)</summary>');
    expect(report).toContain('<details>\n<summary>Show 13 findings</summary>');
  });
});
