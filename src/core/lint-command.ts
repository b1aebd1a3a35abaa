/**
 * Lint, report and decide the exit code: the behaviour the CLI's `lint` command and the
 * GitHub Action share, so both gate by exactly the same rule.
 */
import { runLint, exitCodeFor, type FailOn, type RunOptions } from './run.js';
import { REPORTERS, SUMMARY_FORMATS, reportChunks as chunksOf, type Format } from '../reporters/index.js';
import type { LintRun } from './types.js';
import type { SectionFormat } from '../reporters/sections.js';

/** Reports whose per-file sections are drawn where each file is linted. */
const SECTION_FORMATS: ReadonlySet<Format> = new Set<Format>(['markdown', 'html']);

export interface LintCommandOptions extends RunOptions {
  readonly format: Format;
  readonly failOn: FailOn;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly color: boolean;
  /** Wrap terminal reports to this many columns. */
  readonly width?: number;
}

export interface GateOptions extends RunOptions {
  readonly failOn: FailOn;
  readonly maxWarnings?: number;
}

export interface GateResult {
  readonly run: LintRun;
  /** How many agreements were found; none is exit code 2, so a mistyped path fails loudly. */
  readonly agreements: number;
  readonly exitCode: 0 | 1 | 2;
}

export interface LintCommandResult extends GateResult {
  /** The report, whole (made when first read). */
  readonly report: string;
  /** The report in pieces: what the CLI writes, so a large report is never held whole. */
  reportChunks(): Iterable<string>;
}

/** Lint and decide the exit code, without rendering a report (the Action renders its own). */
export async function lintAndGate(options: GateOptions): Promise<GateResult> {
  // No report reads the records: the run lets each go once the checks across agreements are done.
  const run = await runLint({ keepRecords: false, ...options });
  const agreements = run.files.filter((f) => !f.config && !f.folder).length;
  // With --base, no changed agreement is a clean change, not a mistyped path.
  return { run, agreements, exitCode: agreements === 0 && !run.base ? 2 : exitCodeFor(run, options.failOn, options.maxWarnings) };
}

export async function executeLint(options: LintCommandOptions): Promise<LintCommandResult> {
  // Parsed agreements are kept only when the report summarises them: memory stays flat on large runs.
  // --quiet counts only what it shows: warnings neither appear nor count towards --max-warnings.
  const { maxWarnings, ...rest } = options;
  const gate = await lintAndGate({ ...rest, ...(maxWarnings !== undefined && !options.quiet ? { maxWarnings } : {}), keepAgreements: SUMMARY_FORMATS.has(options.format), ...(SECTION_FORMATS.has(options.format) ? { sections: options.format as SectionFormat } : {}) });
  const reporterOptions = { color: options.color, quiet: options.quiet, ...(options.width ? { width: options.width } : {}) };
  const reportChunks = (): Iterable<string> => chunksOf(options.format, gate.run, reporterOptions);
  let whole: string | undefined;
  return {
    ...gate,
    get report(): string {
      return (whole ??= REPORTERS[options.format](gate.run, reporterOptions));
    },
    reportChunks,
  };
}
