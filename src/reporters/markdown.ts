/**
 * The review report for a pull-request comment or the GitHub Actions job summary: per
 * agreement a verdict, a plain-English summary of what it allows, then findings grouped by
 * severity, each rule once with its law and how to fix it. Built as an mdast tree and
 * serialised by mdast-util-to-markdown (GFM for the table), so escaping is the library's.
 */
import type { BlockContent, Html, List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Agreement } from '../generated/agreement.js';
import type { FileResult, Finding, LintRun, RuleSummary } from '../core/types.js';
import { countFindings } from '../core/counts.js';
import { formatDate, logLine, revealHidden, summaryParagraph } from '../core/summary.js';
import type { Reporter } from './types.js';
import {
  GROUP_EXPLANATIONS,
  GROUP_TITLES,
  GROUPS,
  citationLabel,
  countFile,
  groupFindings,
  filesForPeople,
  agreementFiles,
  parsedOnce,
  isConfigFile,
  plural,
  ruleMap,
  verdictFor,
  waiverText,
  type Group,
  codeSpans,
  relatedPlace,
} from './shared.js';
import { renderedSection, rulesOnlyRun, type MarkdownSectionParts } from './sections.js';

export interface MarkdownOptions {
  /** Groups with more findings than this are collapsed in a <details> block. */
  readonly collapseAfter?: number;
  /** List at most this many findings per file (the rest are counted); for size limits. */
  readonly maxFindingsPerFile?: number;
  /** Leave out the per-agreement summaries (for size limits). */
  readonly summaries?: boolean;
}

const DEFAULT_COLLAPSE_AFTER = 5;

// ---------------------------------------------------------------------------------------
// Small node builders

