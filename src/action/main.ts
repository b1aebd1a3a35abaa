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
 * outputs `errors`, `warnings`, `reviews`, `infos`, `waived`, `exit-code`, `sarif-file`,
 * `register-file` and `comment-url` to $GITHUB_OUTPUT.
 * For two or more agreements, the register and its flow map (as Mermaid) follow the review
 * in the job summary; `register-file` writes the HTML register (output `register-file`).
 *
 * On a pull request it compares each changed agreement with its version at the base
 * commit (src/action/pull-request.ts), annotates the changed files first, says how many
 * annotations GitHub will not show, and with `comment: true` posts or updates one comment.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { makeFolder } from '../core/make-folder.js';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { lintAndGate } from '../core/lint-command.js';
import { ConfigError, isIsoDate } from '../core/config.js';
import { countFindings, emptyRun, type FailOn } from '../core/run.js';
import type { LintRun } from '../core/types.js';
import { githubAnnotations, workflowCommand } from '../reporters/github.js';
import { SUMMARY_ATTEMPTS, markdownReportWithin } from '../reporters/markdown.js';
import { ANNOTATIONS_SHOWN_PER_LEVEL, annotationsNotShown, commentBody, postComment, pullRequestOf } from './pull-request.js';
import { diffAgainstBase, diffMarkdown, VersionError } from '../core/diff-command.js';
import { GitError } from '../core/git.js';
import { sarif } from '../reporters/sarif.js';
import { stylish } from '../reporters/stylish.js';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ListItem } from 'mdast';
import { buildRegister } from '../register/register.js';
import { registerHtml } from '../register/html.js';
import { registerMarkdown } from '../register/markdown.js';

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
  readonly registerFile?: string;
  readonly annotations: boolean;
  readonly jobSummary: boolean;
  readonly asOf?: string;
  /** A git ref to compare with; on a pull request, its base commit by default. */
  readonly base?: string;
  /** With a base: lint (and annotate) only the agreements the change touched. */
  readonly onlyChanged: boolean;
  /** Post or update one pull-request comment with the report. */
  readonly comment: boolean;
}

export function readInputs(env: ActionIo['env']): ActionInputs {
  // One path per line, so paths with spaces (folder names like "North East") work.
  const paths = getInput(env, 'paths')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const given = getInput(env, 'fail-on') || 'error';
  const failOn = given === 'warn' ? 'warning' : given;
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) {
    throw new InputError(`the input fail-on must be error, warning, info or never, not "${failOn}".`);
  }
  const asOf = getInput(env, 'as-of');
  if (asOf && !isIsoDate(asOf)) throw new InputError(`the input as-of must be a date written YYYY-MM-DD, such as 2026-04-01, not "${asOf}".`);
  const config = getInput(env, 'config');
  const sarifFile = getInput(env, 'sarif-file');
  const registerFile = getInput(env, 'register-file');
  return {
    paths: paths.length ? paths : ['.'],
    ...(config ? { config } : {}),
    failOn: failOn as FailOn,
    ...(sarifFile ? { sarifFile } : {}),
    ...(registerFile ? { registerFile } : {}),
    annotations: getBooleanInput(env, 'annotations', true),
    jobSummary: getBooleanInput(env, 'job-summary', true),
    ...(asOf ? { asOf } : {}),
    ...(getInput(env, 'base') ? { base: getInput(env, 'base') } : {}),
    onlyChanged: getBooleanInput(env, 'only-changed', true),
    comment: getBooleanInput(env, 'comment', false),
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
  // The workers drew each file's section in the parts of the attempts in reach, so none is serialised here.
  for (const options of SUMMARY_ATTEMPTS) {
    // Each attempt stops as soon as it outgrows the limit, so a large run is not rendered in full several times.
    const text = markdownReportWithin(run, options, limit);
    if (text !== undefined) return text;
  }
  return `${shortSummary(run).trimEnd()} The full report is too large for a job summary: run dsalint locally or download the SARIF file.\n`;
}

/** The log and summary sentence about annotations GitHub drops. */
function notShownSentence(count: number): string {
  return `GitHub shows at most ${ANNOTATIONS_SHOWN_PER_LEVEL} annotations of each kind (error, warning, notice) per step, so ${count} ${count === 1 ? 'finding is' : 'findings are'} not annotated on the pull request; the most important are annotated first, and every finding is in the job summary.`;
}

