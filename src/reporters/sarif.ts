/**
 * SARIF 2.1.0 for GitHub code scanning and other CI. One run per invocation; every
 * registered rule is in `tool.driver.rules` so `ruleIndex` is stable; file-level failures
 * are tool execution notifications.
 */
import type { Finding, LintRun, Location, Severity } from '../core/types.js';
import type { Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning keeps at most this many results per run. */
export const GITHUB_MAX_RESULTS = 25_000;
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity): Level {
  return severity === 'info' ? 'note' : severity;
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function physicalLocation(uri: string, artifactIndex: number | undefined, location: Location): Record<string, unknown> {
  const { start, end } = location.range;
  return {
    artifactLocation: { uri: encodeUri(uri), uriBaseId: SRCROOT, ...(artifactIndex !== undefined ? { index: artifactIndex } : {}) },
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
  };
}

function toResult(finding: Finding, file: string, artifactIndex: number, ruleIndex: Map<string, number>): Record<string, unknown> {
  const review = finding.kind === 'review';
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    kind: review ? 'review' : 'fail',
    // SARIF: a result whose kind is not "fail" must have level "none".
    level: review ? 'none' : level(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: physicalLocation(file, artifactIndex, finding.location),
        ...(finding.location.path ? { logicalLocations: [{ fullyQualifiedName: finding.location.path, kind: 'member' }] } : {}),
      },
    ],
    partialFingerprints: { 'dsalintFingerprint/v1': finding.fingerprint },
  };
  if (finding.related.length) {
    result['relatedLocations'] = finding.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(file, artifactIndex, r),
      message: { text: r.message },
    }));
  }
  if (finding.suppression) {
    const s = finding.suppression;
    result['suppressions'] = [
      {
        kind: s.source === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: [s.reason, s.approvedBy ? `Approved by ${s.approvedBy}.` : '', s.expires ? `Expires ${s.expires}.` : ''].filter(Boolean).join(' '),
        ...(s.file && s.range ? { location: { physicalLocation: physicalLocation(s.file, undefined, { range: s.range }) } } : {}),
      },
    ];
  }
  return result;
}

export function sarifLog(run: LintRun): Record<string, unknown> {
  const ruleIndex = new Map(run.rules.map((r, i) => [r.id, i]));
  const artifacts = run.files.map((f) => ({ location: { uri: encodeUri(f.path), uriBaseId: SRCROOT } }));
  const results: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  run.files.forEach((file, artifactIndex) => {
    if (file.failure) {
      notifications.push({
        level: 'error',
        message: { text: file.failure.message },
        descriptor: { id: `dsalint/${file.failure.code}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(file.path), uriBaseId: SRCROOT, index: artifactIndex } } }],
      });
    }
    for (const finding of file.findings) results.push(toResult(finding, file.path, artifactIndex, ruleIndex));
  });
  const truncated = results.length > GITHUB_MAX_RESULTS;
  if (truncated) {
    notifications.push({
      level: 'warning',
      message: { text: `dsalint found ${results.length} results; only the first ${GITHUB_MAX_RESULTS} are included, the most GitHub code scanning accepts in one run.` },
      descriptor: { id: 'dsalint/truncated' },
    });
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            informationUri: run.tool.informationUri,
            rules: run.rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.helpText, markdown: rule.helpMarkdown },
              helpUri: rule.helpUri,
              defaultConfiguration: { level: level(rule.severity) },
              properties: { tags: [...rule.tags, ...(rule.kind === 'review' ? ['needs-review'] : [])], precision: 'high', presets: rule.presets },
            })),
          },
        },
        automationDetails: { id: 'dsalint/' },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The folder dsalint was run from; result paths are relative to it.' } } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: !run.files.some((f) => f.failure),
            toolExecutionNotifications: notifications,
            properties: { asOf: run.asOf },
          },
        ],
        results: truncated ? results.slice(0, GITHUB_MAX_RESULTS) : results,
      },
    ],
  };
}

export const sarif: Reporter = (run) => `${JSON.stringify(sarifLog(run), null, 2)}\n`;
