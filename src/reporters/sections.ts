/**
 * Report sections rendered where the file was linted: the Markdown and HTML reports spend
 * most of their time drawing each agreement's section, which depends only on that file's
 * result and the rules, so a worker draws it beside the lint and the report puts the
 * sections together. A section is used only for the very result it was drawn from.
 */
import type { FileResult, LintRun, RuleSummary } from '../core/types.js';

/**
 * One file's section in parts, each serialised on its own, from which its section for any of
 * the attempts it was drawn for is put together by joining the parts with a blank line: they
 * are blocks at the top level, which the serialiser joins with a blank line (no two lists or
 * code blocks meet between parts). tests/parallel.test.ts checks they give the section as
 * serialised whole (markdownSection, src/reporters/markdown.ts).
 */
export interface MarkdownSectionParts {
  readonly head: string;
  /** What the agreement allows, when an attempt shows it. */
  readonly summary?: string;
  /** The findings part by cap on findings (`all` when the file is within the cap). */
  readonly findings: Readonly<Record<string, string>>;
  readonly notes: string;
}

/** What a worker draws for each format: the HTML section, or the Markdown section in parts (for the job summary's shorter attempts). */
export interface DrawnSections {
  readonly markdown: MarkdownSectionParts;
  readonly html: string;
}

export type SectionFormat = keyof DrawnSections;

const sections = new WeakMap<FileResult, { readonly format: SectionFormat; readonly findings: FileResult['findings']; readonly drawn: DrawnSections[SectionFormat] }>();

export function rememberSection<F extends SectionFormat>(file: FileResult, format: F, drawn: DrawnSections[F]): void {
  sections.set(file, { format, findings: file.findings, drawn });
}

/** A copy of a file's result (one that adds its record, say) keeps the section drawn for it while its findings are the same. */
export function carrySection(from: FileResult, to: FileResult): void {
  const section = sections.get(from);
  if (section) sections.set(to, section);
}

export function renderedSection<F extends SectionFormat>(file: FileResult, format: F): DrawnSections[F] | undefined {
  const section = sections.get(file);
  return section && section.format === format && section.findings === file.findings ? (section.drawn as DrawnSections[F]) : undefined;
}

const runs = new WeakMap<readonly RuleSummary[], LintRun>();

/** A run that holds only the rules: what a section needs to look rules up. */
export function rulesOnlyRun(rules: readonly RuleSummary[]): LintRun {
  let run = runs.get(rules);
  if (!run) runs.set(rules, (run = { tool: { name: '', version: '', informationUri: '' }, asOf: '', files: [], rules }));
  return run;
}
