/**
 * `dsalint diff`: the meaning-level change list between two versions of agreements, each
 * change located in both, rendered as text, JSON or Markdown. Also the shared step of
 * reading one version (a file, or a file at a git ref) into parsed data with a locator.
 */
import { resolve } from 'node:path';
import { parseYaml } from './parse.js';
import { AgreementLocator, formatPath } from './locate.js';
import { DEFAULT_MAX_FILE_SIZE } from './config.js';
import { decodeAgreement, readAgreementFile, type AgreementSource } from './source.js';
import { diffAgreements, CHANGE_CLASSES, type Change, type ChangeClass } from './diff.js';
import { changesUnder, readAtBase, snapshotBase, type BaseSnapshot } from './git.js';
import { displayPath } from './run.js';
import type { Range } from './types.js';
import type { List, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { revealHidden } from './summary.js';

/** One version of an agreement, read and parsed. */
export interface ReadVersion {
  /** How messages name it: `agreements/x.dsa.yaml` or `main:agreements/x.dsa.yaml`. */
  readonly label: string;
  readonly source: AgreementSource;
  readonly data: unknown;
  readonly locator: AgreementLocator;
}

/** A version that cannot be compared: the reason, with file:line:column where there is one. */
export class VersionError extends Error {}

/** Parse a version already read; a VersionError (located) when it is not a YAML mapping. */
export function parseVersion(source: AgreementSource, label: string): ReadVersion {
  const parsed = parseYaml(source.yamlText);
  const where = (yamlOffset: number): string => {
    const at = source.locator.position(source.yamlOffset + yamlOffset);
    return `${label}:${at.line}:${at.column}`;
  };
  const error = parsed.errors[0];
  if (error) throw new VersionError(`${where(error.pos[0])}: not valid YAML (${error.message.split('\n')[0]}), so it cannot be compared.`);
  if (parsed.tooDeep) throw new VersionError(`${where(parsed.tooDeep[0])}: nested too deeply to read, so it cannot be compared.`);
  if (source.kind === 'markdown' && !source.hasFrontMatter) throw new VersionError(`${label}:1:1: this Markdown file has no front matter (--- ... ---), so there is no agreement to compare.`);
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new VersionError(`${label}:1:1: not an agreement (the YAML is not a mapping of keys to values), so it cannot be compared.`);
  return { label, source, data, locator: new AgreementLocator(parsed.document, source.yamlText, source.yamlOffset, source.locator) };
}

export async function readVersionFile(cwd: string, file: string): Promise<ReadVersion> {
  const absolute = resolve(cwd, file);
  const display = displayPath(cwd, absolute);
  const read = await readAgreementFile(absolute, display, DEFAULT_MAX_FILE_SIZE);
  if ('failure' in read) throw new VersionError(read.failure.message);
  return parseVersion(read.source, display);
}

async function readVersionAtBase(base: BaseSnapshot, repoPath: string, display: string): Promise<ReadVersion> {
  const label = `${base.ref}:${display}`;
  const bytes = await readAtBase(base, repoPath, DEFAULT_MAX_FILE_SIZE);
  if (!bytes) throw new VersionError(`${label}: not found at ${base.ref}.`);
  const read = await decodeAgreement(bytes, label);
  if ('failure' in read) throw new VersionError(read.failure.message);
  return parseVersion({ ...read.source, path: display }, label);
}

export interface LocatedChange {
  readonly class: ChangeClass;
  readonly what: string;
  readonly before?: { readonly path: string; readonly range: Range };
  readonly after?: { readonly path: string; readonly range: Range };
}

export interface FileDiff {
  /** The agreement, named as in the later version (or the earlier, when deleted). */
  readonly path: string;
  readonly status: 'modified' | 'added' | 'deleted';
  readonly beforeLabel?: string;
  readonly afterLabel?: string;
  readonly changes: readonly LocatedChange[];
}

export interface DiffReport {
  readonly files: readonly FileDiff[];
  /** Files that could not be compared, each with a located reason. */
  readonly problems: readonly string[];
}

function locateChange(change: Change, before: ReadVersion, after: ReadVersion): LocatedChange {
  return {
    class: change.class,
    what: change.what,
    before: { path: formatPath(change.before), range: before.locator.rangeOfPath(change.before) },
    after: { path: formatPath(change.after), range: after.locator.rangeOfPath(change.after) },
  };
}

/** Changes between two read versions, each located in both, broadening first then by place in the later version. */
export function compareVersions(before: ReadVersion, after: ReadVersion): FileDiff {
  const rank: Record<ChangeClass, number> = { broadening: 0, narrowing: 1, neutral: 2 };
  const changes = diffAgreements(before.data, after.data)
    .map((c) => locateChange(c, before, after))
    .sort((x, y) => rank[x.class] - rank[y.class] || x.after!.range.startOffset - y.after!.range.startOffset || x.before!.range.startOffset - y.before!.range.startOffset);
  return { path: after.source.path, status: 'modified', beforeLabel: before.label, afterLabel: after.label, changes };
}

export async function diffFiles(cwd: string, oldFile: string, newFile: string): Promise<DiffReport> {
  const [before, after] = await Promise.all([readVersionFile(cwd, oldFile), readVersionFile(cwd, newFile)]);
  return { files: [compareVersions(before, after)], problems: [] };
}

/** Every agreement under `paths` that changed since `ref`, compared with its version there. */
export async function diffAgainstBase(cwd: string, ref: string, paths: readonly string[]): Promise<DiffReport> {
  const base = await snapshotBase(cwd, ref);
  const files: FileDiff[] = [];
  const problems: string[] = [];
  const changed = changesUnder(base, paths, cwd);
  for (const change of changed) {
    const display = displayPath(cwd, change.absolute);
    if (change.status === 'added') {
      files.push({ path: display, status: 'added', afterLabel: display, changes: [{ class: 'broadening', what: 'adds this agreement: everything in it is new and needs sign-off' }] });
      continue;
    }
    if (change.status === 'deleted') {
      files.push({ path: display, status: 'deleted', beforeLabel: `${ref}:${display}`, changes: [{ class: 'narrowing', what: 'deletes this agreement: the sharing it allowed ends' }] });
      continue;
    }
    try {
      const [before, after] = await Promise.all([readVersionAtBase(base, change.repoPath, display), readVersionFile(cwd, change.absolute)]);
      files.push(compareVersions(before, after));
    } catch (error) {
      if (!(error instanceof VersionError)) throw error;
      problems.push(error.message);
    }
  }
  return { files, problems };
}

function counts(changes: readonly LocatedChange[]): Record<ChangeClass, number> {
  const out: Record<ChangeClass, number> = { broadening: 0, narrowing: 0, neutral: 0 };
  for (const c of changes) out[c.class]++;
  return out;
}

function where(l: LocatedChange['before']): string {
  return l ? `${l.range.start.line}:${l.range.start.column}` : '-';
}

export function diffText(report: DiffReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    const heading =
      file.status === 'added' ? `${file.path} (new)` : file.status === 'deleted' ? `${file.path} (deleted)` : `${file.path} (compared with ${file.beforeLabel})`;
    out.push(heading);
    const rows = file.changes.map((c) => ({ cls: c.class, place: c.after || c.before ? `${where(c.after)} (was ${where(c.before)})` : '', what: c.what }));
    const placeWidth = Math.max(0, ...rows.map((r) => r.place.length));
    for (const r of rows) out.push(`  ${r.cls.padEnd(10)}  ${r.place.padEnd(placeWidth)}  ${r.what}`.replace(/\s+$/, ''));
    if (rows.length === 0) out.push('  no changes in meaning');
    out.push('');
  }
  const total = counts(report.files.flatMap((f) => f.changes));
  out.push(`${total.broadening} broadening, ${total.narrowing} narrowing, ${total.neutral} neutral ${total.neutral === 1 ? 'change' : 'changes'} in ${report.files.length} ${report.files.length === 1 ? 'agreement' : 'agreements'}.`);
  return `${out.join('\n')}\n`;
}

