/**
 * Lint, report and decide the exit code: the behaviour the CLI's `lint` command and the
 * GitHub Action share, so both gate by exactly the same rule.
 */
import { runLint, exitCodeFor, type FailOn, type RunOptions } from './run.js';
import { REPORTERS, SUMMARY_FORMATS, type Format } from '../reporters/index.js';
import type { LintRun } from './types.js';

export interface LintCommandOptions extends RunOptions {
  readonly format: Format;
  readonly failOn: FailOn;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly color: boolean;
}

export interface LintCommandResult {
  readonly run: LintRun;
  readonly report: string;
  readonly exitCode: 0 | 1 | 2;
}

export async function executeLint(options: LintCommandOptions): Promise<LintCommandResult> {
  // Parsed agreements are kept only when the report summarises them: memory stays flat on large runs.
  const run = await runLint({ ...options, keepAgreements: SUMMARY_FORMATS.has(options.format) });
  const report = REPORTERS[options.format](run, { color: options.color, quiet: options.quiet });
  return { run, report, exitCode: exitCodeFor(run, options.failOn, options.maxWarnings) };
}
