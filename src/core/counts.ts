/**
 * Totals of a run's findings, for summaries and exit codes. Its own module, importing only
 * the shared types, so reporters can count without importing the runner that imports them.
 */
import type { Counts, LintRun } from './types.js';

/** Findings by severity (review and suppressed ones apart) and files that could not be linted. */
export function countFindings(run: LintRun): Counts {
  let error = 0;
  let warning = 0;
  let info = 0;
  let review = 0;
  let suppressed = 0;
  let failures = 0;
  for (const file of run.files) {
    if (file.failure) failures++;
    for (const f of file.findings) {
      if (f.suppression) suppressed++;
      else if (f.kind === 'review') review++;
      else if (f.severity === 'error') error++;
      else if (f.severity === 'warning') warning++;
      else info++;
    }
  }
  return { error, warning, info, review, suppressed, failures };
}
