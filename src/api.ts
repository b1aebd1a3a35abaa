/**
 * The programmatic API, published as the package's main export (bin/dsalint.js, typed by
 * bin/dsalint.d.ts): lint files the way `dsalint lint` does and get the run as data.
 *
 *   import { lint, report } from 'dsalint';
 *   const run = await lint(['agreements'], { asOf: '2026-11-01' });
 *   if (run.counts.error) console.log(report(run, 'stylish'));
 */
import { countFindings, exitCodeFor, runLint, type FailOn } from './core/run.js';
import { REPORTERS, FORMATS, type Format } from './reporters/index.js';
import type { Counts, LintRun } from './core/types.js';

export interface LintOptions {
  /** The folder paths are relative to, and reports are written relative to (default: the current folder). */
  readonly cwd?: string;
  /** One config file for every agreement, instead of finding `.dsalint.yaml` beside each. */
  readonly config?: string;
  /** Judge dates as of this day (YYYY-MM-DD) instead of today. */
  readonly asOf?: string;
  /** Worker threads (default one per core for large runs; 1 for none). */
  readonly jobs?: number;
  /** false: no .gitignore, .dsalintignore, ignore patterns or config `ignore`. */
  readonly ignore?: boolean;
  /** More files to leave out, gitignore-style, relative to `cwd`. */
  readonly ignorePatterns?: readonly string[];
  /** The lowest severity that makes `exitCode` 1 (default error). */
  readonly failOn?: FailOn;
}

export interface LintResult extends LintRun {
  /** Findings by group; waived findings are counted only as `suppressed`. */
  readonly counts: Counts;
  /** What `dsalint lint` would exit with: 0 clean, 1 findings at or above `failOn`, 2 a file could not be linted or none was found. */
  readonly exitCode: 0 | 1 | 2;
}

/** Lint files, folders or globs. A bad config rejects with an error naming its file:line:column. */
export async function lint(paths: string | readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const run = await runLint({
    paths: typeof paths === 'string' ? [paths] : paths,
    cwd: options.cwd ?? process.cwd(),
    ...(options.config ? { configPath: options.config } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.ignore !== undefined ? { ignore: options.ignore } : {}),
    ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
  });
  const agreements = run.files.filter((f) => !f.config).length;
  return { ...run, counts: countFindings(run), exitCode: agreements === 0 ? 2 : exitCodeFor(run, options.failOn ?? 'error') };
}

/** A report of a run in one of the CLI's formats, byte for byte what `dsalint lint -f <format>` writes. */
export function report(run: LintRun, format: Format, options: { readonly color?: boolean; readonly quiet?: boolean } = {}): string {
  if (!FORMATS.includes(format)) throw new Error(`there is no report format "${String(format)}"; use ${FORMATS.join(', ')}.`);
  return REPORTERS[format](run, { color: options.color ?? false, quiet: options.quiet ?? false });
}

export { FORMATS };
export type { Format, FailOn };
export type { Counts, FileFailure, FileResult, Finding, FindingKind, LintRun, Location, Position, Range, RelatedLocation, RuleCitation, RuleSummary, Severity, Suppression } from './core/types.js';
