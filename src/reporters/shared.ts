/**
 * What the people-facing reports (markdown, html, github, junit) share: how findings are
 * grouped, what each group is called, the verdict on an agreement, and citations in words.
 * Pure data in, data out: each reporter decides how to draw it.
 */
import type { FileResult, Finding, LintRun, RelatedLocation, RuleCitation, RuleSummary } from '../core/types.js';

/** The groups a reader sees, in the order they see them. */
export type Group = 'error' | 'warning' | 'review' | 'info' | 'waived';
export const GROUPS: readonly Group[] = ['error', 'warning', 'review', 'info', 'waived'];

export const GROUP_TITLES: Record<Group, string> = {
  error: 'Errors',
  warning: 'Warnings',
  review: 'Needs review',
  info: 'Information',
  waived: 'Waived',
};

/** One finding's label, for a list item ("Error", "Needs review"). */
export const GROUP_LABELS: Record<Group, string> = {
  error: 'Error',
  warning: 'Warning',
  review: 'Needs review',
  info: 'Information',
  waived: 'Waived',
};

export const GROUP_EXPLANATIONS: Record<Group, string> = {
  error: 'These must be fixed before the agreement is signed.',
  warning: 'These should be fixed, or the reason for leaving them recorded.',
  review: 'dsalint cannot decide these: the Caldicott Guardian or Data Protection Officer should.',
  info: 'For information; nothing needs to change.',
  waived: 'Someone accepted these on purpose; the reason they gave is shown with each.',
};

export function groupOf(f: Finding): Group {
  if (f.suppression) return 'waived';
  if (f.kind === 'review') return 'review';
  return f.severity;
}

export function groupFindings(findings: readonly Finding[]): Record<Group, Finding[]> {
  const out: Record<Group, Finding[]> = { error: [], warning: [], review: [], info: [], waived: [] };
  for (const f of findings) out[groupOf(f)].push(f);
  return out;
}

export interface FileCounts {
  readonly error: number;
  readonly warning: number;
  readonly review: number;
  readonly info: number;
  readonly waived: number;
}

export function countFile(file: FileResult): FileCounts {
  const g = groupFindings(file.findings);
  return { error: g.error.length, warning: g.warning.length, review: g.review.length, info: g.info.length, waived: g.waived.length };
}

export type VerdictKind = 'not-checked' | 'blocking' | 'review' | 'clean';

export interface Verdict {
  readonly kind: VerdictKind;
  /** "Blocking problems", "Points to review", "Clean", "Not checked". */
  readonly label: string;
  /** One sentence a GP can act on. */
  readonly text: string;
}

/** The date the run judged by, for every report: two runs on different days can differ. */
export function judged(run: LintRun): string {
  return `Dates judged as of ${run.asOf}.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The verdict on one file: blocking problems, points to review, or clean. */
export function verdictFor(file: FileResult): Verdict {
  if (file.failure) return { kind: 'not-checked', label: 'Not checked', text: `dsalint could not check this file: ${file.failure.message}` };
  const c = countFile(file);
  const waived = c.waived ? ` ${plural(c.waived, 'finding was', 'findings were')} waived.` : '';
  if (c.error) {
    const more = [c.warning ? plural(c.warning, 'warning') : '', c.review ? plural(c.review, 'point') + ' to review' : ''].filter(Boolean);
    return {
      kind: 'blocking',
      label: 'Blocking problems',
      text: `${plural(c.error, 'problem')} must be fixed before this agreement is signed${more.length ? ` (also ${more.join(' and ')})` : ''}.${waived}`,
    };
  }
  if (c.warning || c.review) {
    const parts = [c.warning ? plural(c.warning, 'warning') : '', c.review ? `${plural(c.review, 'point')} for the Caldicott Guardian or DPO to decide` : ''].filter(Boolean);
    return { kind: 'review', label: 'Points to review', text: `No blocking problems, but ${parts.join(' and ')}.${waived}` };
  }
  return { kind: 'clean', label: 'Clean', text: `dsalint found no problems${c.info ? ` (${plural(c.info, 'note')} for information)` : ''}.${waived}` };
}

/** A config file's result (findings about its waivers), as the run marked it: not an agreement. */
export function isConfigFile(file: FileResult): boolean {
  return file.config === true;
}

/** The results that are agreements. */
export function agreementFiles(run: LintRun): readonly FileResult[] {
  return run.files.filter((f) => !isConfigFile(f) && !f.folder);
}

/** Files in reading order for people: agreements first, config files (waiver findings) last. */
export function filesForPeople(run: LintRun): readonly FileResult[] {
  return [...agreementFiles(run), ...run.files.filter((f) => f.folder), ...run.files.filter(isConfigFile)];
}

const ruleMaps = new WeakMap<LintRun, ReadonlyMap<string, RuleSummary>>();

/** Rules by id, built once per run however many sections ask. */
export function ruleMap(run: LintRun): ReadonlyMap<string, RuleSummary> {
  let map = ruleMaps.get(run);
  if (!map) ruleMaps.set(run, (map = new Map(run.rules.map((r) => [r.id, r]))));
  return map;
}

/**
 * A parse of Markdown text, done once per distinct text: each rule's fix text appears under
 * every finding of that rule. The cache holds one entry per rule; callers get a copy, so no
 * report can change another's tree.
 */
export function parsedOnce<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  let parsed = cache.get(text);
  if (parsed === undefined) cache.set(text, (parsed = parse(text)));
  return structuredClone(parsed);
}

/** "UK GDPR Art 5(1)(c)", with a caution when the source was not confirmed. */
export function citationLabel(c: RuleCitation): string {
  return `${c.instrument}${c.provision ? ` ${c.provision}` : ''}${c.unverified ? ' (not confirmed in a primary source)' : ''}`;
}

/** Markdown to plain text for places that cannot show Markdown (annotations, JUnit). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .trim();
}

/** How a waiver reads: the reason, who approved it and when it expires. */
export function waiverText(f: Finding): string {
  const s = f.suppression;
  if (!s) return '';
  const bits = [s.reason.trim().replace(/\.+$/, '')];
  if (s.approvedBy) bits.push(`approved by ${s.approvedBy}`);
  if (s.expires) bits.push(`until ${s.expires}`);
  const where = s.source === 'inline' ? 'a comment in the agreement' : s.file ? `${s.file}${s.range ? ` line ${s.range.start.line}` : ''}` : 'the config file';
  return `${bits.join('; ')} (waived in ${where})`;
}

/**
 * A message split into plain text and `code` spans: messages name keys and values in
 * backticks, which reports for people render as code rather than as literal backticks.
 */
export function codeSpans(message: string): { readonly code: boolean; readonly value: string }[] {
  const parts: { code: boolean; value: string }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of message.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, value: message.slice(last, match.index) });
    parts.push({ code: true, value: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ code: false, value: message.slice(last) });
  return parts;
}

/** Where a related location is, for people: "line 4, column 9", with its file when it is another file. */
export function relatedPlace(r: RelatedLocation): string {
  const at = `line ${r.range.start.line}, column ${r.range.start.column}`;
  return r.file ? `${r.file}, ${at}` : at;
}
