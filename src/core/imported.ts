/**
 * How an agreement made by `dsalint import` is judged. Its body is the text the parties sign;
 * its front matter is a draft that holds only what the import could read with confidence.
 * So a fact simply missing from the draft is not a finding key by key (ten "add a `breach`
 * section" complaints would drown the reviewer): prose-topic-missing reports, once per topic,
 * what the text never addresses, and the structural rules report only what the draft states.
 */
import type { Agreement } from '../generated/agreement.js';
import type { Excerpt, Finding } from './types.js';
import type { AgreementSource } from './source.js';
import { clauseAt } from './prose.js';

/**
 * The messages that only say a fact is absent from the structured part. On an imported
 * agreement they are left to the text (tests/import/judging.test.ts checks each id exists).
 */
export const ABSENT_FACT_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  'agreement-expired-or-no-term': ['no-term'],
  'article6-basis-missing-or-invalid': ['missing'],
  'article9-without-dpa-schedule1-condition': ['missing'],
  'breach-clause-missing': ['missing', 'no-contact', 'no-owner'],
  'breach-notification-window': ['missing'],
  'caldicott-signoff-missing': ['none'],
  'cohort-undefined': ['no-population', 'no-scope', 'no-criteria', 'no-vital-status'],
  'common-law-basis-missing': ['missing'],
  'data-without-purpose': ['no-purposes', 'no-justification'],
  'disposal-method-missing': ['no-disposal', 'no-termination-disposal'],
  'dpia-missing-or-stale': ['missing'],
  'dpo-review-missing': ['dpo-none', 'siro-none'],
  'dspt-status-insufficient': ['missing', 'no-year'],
  // A drafted flow never has its access terms (the import does not draft them).
  'medical-examiner-scope': ['no-time-limit'],
  'national-data-opt-out-applicability': ['unstated'],
  'privacy-notice-missing': ['missing'],
  'retention-missing-or-indefinite': ['no-retention', 'no-period', 'no-start'],
  'review-date-missing-or-overdue': ['missing'],
  'rights-and-objection-handling-missing': ['no-rights-contact', 'no-objection-process'],
  'security-measures-missing': ['missing'],
  'special-category-without-article9': ['missing'],
  'vague-purpose': ['no-category', 'no-description'],
};

export function isImported(agreement: Agreement | undefined): boolean {
  return agreement?.imported !== undefined;
}

/** Findings on an imported agreement, less those that only say the draft lacks a fact; and a note saying how many. */
export function judgeImported(findings: readonly Finding[]): { findings: Finding[]; note?: string } {
  const kept = findings.filter((f) => !ABSENT_FACT_MESSAGES[f.ruleId]?.includes(f.messageId));
  const left = findings.length - kept.length;
  if (left === 0) return { findings: kept };
  return {
    findings: kept,
    note:
      `Imported from a document: ${left} check${left === 1 ? '' : 's'} of facts the draft front matter does not hold ${left === 1 ? 'was' : 'were'} left to the text ` +
      '(topics the text never addresses are reported once each). Fill in the front matter to run them.',
  };
}

/** Longest quote taken either side of a finding. */
const QUOTE_REACH = 240;

/** The offset where a Markdown file's body starts (after the front matter's closing fence). */
export function bodyStart(source: AgreementSource): number {
  if (source.kind !== 'markdown' || !source.hasFrontMatter) return 0;
  const afterYaml = source.yamlOffset + source.yamlText.length;
  const fence = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/m.exec(source.text.slice(afterYaml));
  return fence ? afterYaml + fence.index + fence[0].length : afterYaml;
}

/**
 * The sentence a body finding is in, as the document says it (Markdown escapes removed), with
 * its clause. Bounded: at most QUOTE_REACH characters are read either side.
 */
export function excerptAt(text: string, start: number, end: number): Excerpt {
  const left = text.slice(Math.max(0, start - QUOTE_REACH), start);
  const right = text.slice(end, end + QUOTE_REACH);
  const stops = [...left.matchAll(/[.!?;](?=\s)|\n[ \t]*\n|^[ \t]*(?:#{1,6}[ \t]+|\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+|\|)/gm)];
  const last = stops[stops.length - 1];
  const from = last ? (last.index ?? 0) + last[0].length : 0;
  const stop = /[.!?;](?=\s|$)|\n[ \t]*\n|[ \t]*\|/.exec(right);
  const raw = `${left.slice(from)}${text.slice(start, end)}${right.slice(0, stop ? stop.index + (/^[.!?;]/.test(stop[0]) ? 1 : 0) : right.length)}`;
  const quote = raw.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1').replace(/\s+/g, ' ').trim();
  const clause = clauseAt(text, start);
  return { quote, ...(clause.number ? { clause: clause.number } : {}), ...(clause.heading ? { heading: clause.heading } : {}) };
}
