/**
 * The shape of a rule of the across-agreements stage: what its `check` sees (every recorded
 * agreement of the run, with its file, date and this rule's options there) and what it
 * reports (a place in one file, related places in others).
 */
import type { AgreementRecord, Spot } from './record.js';

export interface AcrossEntry<Options = unknown> {
  /** The file, as reports name it. */
  readonly file: string;
  readonly record: AgreementRecord;
  /** The date this file is judged by. */
  readonly asOf: string;
  /** This rule's options in the file's config; undefined when the rule is off there (the agreement is still part of the estate). */
  readonly options?: Options;
  /**
   * Another rule's options in the file's config, or undefined when that rule is off there: for a
   * rule that must not repeat, in a file, what a single-file rule already reports in it.
   */
  readonly optionsOf?: (ruleId: string) => unknown;
}

export interface AcrossReport<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The entry (an index into `entries`) whose file the finding is in. */
  readonly entry: number;
  /** A place recorded in that entry's record. */
  readonly at: Spot;
  readonly related?: readonly { readonly entry: number; readonly at: Spot; readonly message: string }[];
  /** What the finding is about, in words that survive unrelated edits (ids, not positions): part of its fingerprint. */
  readonly key: string;
}

export interface AcrossContext<MessageIds extends string, Options> {
  readonly entries: readonly AcrossEntry<Options>[];
  /** The rule's default options, for an entry whose config turns the rule off. */
  readonly defaultOptions: Options;
  report(report: AcrossReport<MessageIds>): void;
}

/** An example for the docs and tests: several agreements, by file name. */
export interface AcrossExample {
  readonly title: string;
  /** File name → complete agreement (YAML). */
  readonly files: Readonly<Record<string, string>>;
  readonly options?: Record<string, unknown>;
  /** The run date. Defaults to 2026-11-01. */
  readonly asOf?: string;
}

export interface AcrossInvalidExample extends AcrossExample {
  /** Every finding, in every file: file name, message id and `line:col-line:col`. */
  readonly findings: readonly { readonly file: string; readonly messageId: string; readonly range: string }[];
}

export interface EstateExamples {
  readonly valid: readonly AcrossExample[];
  readonly invalid: readonly AcrossInvalidExample[];
}