/** This run's page, for links to the job summary. */
function runUrl(env: ActionIo['env']): string | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const id = env['GITHUB_RUN_ID'];
  return server && repository && id ? `${server}/${repository}/actions/runs/${id}` : undefined;
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

/** A message for an error the Action met itself (not a finding), without a stack trace. */
function describeError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof ConfigError) return `invalid config: ${error.format()}`;
  if (error instanceof GitError || error instanceof VersionError) return error.message;
  return `internal error, please report it: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Run the action; resolves to the process exit code (0 pass, 1 findings, 2 could not run).
 * Whatever fails (a bad input, a bad config, a bug), the job summary, the outputs and the
 * SARIF file are still written, so later steps and code scanning see what happened.
 */
export async function runAction(io: ActionIo): Promise<number> {
  const problems: string[] = [];
  const attempt = async <T>(what: string, work: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      problems.push(`${what}${describeError(error)}`);
      return undefined;
    }
  };

  const inputs = await attempt('', () => readInputs(io.env));
  const pr = await pullRequestOf(io.env);
  const base = inputs?.base ?? pr?.base;
  const result = inputs
    ? await attempt('', () =>
        lintAndGate({
          paths: inputs.paths,
          cwd: io.cwd,
          ...(inputs.config ? { configPath: inputs.config } : {}),
          ...(inputs.asOf ? { asOf: inputs.asOf } : {}),
          ...(base ? { base, onlyChanged: inputs.onlyChanged } : {}),
          failOn: inputs.failOn,
          // The job summary and comment describe each agreement; without them the parsed agreements are not needed.
          keepAgreements: inputs.jobSummary || inputs.comment,
          // The register (in the job summary, or its HTML file) lists each agreement's record.
          keepRecords: inputs.jobSummary || Boolean(inputs.registerFile),
          // Their sections are drawn on the lint workers, in parallel.
          ...(inputs.jobSummary || inputs.comment ? { sections: 'markdown' as const } : {}),
          ...(inputs.jobSummary ? { sectionAttempts: { attempts: SUMMARY_ATTEMPTS, limit: JOB_SUMMARY_LIMIT } } : {}),
        }),
      )
    : undefined;
  const run = result?.run ?? emptyRun(inputs?.asOf);
  if (result && result.agreements === 0 && run.base) {
    io.stdout(`dsalint: no agreement in ${inputs!.paths.join(', ')} changed since ${run.base.ref}; nothing to lint.\n`);
  } else if (result && result.agreements === 0) {
    problems.push(`no agreement files found in ${inputs!.paths.join(', ')} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).`);
  }
  // What changed in meaning, for the summary and the comment (git reads of the changed files only).
  let changes = '';
  if (result && base && inputs && (inputs.jobSummary || inputs.comment)) {
    const report = await attempt('could not list what changed: ', () => diffAgainstBase(io.cwd, base, inputs.paths));
    if (report?.files.length) changes = diffMarkdown(report);
  }

  let notShown = 0;
  if (result) {
    // The readable report in the log, folded; then the annotations.
    await attempt('could not show the report: ', () => {
      const report = stylish(run, { color: false, quiet: false });
      io.stdout('::group::dsalint report\n');
      stopCommands(io, report);
      io.stdout('::endgroup::\n');
    });
    if (inputs?.annotations) {
      await attempt('could not write the annotations: ', () => {
        const changed = run.base ? new Set(run.base.changed) : undefined;
        const annotations = githubAnnotations(run, changed ? { first: changed } : {});
        if (annotations.length) io.stdout(`${annotations.join('\n')}\n`);
        notShown = annotationsNotShown(annotations);
        if (notShown > 0) io.stdout(`${notShownSentence(notShown)}\n`);
      });
    }
  }

  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if ((inputs?.jobSummary ?? true) && summaryFile) {
    await attempt('could not write the job summary: ', async () => {
      let text = '## dsalint review\n\ndsalint could not lint the agreements.\n';
      try {
        const note = notShown > 0 ? `> ${notShownSentence(notShown)}\n\n` : '';
        if (result) text = `${note}${changes ? `${changes}\n` : ''}${jobSummaryMarkdown(run)}`;
      } catch (error) {
        problems.push(`could not write the full job summary: ${describeError(error)}`);
        text = shortSummary(run);
      }
      if (problems.length) text += `\n${problemsMarkdown(problems)}`;
      await appendFile(summaryFile, text);
      // The register and its flow map follow, when there are agreements to list and room for them.
      const register = result ? buildRegister(run) : undefined;
      if (register && register.rows.length > 1) {
        const room = JOB_SUMMARY_LIMIT - Buffer.byteLength(text);
        const fitting = [undefined, 50, 0].map((maxRows) => registerMarkdown(register, maxRows === undefined ? {} : { maxRows })).find((t) => Buffer.byteLength(t) < room);
        if (fitting) await appendFile(summaryFile, `\n${fitting}`);
      }
    });
  }

  let registerPath = '';
  if (inputs?.registerFile && result) {
    const registerFile = inputs.registerFile;
    const written = await attempt('could not write the register: ', async () => {
      const target = resolve(io.cwd, registerFile);
      makeFolder(dirname(target));
      await writeFile(target, registerHtml(buildRegister(run), run));
      return true;
    });
    if (written) registerPath = registerFile;
  }

  let commentUrl = '';
  if (inputs?.comment && result) {
    const token = getInput(io.env, 'github-token');
    const why = !pr ? 'this run is not for a pull request' : !token ? 'there is no token (set the github-token input)' : undefined;
    const posted = why ? { problem: why } : await postComment(io.env, pr!, token, commentBody(run, changes, runUrl(io.env)));
    if (posted.problem) io.stdout(`${workflowCommand('warning', { title: 'dsalint' }, `dsalint did not post the pull-request comment: ${posted.problem}.`)}\n`);
    commentUrl = posted.url ?? '';
  }

  // Written even when dsalint failed, so an upload step after it still finds the file.
  const sarifFile = inputs?.sarifFile ?? (getInput(io.env, 'sarif-file') || undefined);
  let sarifPath = '';
  if (sarifFile) {
    const written = await attempt('could not write the SARIF file: ', async () => {
      const target = resolve(io.cwd, sarifFile);
      let text: string;
      try {
        text = sarif(run, { color: false, quiet: false });
      } catch (error) {
        problems.push(`could not write the full SARIF report: ${describeError(error)}`);
        text = sarif(emptyRun(run.asOf), { color: false, quiet: false });
      }
      makeFolder(dirname(target));
      await writeFile(target, text);
      return true;
    });
    if (written) sarifPath = sarifFile;
  }

  const exitCode: number = problems.length ? 2 : (result?.exitCode ?? 2);
  const c = countFindings(run);
  const outputs: Record<string, string> = {
    errors: String(c.error),
    warnings: String(c.warning),
    reviews: String(c.review),
    infos: String(c.info),
    waived: String(c.suppressed),
    'exit-code': String(exitCode),
    'sarif-file': sarifPath,
    'register-file': registerPath,
    'comment-url': commentUrl,
  };
  const outputFile = io.env['GITHUB_OUTPUT'];
  if (outputFile) await attempt('could not write the outputs: ', () => appendFile(outputFile, Object.entries(outputs).map(([k, v]) => fileCommandEntry(k, v)).join('')));

  for (const problem of problems) io.stdout(`${dsalintError(`dsalint: ${problem}`)}\n`);
  if (exitCode === 1) {
    io.stdout(`${dsalintError(`dsalint found problems at or above "${inputs!.failOn}": ${c.error} errors, ${c.warning} warnings. See the job summary or the annotations.`)}\n`);
  }
  return problems.length ? 2 : exitCode;
}

/** The job summary when the full report could not be made: the counts alone. */
function shortSummary(run: LintRun): string {
  const c = countFindings(run);
  return `## dsalint review\n\n${c.error} errors, ${c.warning} warnings and ${c.review} points to review in ${run.files.length} files.\n`;
}

/** dsalint's own errors as a quoted list, escaped by the Markdown serialiser. */
function problemsMarkdown(problems: readonly string[]): string {
  const item = (problem: string): ListItem => ({ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: `dsalint: ${problem}` }] }] });
  return toMarkdown({ type: 'blockquote', children: [{ type: 'list', children: problems.map(item) }] }, { bullet: '-' });
}
