/**
 * Every report format, chosen from one exhaustive map: adding a format is one entry here.
 */
import type { Reporter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS: Record<Format, Reporter> = { stylish, json, sarif };

/** Formats whose output is for a terminal and may carry colour. */
export const TERMINAL_FORMATS: ReadonlySet<Format> = new Set<Format>(['stylish']);

export type { Reporter, ReporterOptions } from './types.js';
