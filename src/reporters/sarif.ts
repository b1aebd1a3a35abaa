/**
 * SARIF 2.1.0 for GitHub code scanning and other CI. One run per invocation; every
 * registered rule is in `tool.driver.rules` so `ruleIndex` is stable; file-level failures
 * are tool execution notifications; waived findings carry `suppressions`; judgement calls
 * are `kind: review`.
 *
 * Kept within GitHub's upload limits (docs: "SARIF support for code scanning"): at most
 * 25,000 results per run (the most severe are kept, and a notification says how many were
 * left out), at most 20 tags per rule, and at most 1,000 locations per result (related
 * locations are capped at 100, the number GitHub displays).
 */
import type { Finding, LintRun, Location, RuleSummary, Severity } from '../core/types.js';
import type { Reporter } from './types.js';
import { revealHidden } from '../core/summary.js';
import { groupOf, isConfigFile, type Group } from './shared.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** GitHub code scanning rejects a run with more results than this. */
export const GITHUB_MAX_RESULTS = 25_000;
/** GitHub keeps at most this many tags per rule. */
export const GITHUB_MAX_TAGS = 20;
/** GitHub displays at most this many locations per result. */
export const MAX_RELATED_LOCATIONS = 100;
/** The key under `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'dsalintFingerprint/v1';
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';
type Json = Record<string, unknown>;

export interface SarifOptions {
  /** Results per run; GitHub's limit unless a test needs a smaller one. */
  readonly maxResults?: number;
}

function level(severity: Severity): Level {
  return severity === 'info' ? 'note' : severity;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(location: Pick<Location, 'range'>): Json {
  const { start, end } = location.range;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function physicalLocation(uri: string, artifactIndex: number | undefined, location: Pick<Location, 'range'>): Json {
  return {
    artifactLocation: { uri: encodeUri(uri), uriBaseId: SRCROOT, ...(artifactIndex !== undefined ? { index: artifactIndex } : {}) },
    region: region(location),
  };
}

/**
 * A message must end with a full stop (SARIF2001); most rule messages already do. Hidden
 * characters from agreement text are shown as [U+XXXX], as code scanning displays messages
 * to people.
 */
function sentence(text: string): string {
  const t = revealHidden(text.trim());
  return /[.!?]["”’)]?$/.test(t) ? t : `${t}.`;
}

/** PascalCase from the kebab-case id; omitted when it would only repeat the id (SARIF1001). */
function ruleName(id: string): string | undefined {
  if (!id.includes('-')) return undefined;
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function ruleDescriptor(rule: RuleSummary): Json {
  const name = ruleName(rule.id);
  const tags = [...rule.tags, ...(rule.kind === 'review' ? ['needs-review'] : [])].slice(0, GITHUB_MAX_TAGS);
  return {
    id: rule.id,
    ...(name ? { name } : {}),
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: sentence(rule.description) },
    help: { text: rule.helpText, markdown: rule.helpMarkdown },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: level(rule.severity) },
    properties: { tags, precision: 'high', presets: [...rule.presets], kind: rule.kind },
  };
}

function toResult(finding: Finding, file: string, artifactIndex: number, ruleIndex: ReadonlyMap<string, number>): Json {
  const review = finding.kind === 'review';
  const related = finding.related.slice(0, MAX_RELATED_LOCATIONS);
  const result: Json = {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    kind: review ? 'review' : 'fail',
    // SARIF 3.27.9: a result whose kind is not "fail" has level "none".
    level: review ? 'none' : level(finding.severity),
    message: { text: sentence(finding.message) },
    locations: [
      {
        physicalLocation: physicalLocation(file, artifactIndex, finding.location),
        ...(finding.location.path ? { logicalLocations: [{ fullyQualifiedName: finding.location.path, kind: 'member' }] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (related.length) {
    result['relatedLocations'] = related.map((r, i) => ({
      id: i + 1,
      physicalLocation: r.file ? physicalLocation(r.file, undefined, r) : physicalLocation(file, artifactIndex, r),
      message: { text: sentence(r.message) },
    }));
  }
  if (finding.suppression) {
    const s = finding.suppression;
    const justification = [sentence(s.reason), s.approvedBy ? `Approved by ${s.approvedBy}.` : '', s.expires ? `Expires ${s.expires}.` : '']
      .filter(Boolean)
      .join(' ');
    result['suppressions'] = [
      {
        kind: s.source === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification,
        ...(s.file && s.range ? { location: { physicalLocation: physicalLocation(s.file, undefined, { range: s.range }) } } : {}),
      },
    ];
  }
  return result;
}

/** Lower is kept first when results must be cut: active errors, then warnings, notes, reviews, waived. */
const PRIORITY: Record<Group, number> = { error: 1, warning: 2, info: 3, review: 4, waived: 5 };
function priority(f: Finding): number {
  return PRIORITY[groupOf(f)];
}

export function sarifLog(run: LintRun, options: SarifOptions = {}): Json {
  const maxResults = options.maxResults ?? GITHUB_MAX_RESULTS;
  const ruleIndex = new Map(run.rules.map((r, i) => [r.id, i]));
  const artifacts = run.files.map((f) => {
    const config = isConfigFile(f);
    return {
      location: { uri: encodeUri(f.path), uriBaseId: SRCROOT },
      roles: [config ? 'userSpecifiedConfiguration' : 'analysisTarget'],
      sourceLanguage: /\.md$/i.test(f.path) ? 'markdown' : 'yaml',
    };
  });
  const notifications: Json[] = [];
  const all: { finding: Finding; file: string; artifactIndex: number }[] = [];
  run.files.forEach((file, artifactIndex) => {
    if (file.failure) {
      notifications.push({
        level: 'error',
        message: { text: sentence(file.failure.message) },
        descriptor: { id: `dsalint/${file.failure.code}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(file.path), uriBaseId: SRCROOT, index: artifactIndex } } }],
      });
    }
    for (const finding of file.findings) all.push({ finding, file: file.path, artifactIndex });
  });

  let kept = all;
  if (all.length > maxResults) {
    const order = all.map((entry, i) => ({ i, p: priority(entry.finding) })).sort((a, b) => a.p - b.p || a.i - b.i);
    const keep = new Set(order.slice(0, maxResults).map((o) => o.i));
    kept = all.filter((_, i) => keep.has(i));
    notifications.push({
      level: 'warning',
      message: {
        text: `dsalint found ${all.length} results but GitHub code scanning accepts at most ${maxResults} in one run, so the ${all.length - maxResults} least severe were left out. Lint fewer agreements per run to see them all.`,
      },
      descriptor: { id: 'dsalint/truncated' },
    });
  }

  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            fullName: `${run.tool.name} ${run.tool.version}`,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            informationUri: run.tool.informationUri,
            rules: run.rules.map(ruleDescriptor),
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
          },
        ],
        results: kept.map(({ finding, file, artifactIndex }) => toResult(finding, file, artifactIndex, ruleIndex)),
        properties: { asOf: run.asOf },
      },
    ],
  };
}

export const sarif: Reporter = (run) => `${JSON.stringify(sarifLog(run), null, 2)}\n`;