// Every piece of text has its hidden characters shown: agreement text may hold bidirectional
// overrides or zero-width characters that would make the report read differently.
// Line breaks are never kept (a space in text, shown as [U+000A] in code): a break inside a
// code span or heading would let the rest of the line be read as raw HTML. `@name` gets a word joiner so a pull-request comment
// quoting an agreement never notifies anyone.
const text = (value: string): PhrasingContent => ({ type: 'text', value: withoutMentions(revealHidden(value).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value: logLine(value) });
/** A message, with its `code` spans as inline code. */
const message = (value: string): PhrasingContent[] => codeSpans(value).map((part) => (part.code ? code(part.value) : text(part.value)));
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });
const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, children: PhrasingContent[]): RootContent => ({ type: 'heading', depth, children });
const listItem = (children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
/** Raw HTML, only ever produced by hast-util-to-html (so its text is escaped). */
const html = (value: string): Html => ({ type: 'html', value });

/** `@name` at the start of a word, as GitHub would link it, with a word joiner after the `@`. */
export function withoutMentions(value: string): string {
  return value.replace(/(^|[^\w@])@(?=[A-Za-z0-9])/g, '$1@\u2060');
}

function details(summary: string, children: RootContent[], startOpen = false): RootContent[] {
  const head = toHtml(h('summary', withoutMentions(logLine(summary))));
  return [html(`<details${startOpen ? ' open' : ''}>\n${head}`), ...children, html('</details>')];
}

/** The rule's Markdown (its fix text) as mdast blocks. */
const blocksCache = new Map<string, BlockContent[]>();

function markdownBlocks(markdown: string): BlockContent[] {
  return parsedOnce(blocksCache, markdown, (text) =>
    fromMarkdown(text).children.filter((n): n is BlockContent => n.type !== 'definition' && n.type !== 'yaml' && n.type !== 'html'),
  );
}

function labelled(label: string, blocks: BlockContent[]): BlockContent[] {
  const [first, ...rest] = blocks;
  if (first?.type === 'paragraph') return [paragraph([strong(label), text(' '), ...first.children]), ...rest];
  return [paragraph([strong(label)]), ...blocks];
}

// ---------------------------------------------------------------------------------------
// Findings

function location(f: Finding): PhrasingContent[] {
  const { start } = f.location.range;
  const out: PhrasingContent[] = [strong(`Line ${start.line}, column ${start.column}`)];
  if (f.location.path) out.push(text(' '), code(f.location.path));
  return out;
}

function findingItem(f: Finding, group: Group): ListItem {
  const blocks: BlockContent[] = [paragraph([...location(f), ...message(`: ${f.message}`)])];
  const extra: ListItem[] = f.related.map((r) =>
    listItem([paragraph(message(`See also ${relatedPlace(r)}: ${r.message}`))]),
  );
  if (group === 'waived' && f.suppression) extra.push(listItem([paragraph([strong('Waived:'), text(` ${waiverText(f)}`)])]));
  if (extra.length) blocks.push(list(extra));
  return listItem(blocks);
}

function ruleItem(rule: RuleSummary | undefined, ruleId: string, findings: readonly Finding[], group: Group): ListItem {
  const title: PhrasingContent[] = rule ? [link(rule.helpUri, [strong(rule.title)]), text(' '), code(ruleId)] : [code(ruleId)];
  const blocks: BlockContent[] = [paragraph(title), list(findings.map((f) => findingItem(f, group)))];
  if (rule && group !== 'waived') {
    if (rule.citations.length) {
      const cites: PhrasingContent[] = [strong('Law and guidance:'), text(' ')];
      rule.citations.forEach((c, i) => {
        if (i > 0) cites.push(text('; '));
        cites.push(c.url ? link(c.url, [text(citationLabel(c))]) : text(citationLabel(c)));
      });
      blocks.push(paragraph(cites));
    }
    if (rule.fix) blocks.push(...labelled('How to fix:', markdownBlocks(rule.fix)));
  }
  return { ...listItem(blocks), spread: true };
}

function groupSection(run: LintRun, group: Group, findings: readonly Finding[], collapseAfter: number): RootContent[] {
  const rules = ruleMap(run);
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  const items = [...byRule].map(([id, fs]) => ruleItem(rules.get(id), id, fs, group));
  const body: RootContent[] = [paragraph([text(GROUP_EXPLANATIONS[group])]), { ...list(items), spread: true }];
  const title = `${GROUP_TITLES[group]} (${findings.length})`;
  if (findings.length > collapseAfter) {
    // Errors and points to review are what the reader must act on: folded, but open to start with.
    const open = group === 'error' || group === 'review';
    return [heading(4, [text(title)]), ...details(open ? `${plural(findings.length, 'finding')} (select to fold)` : `Show ${plural(findings.length, 'finding')}`, body, open)];
  }
  return [heading(4, [text(title)]), ...body];
}

// ---------------------------------------------------------------------------------------
// Files

// A file's section is made of four parts, each a run of top-level blocks that can be
// serialised on its own (see MarkdownSectionParts): head, summary, findings and notes.

/** Title and verdict, and why there is no summary when the file does not follow the format. */
function headBlocks(file: FileResult): RootContent[] {
  const agreement = file.agreement as Agreement | undefined;
  const config = isConfigFile(file);
  const title: PhrasingContent[] = [code(file.path)];
  if (agreement?.title) title.push(text(`: ${agreement.title}`));
  else if (config) title.push(text(' (dsalint configuration)'));
  const verdict = verdictFor(file);
  const out: RootContent[] = [heading(3, title), paragraph([strong(`${verdict.label}:`), text(` ${verdict.text}`)])];
  if (!agreement && !config && !file.failure) {
    out.push(paragraph([text('dsalint cannot summarise this agreement until it follows the dsalint format (see the errors below).')]));
  }
  return out;
}

/** What the agreement allows (shown with `summaries`). */
function summaryBlocks(file: FileResult): RootContent[] {
  const agreement = file.agreement as Agreement | undefined;
  return agreement ? [paragraph([strong('What it allows:'), text(` ${summaryParagraph(agreement)}`)])] : [];
}

/** The findings by group, at most `maxFindingsPerFile` of them, and how many are not listed. */
function findingBlocks(run: LintRun, file: FileResult, options: Required<MarkdownOptions>): RootContent[] {
  const out: RootContent[] = [];
  let findings = file.findings;
  let left = 0;
  if (findings.length > options.maxFindingsPerFile) {
    left = findings.length - options.maxFindingsPerFile;
    findings = findings.slice(0, options.maxFindingsPerFile);
  }
  const groups = groupFindings(findings);
  for (const group of GROUPS) {
    if (groups[group].length) out.push(...groupSection(run, group, groups[group], options.collapseAfter));
  }
  if (left) out.push(paragraph([text(`${plural(left, 'more finding is', 'more findings are')} not listed here; run dsalint on this file to see them all.`)]));
  return out;
}

function noteBlocks(file: FileResult): RootContent[] {
  return file.notes.length ? details(`Notes (${file.notes.length})`, [list(file.notes.map((n) => listItem([paragraph([text(n)])])))]) : [];
}

function fileSection(run: LintRun, file: FileResult, options: Required<MarkdownOptions>): RootContent[] {
  return [...headBlocks(file), ...(options.summaries ? summaryBlocks(file) : []), ...findingBlocks(run, file, options), ...noteBlocks(file)];
}

function countsTable(run: LintRun): Table {
  const header = ['Agreement', 'Verdict', 'Errors', 'Warnings', 'Needs review', 'Waived'];
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children });
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  const rows = filesForPeople(run).map((file) => {
    const c = countFile(file);
    return row([[code(file.path)], [text(verdictFor(file).label)], [text(String(c.error))], [text(String(c.warning))], [text(String(c.review))], [text(String(c.waived))]]);
  });
  return { type: 'table', align: ['left', 'left', 'right', 'right', 'right', 'right'], children: [row(header.map((h) => [text(h)])), ...rows] };
}

