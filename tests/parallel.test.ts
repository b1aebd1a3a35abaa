/**
 * Linting on worker threads gives exactly the output of linting in-process: every report
 * format, byte for byte, whatever the number of workers.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runLint } from '../src/core/run.js';
import { useLintWorkerScript } from '../src/core/pool.js';
import { FORMATS, REPORTERS } from '../src/reporters/index.js';
import { spawnSync } from 'node:child_process';
import { runCli, tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';
import { BUNDLE_PATH } from '../src/scripts/action-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The CLI entry doubles as the workers' script (run through tsx from the sources here).
useLintWorkerScript(new URL('../src/cli/main.ts', import.meta.url));

describe('--jobs', () => {
  it('gives byte-identical reports in every format with 1 and 2 workers', async () => {
    const options = { paths: ['examples'], cwd: root, asOf: '2026-11-01' };
    const inProcess = await runLint({ ...options, jobs: 1 });
    const parallel = await runLint({ ...options, jobs: 2 });
    expect(parallel.files.map((f) => f.path)).toEqual(inProcess.files.map((f) => f.path));
    for (const format of FORMATS) {
      const reporterOptions = { color: false, quiet: false };
      expect(REPORTERS[format](parallel, reporterOptions), format).toBe(REPORTERS[format](inProcess, reporterOptions));
    }
  });

  it('draws Markdown and HTML sections on the workers exactly as the report would draw them', async () => {
    const options = { paths: ['examples'], cwd: root, asOf: '2026-11-01' };
    const plain = await runLint({ ...options, jobs: 1 });
    const reporterOptions = { color: false, quiet: false };
    for (const format of ['markdown', 'html'] as const) {
      for (const jobs of [1, 2]) {
        const drawn = await runLint({ ...options, jobs, sections: format });
        expect(REPORTERS[format](drawn, reporterOptions), `${format}, ${jobs} jobs`).toBe(REPORTERS[format](plain, reporterOptions));
      }
    }
  }, 60_000);

  it('puts together a job summary capped on findings from the parts the workers drew, as the report would draw it', async () => {
    const { SUMMARY_ATTEMPTS, drawnSection, markdownReportWithin } = await import('../src/reporters/markdown.js');
    const options = { paths: ['examples'], cwd: root, asOf: '2026-11-01', jobs: 1 };
    const plain = await runLint(options);
    const drawn = await runLint({ ...options, sections: 'markdown', sectionAttempts: { attempts: SUMMARY_ATTEMPTS, limit: Number.POSITIVE_INFINITY } });
    const most = Math.max(...plain.files.map((f) => f.findings.length));
    expect(most).toBeGreaterThan(10);
    const withParts = drawn.files.filter((f) => drawnSection(f, {}) !== undefined);
    expect(withParts.length).toBeGreaterThan(10);
    for (const maxFindingsPerFile of [50, 10, 3, 0, most, Number.POSITIVE_INFINITY]) {
      for (const summaries of [true, false]) {
        const within = { maxFindingsPerFile, summaries };
        const expected = markdownReportWithin(plain, within, Number.POSITIVE_INFINITY);
        expect(markdownReportWithin(drawn, within, Number.POSITIVE_INFINITY), JSON.stringify(within)).toBe(expected);
      }
    }
    // Each attempt comes from the drawn parts, not from serialising again.
    for (const attempt of SUMMARY_ATTEMPTS) expect(withParts.filter((f) => drawnSection(f, attempt) === undefined), JSON.stringify(attempt)).toEqual([]);
  });

  it('draws only the parts of job summary attempts still in reach, and gives the same summary', async () => {
    const { SUMMARY_ATTEMPTS, drawnSection, markdownReportWithin } = await import('../src/reporters/markdown.js');
    const { jobSummaryMarkdown } = await import('../src/action/main.js');
    const options = { paths: ['examples'], cwd: root, asOf: '2026-11-01', jobs: 1 };
    const plain = await runLint(options);
    for (const limit of [5_000, 20_000, 120_000, 200_000]) {
      const drawn = await runLint({ ...options, sections: 'markdown', sectionAttempts: { attempts: SUMMARY_ATTEMPTS, limit } });
      expect(jobSummaryMarkdown(drawn, limit), `limit ${limit}`).toBe(jobSummaryMarkdown(plain, limit));
      for (const attempt of SUMMARY_ATTEMPTS) expect(markdownReportWithin(drawn, attempt, limit), `${limit} ${JSON.stringify(attempt)}`).toBe(markdownReportWithin(plain, attempt, limit));
      // Below the full report's size, the last files were drawn without the full report's parts.
      const full = markdownReportWithin(plain, {}, Number.POSITIVE_INFINITY)!;
      if (Buffer.byteLength(full) > 2 * limit) expect(drawnSection(drawn.files.at(-1)!, {}), `limit ${limit}`).toBeUndefined();
    }
  }, 60_000);

  it('judges config waivers from every worker: used, unused and unexercised alike', async () => {
    const files: Record<string, string> = {
      '.dsalint.yaml': [
        'waivers:',
        '  - { rule: review-date-missing-or-overdue, files: "a*.dsa.yaml", reason: Reviewed by the IG group, approved_by: Caldicott Guardian, expires: 2027-01-01 }',
        '  - { rule: breach-clause-missing, files: "b*.dsa.yaml", reason: Not needed here, approved_by: DPO, expires: 2027-01-01 }',
        '',
      ].join('\n'),
    };
    for (let i = 0; i < 6; i++) files[`${i % 2 ? 'a' : 'b'}${i}.dsa.yaml`] = starterAgreement('2024-01-01').replace('EXAMPLE-ME-2026-001', `EX-${i}`);
    const dir = await tempProject(files);
    const one = await runCli(['lint', '--jobs', '1', '-f', 'json', '--as-of', '2026-11-01'], dir);
    const two = await runCli(['lint', '--jobs', '2', '-f', 'json', '--as-of', '2026-11-01'], dir);
    expect(two).toEqual(one);
    expect(JSON.parse(one.stdout).files.map((f: { path: string }) => f.path)).toEqual(['.dsalint.yaml', 'a1.dsa.yaml', 'a3.dsa.yaml', 'a5.dsa.yaml', 'b0.dsa.yaml', 'b2.dsa.yaml', 'b4.dsa.yaml']);
  });

  it('refuses a job count that is not a whole number of 1 or more', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': starterAgreement('2026-07-01') });
    const result = await runCli(['lint', '--jobs', '0'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '-j, --jobs <n>' argument '0' is invalid. must be a whole number, 1 or more");
  });
});

describe('the bundles on worker threads', () => {
  const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '', ...env } });

  it('the built CLI lints on workers from its own bundle, with the in-process output', () => {
    const bin = join(root, 'bin', 'dsalint.js');
    const one = run([bin, 'lint', 'examples', '-f', 'sarif', '--jobs', '1', '--as-of', '2026-11-01'], root);
    const two = run([bin, 'lint', 'examples', '-f', 'sarif', '--jobs', '2', '--as-of', '2026-11-01'], root);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('the Action bundle lints a large run on workers, with the in-process output', async () => {
    // Enough files that the run starts workers by itself (the Action has no jobs input).
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`agreements/a${String(i).padStart(3, '0')}.dsa.yaml`] = `dsalint: 1\nid: EX-${i}\ntitle: T\nretension: 1\n`;
    const dir = await tempProject(files);
    const action = run([BUNDLE_PATH], dir, { INPUT_PATHS: 'agreements', 'INPUT_AS-OF': '2026-11-01', 'INPUT_JOB-SUMMARY': 'false' });
    const cli = await runCli(['lint', 'agreements', '-f', 'github', '--jobs', '1', '--as-of', '2026-11-01'], dir);
    expect(action.stderr).toBe('');
    expect(action.status).toBe(1);
    const annotations = action.stdout.split('\n').filter((line) => line.startsWith('::error file='));
    expect(annotations.join('\n')).toBe(cli.stdout.split('\n').filter((line) => line.startsWith('::error file=')).join('\n'));
    expect(annotations).toHaveLength(120);
  }, 60_000);
});

describe('progress line', () => {
  it('stays silent for the first second, redraws at most every 100 ms, and clears itself', async () => {
    const { progressLine } = await import('../src/cli/progress.js');
    let clock = 0;
    const written: string[] = [];
    const progress = progressLine((t) => written.push(t), () => clock);
    progress.update(1, 10);
    clock = 1500;
    progress.update(2, 10);
    clock = 1550;
    progress.update(3, 10);
    clock = 2100;
    progress.update(10, 10);
    progress.clear();
    expect(written).toEqual(['\r\u001b[2Kdsalint: 2/10 files checked, 2 s', '\r\u001b[2Kdsalint: 10/10 files checked, 2 s', '\r\u001b[2K']);
  });

  it('is never drawn when stderr is not a terminal', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': starterAgreement('2026-07-01') });
    const result = await runCli(['lint', '--as-of', '2026-11-01'], dir);
    expect(result.stderr).toBe('');
  });
});
