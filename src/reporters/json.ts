/**
 * The JSON report: a documented, stable shape (schema/report.schema.json). Agreement data
 * is not included; positions are 1-based with exclusive ends.
 */
import type { Finding, LintRun, Location, Range } from '../core/types.js';
import { countFindings } from '../core/counts.js';
import type { Reporter } from './types.js';

export const JSON_REPORT_VERSION = 1;

function range(r: Range): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return { start: { line: r.start.line, column: r.start.column }, end: { line: r.end.line, column: r.end.column } };
}

function location(l: Location): Record<string, unknown> {
  return { path: l.path ?? null, range: range(l.range) };
}

function finding(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    kind: f.kind,
    message: f.message,
    ...location(f.location),
    related: f.related.map((r) => ({ message: r.message, ...(r.file ? { file: r.file } : {}), ...location(r) })),
    fingerprint: f.fingerprint,
    suppression: f.suppression
      ? {
          source: f.suppression.source,
          reason: f.suppression.reason,
          approvedBy: f.suppression.approvedBy ?? null,
          expires: f.suppression.expires ?? null,
          file: f.suppression.file ?? null,
          range: f.suppression.range ? range(f.suppression.range) : null,
        }
      : null,
  };
}

export function jsonReport(run: LintRun): Record<string, unknown> {
  const counts = countFindings(run);
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: run.tool.name, version: run.tool.version },
    asOf: run.asOf,
    summary: { files: run.files.length, ...counts },
    files: run.files.map((file) => ({
      path: file.path,
      failure: file.failure ? { code: file.failure.code, message: file.failure.message } : null,
      notes: file.notes,
      findings: file.findings.map(finding),
    })),
  };
}

export const json: Reporter = (run) => `${JSON.stringify(jsonReport(run), null, 2)}\n`;