function headline(run: LintRun): PhrasingContent[] {
  const c = countFindings(run);
  const agreements = agreementFiles(run).length;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), `${plural(c.review, 'point')} to review`];
  const lead = c.error || c.failures ? '✖' : c.warning || c.review ? '⚠' : '✔';
  const extras: string[] = [];
  if (c.suppressed) extras.push(`${plural(c.suppressed, 'finding')} waived`);
  if (c.failures) extras.push(`${plural(c.failures, 'file')} could not be checked`);
  return [
    strong(`${lead} ${parts.join(', ')}`),
    text(` in ${plural(agreements, 'agreement')}${extras.length ? ` (${extras.join('; ')})` : ''}. Judged as of ${formatDate(run.asOf)} by `),
    link(run.tool.informationUri, [text(`${run.tool.name} ${run.tool.version}`)]),
    text('.'),
  ];
}

/** The report's opening: title, headline and, for several files, the table of verdicts. */
function headerNodes(run: LintRun): RootContent[] {
  const children: RootContent[] = [heading(2, [text('dsalint review of data sharing agreements')]), paragraph(headline(run))];
  if (run.files.length > 1) children.push(countsTable(run));
  if (run.files.length === 0) children.push(paragraph([text('No agreement files were found.')]));
  return children;
}

function resolveOptions(options: MarkdownOptions): Required<MarkdownOptions> {
  return {
    collapseAfter: options.collapseAfter ?? DEFAULT_COLLAPSE_AFTER,
    maxFindingsPerFile: options.maxFindingsPerFile ?? Number.POSITIVE_INFINITY,
    summaries: options.summaries ?? true,
  };
}

export function markdownTree(run: LintRun, options: MarkdownOptions = {}): Root {
  const opts = resolveOptions(options);
  return { type: 'root', children: [...headerNodes(run), ...filesForPeople(run).flatMap((file) => fileSection(run, file, opts))] };
}

let toMarkdownOptions: ToMarkdownOptions | undefined;

/** The serialiser's options, made on first use: the GFM extension is not built by a run that draws no Markdown. */
function markdownOptions(): ToMarkdownOptions {
  return (toMarkdownOptions ??= {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    listItemIndent: 'one',
    emphasis: '_',
    strong: '*',
    fences: true,
    rule: '-',
  });
}

/** Blocks serialised on their own, without the final newline: sections join with a blank line. */
function serialise(children: RootContent[]): string {
  return toMarkdown({ type: 'root', children }, markdownOptions()).replace(/\n$/, '');
}

/**
 * The report, serialised one file's section at a time (a file section starts with a heading,
 * so sections join with a blank line exactly as in one tree), never holding the whole tree.
 */
export function markdownReport(run: LintRun, options: MarkdownOptions = {}): string {
  return markdownReportWithin(run, options, Number.POSITIVE_INFINITY)!;
}

const headers = new WeakMap<LintRun, string>();

/** The report's opening, serialised once per run: the job summary tries several sizes, and its table has a row per file. */
function serialisedHeader(run: LintRun): string {
  let header = headers.get(run);
  if (header === undefined) headers.set(run, (header = serialise(headerNodes(run))));
  return header;
}