export const DIFF_REPORT_VERSION = 1;

export function diffJson(report: DiffReport): string {
  const place = (l: LocatedChange['before']): unknown =>
    l ? { path: l.path, range: { start: { line: l.range.start.line, column: l.range.start.column }, end: { line: l.range.end.line, column: l.range.end.column } } } : null;
  const body = {
    version: DIFF_REPORT_VERSION,
    summary: counts(report.files.flatMap((f) => f.changes)),
    files: report.files.map((f) => ({
      path: f.path,
      status: f.status,
      before: f.beforeLabel ?? null,
      after: f.afterLabel ?? null,
      changes: f.changes.map((c) => ({ class: c.class, what: c.what, before: place(c.before), after: place(c.after) })),
    })),
    problems: report.problems,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const CLASS_TITLES: Record<ChangeClass, string> = { broadening: 'Widens the sharing', narrowing: 'Narrows the sharing', neutral: 'Wording and record-keeping' };

/** Markdown built as an mdast tree and serialised by mdast-util-to-markdown, so agreement text is escaped by the library. */
export function diffMarkdown(report: DiffReport): string {
  const text = (value: string): PhrasingContent => ({ type: 'text', value: revealHidden(value) });
  const children: RootContent[] = [{ type: 'heading', depth: 2, children: [text('What changed in meaning')] }];
  const total = counts(report.files.flatMap((f) => f.changes));
  children.push({ type: 'paragraph', children: [text(`${total.broadening} broadening, ${total.narrowing} narrowing and ${total.neutral} neutral changes in ${report.files.length} agreements.`)] });
  for (const file of report.files) {
    children.push({ type: 'heading', depth: 3, children: [{ type: 'inlineCode', value: revealHidden(file.path) }, ...(file.status === 'modified' ? [] : [text(` (${file.status})`)])] });
    for (const cls of CHANGE_CLASSES) {
      const items = file.changes.filter((c) => c.class === cls);
      if (items.length === 0) continue;
      children.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(CLASS_TITLES[cls])] }] });
      const list: List = { type: 'list', ordered: false, spread: false, children: [] };
      for (const c of items) {
        const place = c.after || c.before ? ` (line ${c.after?.range.start.line ?? '-'}; was line ${c.before?.range.start.line ?? '-'})` : '';
        list.children.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(`${c.what}${place}`)] }] });
      }
      children.push(list);
    }
    if (file.changes.length === 0) children.push({ type: 'paragraph', children: [text('No changes in meaning.')] });
  }
  for (const problem of report.problems) children.push({ type: 'paragraph', children: [text(`Not compared: ${problem}`)] });
  const root: Root = { type: 'root', children };
  return toMarkdown(root);
}
