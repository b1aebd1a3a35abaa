/**
 * `dsalint register`: lint the given agreements (so the register shows their open findings)
 * and write the register as CSV, a self-contained HTML page, or JSON-LD in the W3C Data
 * Privacy Vocabulary. A register is a report, so findings never change its exit code.
 */
import { runLint, type RunOptions } from '../core/run.js';
import type { LintRun } from '../core/types.js';
import { buildRegister, type Register } from './register.js';
import { registerCsv } from './csv.js';
import { registerHtml } from './html.js';
import { toJsonLd } from '../export/jsonld.js';

export const REGISTER_FORMATS = ['html', 'csv', 'jsonld'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

export interface RegisterOptions extends Pick<RunOptions, 'paths' | 'cwd' | 'configPath' | 'asOf'> {
  readonly format: RegisterFormat;
  /** How far ahead "coming up" looks, as an ISO 8601 duration. */
  readonly window: string;
}

export interface RegisterResult {
  readonly run: LintRun;
  readonly register: Register;
  readonly text: string;
  /** Files found (agreements of any shape); none is a usage error. */
  readonly files: number;
}

export function renderRegister(register: Register, run: LintRun, format: RegisterFormat): string {
  if (format === 'csv') return registerCsv(register);
  if (format === 'jsonld') return `${JSON.stringify(toJsonLd(register.rows.map((r) => ({ file: r.file, record: r.record }))), null, 2)}\n`;
  return registerHtml(register, run);
}

export async function registerCommand(options: RegisterOptions): Promise<RegisterResult> {
  const run = await runLint({ paths: options.paths, cwd: options.cwd, keepAgreements: false, ...(options.configPath ? { configPath: options.configPath } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  const register = buildRegister(run, options.window);
  return { run, register, text: renderRegister(register, run, options.format), files: run.files.filter((f) => !f.config).length };
}