/** The report if it fits in `maxBytes` (UTF-8), else undefined, found without rendering the rest. */
export function markdownReportWithin(run: LintRun, options: MarkdownOptions, maxBytes: number): string | undefined {
  const files = filesForPeople(run);
  const header = serialisedHeader(run);
  const opts = resolveOptions(options);
  // Each file's section as the workers drew it, put together once and used by both passes.
  const drawn = files.map((file) => drawnSection(file, opts));
  // The sections the workers drew already show whether it can fit: then nothing is serialised here.
  let known = Buffer.byteLength(header) + 1;
  for (const part of Number.isFinite(maxBytes) ? drawn : []) {
    if (part !== undefined) known += Buffer.byteLength(part) + 2;
    if (known > maxBytes) return undefined;
  }
  const parts = [header];
  let bytes = Buffer.byteLength(header) + 1;
  for (const [index, file] of files.entries()) {
    const part = drawn[index] ?? serialise(fileSection(run, file, opts));
    bytes += Buffer.byteLength(part) + 2;
    if (bytes > maxBytes) return undefined;
    parts.push(part);
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The job summary's attempts, largest first (src/action/main.ts): it uses the first that fits
 * GitHub's limit, each listing fewer findings per file than the one before.
 */
export const SUMMARY_ATTEMPTS: readonly MarkdownOptions[] = [{}, { maxFindingsPerFile: 50 }, { maxFindingsPerFile: 10, summaries: false }, { maxFindingsPerFile: 0, summaries: false }];

const findingsKey = (file: FileResult, options: Required<MarkdownOptions>): string => (file.findings.length <= options.maxFindingsPerFile ? 'all' : String(options.maxFindingsPerFile));

/**
 * One file's section in the parts these report options need, with the default collapsing
 * (rendered on a worker). By default, the parts of the plain report.
 */
export function markdownSection(rules: readonly RuleSummary[], file: FileResult, attempts: readonly MarkdownOptions[] = [{}]): MarkdownSectionParts {
  const run = rulesOnlyRun(rules);
  const wanted = attempts.map(resolveOptions).filter((o) => o.collapseAfter === DEFAULT_COLLAPSE_AFTER);
  const findings: Record<string, string> = {};
  for (const options of wanted) findings[findingsKey(file, options)] ??= serialise(findingBlocks(run, file, options));
  return {
    head: serialise(headBlocks(file)),
    ...(wanted.some((o) => o.summaries) ? { summary: serialise(summaryBlocks(file)) } : {}),
    findings,
    notes: serialise(noteBlocks(file)),
  };
}

/**
 * The file's section for these options put together from the parts a worker drew, or
 * undefined when there are none or they were not drawn for these options.
 */
export function drawnSection(file: FileResult, options: MarkdownOptions): string | undefined {
  const opts = resolveOptions(options);
  const parts = opts.collapseAfter === DEFAULT_COLLAPSE_AFTER ? renderedSection(file, 'markdown') : undefined;
  const findings = parts?.findings[findingsKey(file, opts)];
  if (!parts || findings === undefined || (opts.summaries && parts.summary === undefined)) return undefined;
  return [parts.head, opts.summaries ? parts.summary! : '', findings, parts.notes].filter((part) => part !== '').join('\n\n');
}

/**
 * Which of a report's attempts could still fit in `limit` bytes, from the sections drawn so
 * far: once the sections of some files already pass the limit for an attempt, that attempt
 * cannot fit, so the workers need not draw its parts for the files still to come (and
 * `markdownReportWithin` rejects it from the drawn sections alone).
 */
export class AttemptsInReach {
  private readonly bytes: number[];
  constructor(
    private readonly attempts: readonly MarkdownOptions[],
    private readonly limit: number,
  ) {
    this.bytes = attempts.map(() => 0);
  }

  /** The attempts still in reach: what to draw the next files' sections for. */
  inReach(): MarkdownOptions[] {
    return this.attempts.filter((_, i) => this.bytes[i]! <= this.limit);
  }

  /** Count a file's drawn section (after rememberSection). */
  add(file: FileResult): void {
    this.attempts.forEach((options, i) => {
      const drawn = drawnSection(file, options);
      if (drawn !== undefined) this.bytes[i]! += Buffer.byteLength(drawn) + 2;
    });
  }
}

export const markdown: Reporter = (run) => markdownReport(run);
