// Types of the dsalint package (bin/dsalint.js), generated from src/core/types.ts and src/api.ts by `npm run generate`. Do not edit.

export type Severity = 'error' | 'warning' | 'info';
/**
 * `problem`: the agreement is wrong as written. `review`: a judgement a Caldicott Guardian
 * or DPO must make; dsalint cannot decide it (SARIF `kind: review`).
 */
export type FindingKind = 'problem' | 'review';
/** 1-based line and column. Columns count UTF-16 code units (SARIF `utf16CodeUnits`). */
export interface Position {
  readonly line: number;
  readonly column: number;
}
/** A span of a file. `end` is exclusive. Offsets are UTF-16 indices into the file text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
  readonly startOffset: number;
  readonly endOffset: number;
}
/** Where a finding points: a range, and the agreement path when it is inside the YAML. */
export interface Location {
  /** Dotted path into the agreement, such as `flows[0].access.mode`; empty for the root. */
  readonly path?: string;
  readonly range: Range;
}
export interface RelatedLocation extends Location {
  readonly message: string;
  /** The file it is in, when that is not the finding's own file (checks across agreements). */
  readonly file?: string;
}
export interface Suppression {
  /** `inline`: a `dsalint-disable-next-line` comment; `config`: a `waivers:` entry. */
  readonly source: 'inline' | 'config';
  readonly reason: string;
  readonly approvedBy?: string;
  readonly expires?: string;
  /** Where the waiver is written (file and range), for reports. */
  readonly file?: string;
  readonly range?: Range;
}
/** Where a finding in a Markdown body sits for someone reading the document: its clause, heading and sentence. */
export interface Excerpt {
  /** The clause number it is in, such as "4.1". */
  readonly clause?: string;
  /** The heading it sits under, such as "4. Retention". */
  readonly heading?: string;
  /** The sentence, as the document words it. */
  readonly quote: string;
}
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly kind: FindingKind;
  readonly message: string;
  readonly location: Location;
  readonly related: readonly RelatedLocation[];
  /** Stable across unrelated edits: rule, file and the id-based path, hashed. */
  readonly fingerprint: string;
  readonly suppression?: Suppression;
  /** The finding as a request a reviewer can send, when the rule words one (its message's `request`). */
  readonly request?: string;
  /** For a finding in the text of a Markdown agreement: the clause and words it is about. */
  readonly excerpt?: Excerpt;
}
/** A file dsalint could not lint at all: unreadable, binary, too large, not UTF-8. */
export interface FileFailure {
  readonly code: 'unreadable' | 'binary' | 'too-large' | 'invalid-utf8' | 'internal';
  readonly message: string;
}
export interface FileResult {
  /** Path relative to the run's root, with forward slashes. */
  readonly path: string;
  readonly findings: readonly Finding[];
  readonly failure?: FileFailure;
  /** Notes about the run of this file, such as domain checks skipped. */
  readonly notes: readonly string[];
  /** The agreement as parsed, when it passed the schema; reports summarise it. */
  readonly agreement?: unknown;
  /** What the checks across agreements and the register know of the agreement, when it passed the schema. */
  readonly record?: unknown;
  /** A folder, or a path given, that could not be read: a failure, not counted as an agreement. */
  readonly folder?: true;
  /** A config file's result: findings about its waivers. It is not an agreement. */
  readonly config?: true;
}
/** A legal or guidance source a rule rests on, for reports (the same fields as a rule's citations). */
export interface RuleCitation {
  /** The instrument: "UK GDPR", "Data Protection Act 2018", "ICO Data Sharing Code". */
  readonly instrument: string;
  /** Article, section, paragraph or principle: "Art 5(1)(c)". */
  readonly provision?: string;
  /** A public page where it can be read. */
  readonly url?: string;
  /** Not confirmed in a primary source: reports must word it carefully. */
  readonly unverified?: boolean;
}
export interface RuleSummary {
  readonly id: string;
  /** The rule's rank (`meta.importance`): lower is more important, and listed first. */
  readonly importance: number;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly kind: FindingKind;
  readonly tags: readonly string[];
  readonly presets: readonly string[];
  readonly helpMarkdown: string;
  readonly helpText: string;
  readonly helpUri: string;
  /** How to put a finding right, in plain English (Markdown, the rule's `meta.fix`). */
  readonly fix: string;
  /** The law and guidance the rule rests on. */
  readonly citations: readonly RuleCitation[];
}
export interface LintRun {
  readonly tool: { readonly name: string; readonly version: string; readonly informationUri: string };
  /** The date rules were judged on (YYYY-MM-DD). */
  readonly asOf: string;
  readonly files: readonly FileResult[];
  /** Every registered rule, in registry order: SARIF needs them all, with stable indices. */
  readonly rules: readonly RuleSummary[];
  /** `--base <ref>`: the commit compared with, and the agreements the change adds or deletes. */
  readonly base?: BaseInfo;
}
export interface BaseInfo {
  readonly ref: string;
  readonly commit: string;
  /** Agreements that existed at the base and are gone (display paths). */
  readonly deleted: readonly string[];
  /** Agreements new in the change (display paths); linted, with nothing to compare them with. */
  readonly added: readonly string[];
  /** Every agreement linted that the change added or changed (display paths). */
  readonly changed: readonly string[];
}
export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly review: number;
  readonly suppressed: number;
  readonly failures: number;
}

export type Format = 'stylish' | 'json' | 'sarif' | 'markdown' | 'html' | 'github' | 'junit' | 'review' | 'review-html';
export declare const FORMATS: readonly Format[];
export type FailOn = Severity | 'never';
export interface LintOptions {
  /** The folder paths are relative to, and reports are written relative to (default: the current folder). */
  readonly cwd?: string;
  /** One config file for every agreement, instead of finding `.dsalint.yaml` beside each. */
  readonly config?: string;
  /** Judge dates as of this day (YYYY-MM-DD) instead of today. */
  readonly asOf?: string;
  /** Worker threads (default one per core for large runs; 1 for none). */
  readonly jobs?: number;
  /** false: no .gitignore, .dsalintignore, ignore patterns or config `ignore`. */
  readonly ignore?: boolean;
  /** More files to leave out, gitignore-style, relative to `cwd`. */
  readonly ignorePatterns?: readonly string[];
  /** The lowest severity that makes `exitCode` 1 (default error). */
  readonly failOn?: FailOn;
}
export interface LintResult extends LintRun {
  /** Findings by group; waived findings are counted only as `suppressed`. */
  readonly counts: Counts;
  /** What `dsalint lint` would exit with: 0 clean, 1 findings at or above `failOn`, 2 a file could not be linted or none was found. */
  readonly exitCode: 0 | 1 | 2;
}
/** Lint files, folders or globs. A bad config rejects with an error naming its file:line:column. */
export declare function lint(paths: string | readonly string[], options?: LintOptions): Promise<LintResult>;
/** A report of a run in one of the CLI's formats, byte for byte what `dsalint lint -f <format>` writes. */
export declare function report(run: LintRun, format: Format, options?: { readonly color?: boolean; readonly quiet?: boolean }): string;
