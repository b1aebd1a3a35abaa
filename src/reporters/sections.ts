/**
 * Report sections rendered where the file was linted: the Markdown and HTML reports spend
 * most of their time drawing each agreement's section, which depends only on that file's
 * result and the rules, so a worker draws it beside the lint and the report puts the
 * sections together. A section is used only for the very result it was drawn from.
 */
import type { FileResult, LintRun, RuleSummary } from '../core/types.js';

export type SectionFormat = 'markdown' | 'html';

const sections = new WeakMap<FileResult, { readonly format: SectionFormat; readonly findings: FileResult['findings']; readonly text: string }>();

export function rememberSection(file: FileResult, format: SectionFormat, text: string): void {
  sections.set(file, { format, findings: file.findings, text });
}

export function renderedSection(file: FileResult, format: SectionFormat): string | undefined {
  const section = sections.get(file);
  return section && section.format === format && section.findings === file.findings ? section.text : undefined;
}

const runs = new WeakMap<readonly RuleSummary[], LintRun>();

/** A run that holds only the rules: what a section needs to look rules up. */
export function rulesOnlyRun(rules: readonly RuleSummary[]): LintRun {
  let run = runs.get(rules);
  if (!run) runs.set(rules, (run = { tool: { name: '', version: '', informationUri: '' }, asOf: '', files: [], rules }));
  return run;
}
