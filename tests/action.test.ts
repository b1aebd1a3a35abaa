/**
 * The GitHub Action, run as the runner runs it: inputs in INPUT_* variables, the job
 * summary and outputs in files named by GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. Also: the
 * committed bundle is not stale, action.yml matches the inputs the code reads, and the
 * workflows are pinned and least-privilege.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, fileCommandEntry, jobSummaryMarkdown, readInputs } from '../src/action/main.js';
import { countFindings, runLint } from '../src/core/run.js';
import { BUNDLE_PATH, buildActionBundle } from '../src/scripts/action-bundle.js';
import { runCli, tempProject } from './helpers/cli.js';
import { parseOutputs, simulateAction as simulate, type Runner } from './helpers/action.js';
import { sampleRun } from './reporters/fixtures/run.js';
import { AS_OF, BAD_PATH, CONFIG, GOOD_PATH, fixtureText } from './reporters/fixtures/project.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function project(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  return tempProject({ '.dsalint.yaml': CONFIG, [BAD_PATH]: fixtureText('icb-whole-system.dsa.yaml'), [GOOD_PATH]: fixtureText('me-scrutiny.dsa.yaml'), ...files });
}


describe('inputs', () => {
  it('reads GitHub-style variable names (upper case, hyphens kept) with the documented defaults', () => {
    expect(readInputs({})).toEqual({ paths: ['.'], failOn: 'error', annotations: true, jobSummary: true, onlyChanged: true, comment: false });
    expect(
      readInputs({
        INPUT_PATHS: ' agreements/North East\n\nexamples/a.dsa.yaml \n',
        INPUT_CONFIG: 'ci/.dsalint.yaml',
        'INPUT_FAIL-ON': 'warning',
        'INPUT_SARIF-FILE': 'out/dsalint.sarif',
        INPUT_ANNOTATIONS: 'False',
        'INPUT_JOB-SUMMARY': 'TRUE',
        'INPUT_AS-OF': '2026-11-01',
        INPUT_BASE: 'origin/main',
        'INPUT_ONLY-CHANGED': 'false',
        INPUT_COMMENT: 'true',
      }),
    ).toEqual({
      paths: ['agreements/North East', 'examples/a.dsa.yaml'],
      config: 'ci/.dsalint.yaml',
      failOn: 'warning',
      sarifFile: 'out/dsalint.sarif',
      annotations: false,
      jobSummary: true,
      asOf: '2026-11-01',
      base: 'origin/main',
      onlyChanged: false,
      comment: true,
    });
  });

  it.each([
    [{ 'INPUT_FAIL-ON': 'errors' }, 'the input fail-on must be error, warning, info or never, not "errors".'],
    [{ INPUT_ANNOTATIONS: 'yes' }, 'the input annotations must be true or false, not "yes".'],
    [{ 'INPUT_AS-OF': '1/11/2026' }, 'the input as-of must be a date written YYYY-MM-DD, such as 2026-04-01, not "1/11/2026".'],
  ])('rejects %j in plain words', (env, message) => {
    expect(() => readInputs(env)).toThrow(new InputError(message));
  });

  it('fails the step with exit code 2 and an error annotation for a bad input', async () => {
    const dir = await project();
    const result = await simulate(dir, { 'fail-on': 'sometimes' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('::error title=dsalint::dsalint: the input fail-on must be error, warning, info or never, not "sometimes".\n');
  });
});

describe('a run in a simulated runner', () => {
  let bad: Runner;
  beforeAll(async () => {
    const dir = await project();
    bad = await simulate(dir, { paths: 'agreements', 'sarif-file': 'reports/dsalint.sarif', 'register-file': 'reports/register.html', 'as-of': AS_OF }, '## Earlier step\n');
  });

  it('fails the step (exit 1) when there are errors, exactly as the CLI would', async () => {
    expect(bad.code).toBe(1);
    const cli = await runCli(['lint', 'agreements', '--as-of', AS_OF], bad.dir);
    expect(cli.code).toBe(bad.code);
  });

  it('writes the counts and the SARIF path as outputs, in the multiline-safe format', async () => {
    const run = await runLint({ paths: ['agreements'], cwd: bad.dir, asOf: AS_OF });
    const c = countFindings(run);
    expect(c.error).toBeGreaterThan(0);
    expect(bad.outputs).toEqual({
      errors: String(c.error),
      warnings: String(c.warning),
      reviews: String(c.review),
      infos: String(c.info),
      waived: String(c.suppressed),
      'exit-code': '1',
      'sarif-file': 'reports/dsalint.sarif',
      'register-file': 'reports/register.html',
      'comment-url': '',
    });
  });

  it('writes SARIF to sarif-file, creating its folder', async () => {
    const log = JSON.parse(await readFile(join(bad.dir, 'reports/dsalint.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain('whole-system-access');
  });

  it.skipIf(!existsSync('/proc/self'))('reports a sarif-file it cannot write (under /proc, where Node\'s recursive mkdir loops for ever) and ends', async () => {
    const stuck = await simulate(bad.dir, { paths: 'agreements', 'sarif-file': '/proc/dsalint/out/dsalint.sarif', 'as-of': AS_OF });
    expect(stuck.code).toBe(2);
    expect(stuck.stdout).toContain('could not write the SARIF file: ');
    expect(stuck.outputs['sarif-file']).toBe('');
  });

  it('appends the register after the review, and writes the HTML register to register-file', async () => {
    const register = bad.summary.slice(bad.summary.indexOf('\n## Register of agreements\n'));
    expect(register).toContain('| ICB-PHM-2026-007    | Population health analytics & "case finding" \\<pilot> | draft  |');
    // Only the medical examiner agreement is in force, so the map shows its one flow.
    expect(register).toContain('  o1 -->|"Medical examiner scrutiny of a death"| o2');
    const html = await readFile(join(bad.dir, 'reports/register.html'), 'utf8');
    expect(html).toContain('<h1>Register of data sharing agreements</h1>');
  });

  it('appends the Markdown review to the job summary', () => {
    expect(bad.summary).toMatch(/^## Earlier step\n> GitHub shows at most 10 annotations of each kind \(error, warning, notice\) per step, so \d+ findings are not annotated on the pull request; the most important are annotated first, and every finding is in the job summary\.\n\n## dsalint review of data sharing agreements\n/);
    expect(bad.summary).toContain('### `agreements/North East/icb-whole-system.dsa.yaml`: Population health analytics');
    expect(bad.summary).toContain('**What it allows:**');
  });

  it('annotates findings, and shows the readable report in a folded group that cannot issue commands', () => {
    const lines = bad.stdout.split('\n');
    expect(lines[0]).toBe('::group::dsalint report');
    const stop = /^::stop-commands::(.+)$/.exec(lines[1]!);
    expect(stop).not.toBeNull();
    const resume = lines.indexOf(`::${stop![1]}::`);
    expect(resume).toBeGreaterThan(2);
    expect(lines[resume + 1]).toBe('::endgroup::');
    expect(lines.slice(2, resume).join('\n')).toContain('whole-system-access');
    const annotations = lines.slice(resume + 2).filter(Boolean);
    expect(annotations.some((l) => l.startsWith('::error file=agreements/North East/icb-whole-system.dsa.yaml,line=46,col=21,'))).toBe(true);
    expect(annotations.at(-1)).toMatch(/^::error title=dsalint::dsalint found problems at or above "error": \d+ errors, \d+ warnings\./);
  });

  it('never lets agreement text issue a workflow command', async () => {
    const hostile = fixtureText('icb-whole-system.dsa.yaml').replace('name: Example Integrated Care Board', 'name: "ICB\\n::warning file=x::pwned\\n::add-mask::x"');
    const dir = await project({ [BAD_PATH]: hostile });
    const result = await simulate(dir, { paths: 'agreements', 'as-of': AS_OF });
    const lines = result.stdout.split('\n');
    const token = /^::stop-commands::(.+)$/.exec(lines[1]!)![1];
    const resume = lines.indexOf(`::${token}::`);
    const outside = [...lines.slice(0, 2), ...lines.slice(resume)];
    for (const line of outside.filter((l) => l.startsWith('::') && l !== `::${token}::`)) {
      expect(line).toMatch(/^::(group|endgroup|stop-commands|error|warning|notice)[ :]/);
      // The hostile text may appear only inside an escaped message, never as a command of its own.
      expect(line.startsWith('::warning file=x')).toBe(false);
      expect(line.startsWith('::add-mask')).toBe(false);
    }
    expect(result.stdout).toContain('ICB%0A::warning file=x::pwned');
  });
});

describe('switches and exit codes', () => {
  it('passes (exit 0) on a clean agreement, with zero counts', async () => {
    const dir = await project();
    const result = await simulate(dir, { paths: GOOD_PATH, 'as-of': AS_OF });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', 'exit-code': '0', 'sarif-file': '' });
    expect(result.stdout).not.toMatch(/^::error/m);
  });

  it('passes with fail-on: never and writes no annotations or summary when they are turned off', async () => {
    const dir = await project();
    const result = await simulate(dir, { paths: BAD_PATH, 'fail-on': 'never', annotations: 'false', 'job-summary': 'false', 'as-of': AS_OF });
    expect(result.code).toBe(0);
    expect(Number(result.outputs['errors'])).toBeGreaterThan(0);
    expect(result.summary).toBe('');
    expect(result.stdout).not.toMatch(/^::(error|warning|notice) file=/m);
  });

  it('fails with exit 2 when a file cannot be read or nothing is found', async () => {
    const broken = await simulate(await project({ 'agreements/broken.dsa.yaml': new Uint8Array([0xff, 0xfe, 0x00]) }), { paths: 'agreements', 'as-of': AS_OF });
    expect(broken.code).toBe(2);
    expect(broken.outputs['exit-code']).toBe('2');
    const empty = await simulate(await tempProject({ 'README.md': '# nothing\n' }), {});
    expect(empty.code).toBe(2);
    expect(empty.stdout).toContain('::error title=dsalint::dsalint: no agreement files found in . (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).');
  });

  it('uses the config input for every agreement', async () => {
    const dir = await project({ 'ci/strict.yaml': 'as_of: 2026-11-01\nrules:\n  whole-system-access: off\n  all-fields-scope: off\n' });
    const withConfig = await simulate(dir, { paths: BAD_PATH, config: 'ci/strict.yaml' });
    expect(withConfig.stdout).not.toContain('(whole-system-access)');
  });
});

describe('helpers', () => {
  it('writes file commands with a delimiter the value does not contain', () => {
    const entry = fileCommandEntry('sarif-file', 'a\nb');
    const m = /^sarif-file<<(ghadelimiter_[0-9a-f-]+)\na\nb\n(.+)\n$/.exec(entry);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
  });

  it('shortens the job summary to fit GitHub’s 1 MiB limit', () => {
    const full = jobSummaryMarkdown(sampleRun());
    expect(full).toContain('**What it allows:**');
    const short = jobSummaryMarkdown(sampleRun(), 3000);
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(3000);
    expect(short).not.toContain('**What it allows:**');
    expect(jobSummaryMarkdown(sampleRun(), 200)).toContain('The full report is too large for a job summary');
  });
});

describe('the committed bundle', () => {
  it('is up to date with the sources (run npm run build:action if not)', async () => {
    const built = await buildActionBundle();
    const committed = existsSync(BUNDLE_PATH) ? readFileSync(BUNDLE_PATH, 'utf8') : '';
    expect(committed === built, '.github/action/index.js is stale: run npm run build:action and commit it').toBe(true);
  }, 60_000);

  it('runs as GitHub runs it: node on the bundle, inputs in the environment, no install', async () => {
    const dir = await project();
    const runnerTemp = await mkdtemp(join(tmpdir(), 'dsalint-runner-'));
    const outputFile = join(runnerTemp, 'output');
    const summaryFile = join(runnerTemp, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const child = spawnSync(process.execPath, [BUNDLE_PATH], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'] ?? '', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, INPUT_PATHS: 'agreements', 'INPUT_AS-OF': AS_OF, 'INPUT_FAIL-ON': 'error', INPUT_ANNOTATIONS: 'true', 'INPUT_JOB-SUMMARY': 'true', 'INPUT_SARIF-FILE': '', INPUT_CONFIG: '' },
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(parseOutputs(readFileSync(outputFile, 'utf8'))['exit-code']).toBe('1');
    expect(readFileSync(summaryFile, 'utf8')).toContain('## dsalint review of data sharing agreements');
  }, 60_000);
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { default?: string; description: string }>;
    outputs: Record<string, { description: string }>;
  };

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '.github/action/index.js' });
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
  });

  it('declares exactly the inputs the entry reads, with defaults that match the code', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['annotations', 'as-of', 'base', 'comment', 'config', 'fail-on', 'github-token', 'job-summary', 'only-changed', 'paths', 'register-file', 'sarif-file']);
    const env = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`INPUT_${name.toUpperCase()}`, input.default ?? '']));
    // The token's default is an expression GitHub fills in; the code reads it only to comment.
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(readInputs(env)).toEqual(readInputs({}));
  });

  it('declares exactly the outputs the entry writes', async () => {
    const dir = await project();
    const result = await simulate(dir, { paths: GOOD_PATH, 'as-of': AS_OF });
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(result.outputs).sort());
  });
});

describe('workflows', () => {
  const files = ['ci.yml', 'self-test.yml'].map((f) => ({ name: f, text: readFileSync(join(ROOT, '.github/workflows', f), 'utf8') }));

  it.each(files.map((f) => [f.name, f.text]))('%s pins every third-party action to a full commit SHA', (_, text) => {
    const workflow = parse(text) as { jobs: Record<string, { steps: { uses?: string }[] }> };
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u === './' || /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u), u).toBe(true);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s has least-privilege permissions and no expressions inside scripts', (_, text) => {
    const workflow = parse(text) as { permissions: Record<string, string>; jobs: Record<string, { permissions?: unknown; steps: { run?: string }[] }> };
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toBeUndefined();
      for (const step of job.steps) if (step.run) expect(step.run).not.toContain('${{');
    }
  });

  it('self-test names good examples that pass and bad examples that fail', async () => {
    const workflow = parse(files[1]!.text) as { jobs: { 'self-test': { steps: { id?: string; uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs['self-test'].steps;
    const good = steps.find((s) => s.id === 'good')!;
    const bad = steps.find((s) => s.id === 'bad')!;
    expect(good.uses).toBe('./');
    expect(bad.uses).toBe('./');
    for (const [step, expected] of [
      [good, 0],
      [bad, 1],
    ] as const) {
      const paths = step.with!['paths']!.trim().split('\n');
      for (const p of paths) expect(existsSync(join(ROOT, p)), p).toBe(true);
      const result = await simulate(ROOT, { paths: step.with!['paths']!, annotations: 'false', 'job-summary': 'false' });
      expect(result.code, `${step.id}: ${paths.join(', ')}`).toBe(expected);
    }
  }, 60_000);
});

describe('.pre-commit-hooks.yaml', () => {
  it('runs dsalint lint on staged agreements', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'dsalint', entry: 'dsalint lint', language: 'node', files: '\\.dsa\\.(ya?ml|md)$' });
    const pattern = new RegExp(hooks[0]!.files);
    expect(['a.dsa.yaml', 'x/b.dsa.yml', 'c.dsa.md'].every((f) => pattern.test(f))).toBe(true);
    expect(['a.yaml', '.dsalint.yaml', 'dsa.md'].some((f) => pattern.test(f))).toBe(false);
  });
});
