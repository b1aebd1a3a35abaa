/**
 * The JSON report: a documented, stable shape (schema/report.schema.json). Agreement data
 * is not included; positions are 1-based with exclusive ends.
 */
import type { FileResult, Finding, LintRun, Location, Range } from '../core/types.js';
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

function fileReport(file: FileResult): Record<string, unknown> {
  return {
    path: file.path,
    failure: file.failure ? { code: file.failure.code, message: file.failure.message } : null,
    notes: file.notes,
    findings: file.findings.map(finding),
  };
}

function reportHead(run: LintRun): Record<string, unknown> {
  const counts = countFindings(run);
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: run.tool.name, version: run.tool.version },
    asOf: run.asOf,
    summary: { files: run.files.length, ...counts },
  };
}

export function jsonReport(run: LintRun): Record<string, unknown> {
  return { ...reportHead(run), files: run.files.map(fileReport) };
}

/**
 * The report a piece at a time, one piece per file: joined, byte for byte `json(run)`. A
 * large run's report is written without its whole text (17 MB at 10,000 agreements) or a
 * second copy of every finding held at once. JSON.stringify escapes every newline inside a
 * string, so each newline in a file's piece is layout, and indenting it places the piece.
 */
export function* jsonChunks(run: LintRun): Generator<string> {
  const head = JSON.stringify({ ...reportHead(run), files: [] }, null, 2);
  if (run.files.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
  for (const [index, file] of run.files.entries()) {
    yield `    ${JSON.stringify(fileReport(file), null, 2).replaceAll('\n', '\n    ')}${index < run.files.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

export const json: Reporter = (run) => [...jsonChunks(run)].join('');
