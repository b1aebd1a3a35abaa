/**
 * The GitHub Action (src/action/index.ts runs it; bundled to .github/action/index.js by
 * `npm run build:action`). It lints through `lintAndGate`, the entry point the CLI uses,
 * so both gate by exactly the same rule.
 *
 * Safety: inputs come only from the environment (GitHub sets INPUT_<NAME>, upper-cased,
 * hyphens kept) and are never passed to a shell. Nothing is fetched from the network and
 * nothing is installed at run time.
 *
 * It writes: annotations (workflow commands) and a readable report to stdout; the
 * Markdown report to $GITHUB_STEP_SUMMARY; SARIF to `sarif-file` when given; and the
 * outputs `errors`, `warnings`, `reviews`, `infos`, `waived`, `exit-code` and
 * `sarif-file` to $GITHUB_OUTPUT.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { lintAndGate } from '../core/lint-command.js';
import { ConfigError, isIsoDate } from '../core/config.js';
import { countFindings, type FailOn } from '../core/run.js';
import type { LintRun } from '../core/types.js';
import { githubAnnotations, workflowCommand } from '../reporters/github.js';
import { markdownReport } from '../reporters/markdown.js';
import { sarif } from '../reporters/sarif.js';
import { stylish } from '../reporters/stylish.js';

export interface ActionIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
}

/** GitHub's limit on one step's job summary: 1 MiB. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

export class InputError extends Error {}

/** An input as GitHub passes it: INPUT_ + the name upper-cased, spaces as underscores, hyphens kept. */
export function getInput(env: ActionIo['env'], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A boolean input, read as @actions/core's getBooleanInput does (YAML 1.2 core schema). */
export function getBooleanInput(env: ActionIo['env'], name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`the input ${name} must be true or false, not "${value}".`);
}

export interface ActionInputs {
  readonly paths: readonly string[];
  readonly config?: string;
  readonly failOn: FailOn;
  readonly sarifFile?: string;
  readonly annotations: boolean;
  readonly jobSummary: boolean;
  readonly asOf?: string;
}

export function readInputs(env: ActionIo['env']): ActionInputs {
  // One path per line, so paths with spaces (folder names like "North East") work.
  const paths = getInput(env, 'paths')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const failOn = getInput(env, 'fail-on') || 'error';
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) {
    throw new InputError(`the input fail-on must be error, warning, info or never, not "${failOn}".`);
  }
  const asOf = getInput(env, 'as-of');
  if (asOf && !isIsoDate(asOf)) throw new InputError(`the input as-of must be a date written YYYY-MM-DD, such as 2026-04-01, not "${asOf}".`);
  const config = getInput(env, 'config');
  const sarifFile = getInput(env, 'sarif-file');
  return {
    paths: paths.length ? paths : ['.'],
    ...(config ? { config } : {}),
    failOn: failOn as FailOn,
    ...(sarifFile ? { sarifFile } : {}),
    annotations: getBooleanInput(env, 'annotations', true),
    jobSummary: getBooleanInput(env, 'job-summary', true),
    ...(asOf ? { asOf } : {}),
  };
}

/** `name<<delimiter` … `delimiter`, as @actions/core writes files commands, safe for any value. */
export function fileCommandEntry(name: string, value: string): string {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** The Markdown report, shortened until it fits GitHub's job summary limit. */
export function jobSummaryMarkdown(run: LintRun, limit = JOB_SUMMARY_LIMIT): string {
  const attempts = [{}, { maxFindingsPerFile: 50 }, { maxFindingsPerFile: 10, summaries: false }, { maxFindingsPerFile: 0, summaries: false }];
  for (const options of attempts) {
    const text = markdownReport(run, options);
    if (Buffer.byteLength(text) <= limit) return text;
  }
  const c = countFindings(run);
  return `## dsalint review\n\n${c.error} errors, ${c.warning} warnings and ${c.review} points to review in ${run.files.length} files. The full report is too large for a job summary: run dsalint locally or download the SARIF file.\n`;
}

/** An error annotation about the run itself (not a finding). */
function dsalintError(message: string): string {
  return workflowCommand('error', { title: 'dsalint' }, message);
}

function stopCommands(io: ActionIo, text: string): void {
  // Report text quotes agreement content; stop GitHub reading any of it as a command.
  const token = randomUUID();
  io.stdout(`::stop-commands::${token}\n${text}::${token}::\n`);
}

/** Run the action; resolves to the process exit code (0 pass, 1 findings, 2 could not run). */
export async function runAction(io: ActionIo): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (error) {
    if (error instanceof InputError) {
      io.stdout(`${dsalintError(`dsalint: ${error.message}`)}\n`);
      return 2;
    }
    throw error;
  }
  let result;
  try {
    result = await lintAndGate({
      paths: inputs.paths,
      cwd: io.cwd,
      ...(inputs.config ? { configPath: inputs.config } : {}),
      ...(inputs.asOf ? { asOf: inputs.asOf } : {}),
      failOn: inputs.failOn,
      // The job summary describes each agreement; without it the parsed agreements are not needed.
      keepAgreements: inputs.jobSummary,
    });
  } catch (error) {
    const message = error instanceof ConfigError ? `invalid config: ${error.format()}` : `internal error, please report it: ${(error as Error).stack ?? String(error)}`;
    io.stdout(`${dsalintError(`dsalint: ${message}`)}\n`);
    return 2;
  }
  const { run } = result;
  const exitCode: number = result.exitCode;
  if (result.agreements === 0) {
    io.stdout(`${dsalintError(`dsalint: no agreement files found in ${inputs.paths.join(', ')} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).`)}\n`);
  }

  // The readable report in the log, folded; then the annotations.
  io.stdout('::group::dsalint report\n');
  stopCommands(io, stylish(run, { color: false, quiet: false }));
  io.stdout('::endgroup::\n');
  if (inputs.annotations) {
    const annotations = githubAnnotations(run);
    if (annotations.length) io.stdout(`${annotations.join('\n')}\n`);
  }

  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (inputs.jobSummary && summaryFile) await appendFile(summaryFile, jobSummaryMarkdown(run));

  let sarifPath = '';
  if (inputs.sarifFile) {
    const target = resolve(io.cwd, inputs.sarifFile);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, sarif(run, { color: false, quiet: false }));
    sarifPath = inputs.sarifFile;
  }

  const c = countFindings(run);
  const outputs: Record<string, string> = {
    errors: String(c.error),
    warnings: String(c.warning),
    reviews: String(c.review),
    infos: String(c.info),
    waived: String(c.suppressed),
    'exit-code': String(exitCode),
    'sarif-file': sarifPath,
  };
  const outputFile = io.env['GITHUB_OUTPUT'];
  if (outputFile) await appendFile(outputFile, Object.entries(outputs).map(([k, v]) => fileCommandEntry(k, v)).join(''));

  if (exitCode === 1) {
    io.stdout(`${dsalintError(`dsalint found problems at or above "${inputs.failOn}": ${c.error} errors, ${c.warning} warnings. See the job summary or the annotations.`)}\n`);
  }
  return exitCode;
}
