import type { LintRun } from '../core/types.js';

export interface ReporterOptions {
  /** Use ANSI colours (terminal reports only). */
  readonly color: boolean;
  /** Show only errors (stylish: `--quiet`). */
  readonly quiet: boolean;
  /** Wrap to this many columns (stylish); undefined: one line per finding. */
  readonly width?: number;
}

/** A reporter is a pure function of the run: same run, same bytes. */
export type Reporter = (run: LintRun, options: ReporterOptions) => string;
