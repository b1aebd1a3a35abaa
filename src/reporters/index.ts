/**
 * Every report format, chosen from one exhaustive map: adding a format is one entry here.
 */
import type { Reporter, ReporterOptions } from './types.js';
import type { LintRun } from '../core/types.js';
import { stylish } from './stylish.js';
import { json, jsonChunks } from './json.js';
import { sarif } from './sarif.js';
import { markdown } from './markdown.js';
import { html } from './html.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { reviewHtml, reviewMarkdown } from '../reviewer/report.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'markdown', 'html', 'github', 'junit', 'review', 'review-html'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS: Record<Format, Reporter> = { stylish, json, sarif, markdown, html, github, junit, review: reviewMarkdown, 'review-html': reviewHtml };

/** Formats that can be written a piece at a time; joined, the pieces are the reporter's report. */
const CHUNKED_REPORTERS: Partial<Record<Format, (run: LintRun, options: ReporterOptions) => Iterable<string>>> = { json: jsonChunks };

/**
 * A report in pieces of at least `batch` characters (the last may be shorter): what
 * `REPORTERS[format]` returns, for writing a large report without holding its whole text.
 */
export function* reportChunks(format: Format, run: LintRun, options: ReporterOptions, batch = 1 << 16): Generator<string> {
  const chunked = CHUNKED_REPORTERS[format];
  if (!chunked) {
    yield REPORTERS[format](run, options);
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunked(run, options)) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= batch) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield pending.join('');
}

/** Formats that summarise each agreement, so the run must keep the parsed agreements. */
export const SUMMARY_FORMATS: ReadonlySet<Format> = new Set<Format>(['markdown', 'html', 'review', 'review-html']);

/** Formats whose output is for a terminal and may carry colour. */
export const TERMINAL_FORMATS: ReadonlySet<Format> = new Set<Format>(['stylish']);

export type { Reporter, ReporterOptions } from './types.js';
