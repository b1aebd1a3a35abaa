/**
 * Report sections rendered where the file was linted: the Markdown and HTML reports spend
 * most of their time drawing each agreement's section, which depends only on that file's
 * result and the rules, so a worker draws it beside the lint and the report puts the
 * sections together. A section is used only for the very result it was drawn from.
 */
import type { FileResult, LintRun, RuleSummary } from '../core/types.js';
import type { MarkdownSectionParts } from './markdown.js';

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
