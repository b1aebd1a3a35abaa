/**
 * Every report format, chosen from one exhaustive map: adding a format is one entry here.
 */
import type { Reporter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { markdown } from './markdown.js';
import { html } from './html.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { reviewHtml, reviewMarkdown } from '../reviewer/report.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'markdown', 'html', 'github', 'junit', 'review', 'review-html'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS: Record<Format, Reporter> = { stylish, json, sarif, markdown, html, github, junit, review: reviewMarkdown, 'review-html': reviewHtml };

/** Formats that summarise each agreement, so the run must keep the parsed agreements. */
export const SUMMARY_FORMATS: ReadonlySet<Format> = new Set<Format>(['markdown', 'html', 'review', 'review-html']);

/** Formats whose output is for a terminal and may carry colour. */
export const TERMINAL_FORMATS: ReadonlySet<Format> = new Set<Format>(['stylish']);

export type { Reporter, ReporterOptions } from './types.js';
