/**
 * How a rule is written. One rule per file in rules/, default-exporting `defineRule(...)`.
 *
 * `meta` is the single source for the rule's docs page (rules/<id>.md), its SARIF
 * descriptor, `dsalint explain` and the README table; its examples are executed by
 * tests/rule-examples.test.ts. `check` receives the agreement and reports paths (or, for
 * text rules, offsets); it never computes positions, reads files or picks a severity.
 */
import type { Document } from 'yaml';
import type { Agreement } from '../generated/agreement.js';
import type { AgreementSource } from './source.js';
import type { AgreementPath, RangePart } from './locate.js';
import type { FindingKind, RuleCitation, Severity } from './types.js';
import type { DocumentFacts } from './engine.js';
import type { Change } from './diff.js';

export type Preset = 'recommended' | 'strict';
export const PRESETS: readonly Preset[] = ['recommended', 'strict'];

/** A legal or guidance source (the same shape reports carry in RuleSummary). */
export type Citation = RuleCitation;

export interface MessageSpec {
  readonly text: string;
  /** This message's default severity when it differs from the rule's (catalogue splits). */
  readonly severity?: Severity;
  /** `review`: a judgement call for a Caldicott Guardian, reported as "needs review". */
  readonly kind?: FindingKind;
}

/** An expected finding in an invalid example: message id and `line:col-line:col`. */
export interface ExpectedFinding {
  readonly messageId: string;
  readonly range: string;
}

export interface RuleExample {
  readonly title: string;
  /** A complete agreement (YAML, or Markdown when `markdown` is true). */
  readonly agreement: string;
  readonly markdown?: boolean;
  /** Options for this example, merged over the defaults. */
  readonly options?: Record<string, unknown>;
  /** The run date, for date rules. Defaults to 2026-11-01. */
  readonly asOf?: string;
}

export interface InvalidRuleExample extends RuleExample {
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleMeta<MessageIds extends string, Options> {
  /** Short title: SARIF shortDescription and the README table. */
  readonly title: string;
  /** One or two sentences: SARIF fullDescription. */
  readonly description: string;
  /** Why it matters, in Markdown a GP would follow. */
  readonly rationale: string;
  /** How to put it right, in plain English. */
  readonly fix: string;
  readonly severity: Severity;
  /** Why this default severity. */
  readonly severityReason: string;
  readonly kind?: FindingKind;
  /** Catalogue area and principle tags, such as `minimisation`, `caldicott-3`. */
  readonly tags: readonly string[];
  /** Presets that turn the rule on. Strict always includes everything in recommended. */
  readonly presets: readonly Preset[];
  readonly citations: readonly Citation[];
  /** JSON Schema (an object schema) for the rule's options; each property has a default. */
  readonly optionsSchema?: Record<string, unknown>;
  readonly defaultOptions: Options;
  readonly messages: Record<MessageIds, string | MessageSpec>;
  readonly examples: {
    readonly valid: readonly RuleExample[];
    readonly invalid: readonly InvalidRuleExample[];
  };
}

/** What a report points at: a path in the agreement, or offsets into the file text. */
export type Target =
  | AgreementPath
  | { readonly path: AgreementPath; readonly part?: RangePart }
  | { readonly offsets: readonly [number, number]; readonly path?: AgreementPath };

export interface Report<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly at: Target;
  readonly related?: readonly { readonly at: Target; readonly message: string }[];
}

export interface DocumentContext<MessageIds extends string, Options> {
  readonly source: AgreementSource;
  /** The parsed YAML document (for a Markdown file, of its front matter). */
  readonly document: Document;
  /** The YAML as plain data, when it could be converted (no syntax errors). */
  readonly data: unknown;
  /** The parse (errors, duplicate keys, aliases) and the schema verdict. */
  readonly facts: DocumentFacts;
  readonly options: Options;
  /** The date the run judges by, YYYY-MM-DD. */
  readonly asOf: string;
  report(report: Report<MessageIds>): void;
}

export interface AgreementContext<MessageIds extends string, Options> extends DocumentContext<MessageIds, Options> {
  /** The agreement, valid against the schema. */
  readonly agreement: Agreement;
  /** The earlier version it is compared with (`lint --base`), when there is one. */
  readonly previous?: PreviousVersion;
}

/** The version of an agreement at the base of a change (`dsalint lint --base <ref>`). */
export interface PreviousVersion {
  /** The git ref it was read at, as the user wrote it. */
  readonly ref: string;
  /** Its data, when it could be read as YAML (it may not match the schema). */
  readonly data?: unknown;
  /** What changed in meaning since, from `diffAgreements`. */
  readonly changes: readonly Change[];
  /** Why it could not be compared, with its place (`main:agreements/x.dsa.yaml:3:5`). */
  readonly problem?: string;
}

interface RuleBase<MessageIds extends string, Options> {
  readonly id: string;
  readonly meta: RuleMeta<MessageIds, Options>;
}

/**
 * `document` rules run on every parsed file, even one the schema rejects (YAML hazards,
 * hidden characters). `agreement` rules run only when the agreement passed the schema, so
 * they can trust its types.
 */
export interface DocumentRule<MessageIds extends string = string, Options = unknown> extends RuleBase<MessageIds, Options> {
  readonly stage: 'document';
  check(context: DocumentContext<MessageIds, Options>): void;
}

export interface AgreementRule<MessageIds extends string = string, Options = unknown> extends RuleBase<MessageIds, Options> {
  readonly stage: 'agreement';
  check(context: AgreementContext<MessageIds, Options>): void;
}

// The registry holds rules of every message-id and option type, so `any` is deliberate here.
export type AnyRule = DocumentRule<string, any> | AgreementRule<string, any>;

export function defineRule<MessageIds extends string, Options = Record<string, never>>(rule: {
  id: string;
  meta: RuleMeta<MessageIds, Options>;
  check(context: AgreementContext<MessageIds, Options>): void;
}): AgreementRule<MessageIds, Options> {
  return { ...rule, stage: 'agreement' };
}

export function defineDocumentRule<MessageIds extends string, Options = Record<string, never>>(rule: {
  id: string;
  meta: RuleMeta<MessageIds, Options>;
  check(context: DocumentContext<MessageIds, Options>): void;
}): DocumentRule<MessageIds, Options> {
  return { ...rule, stage: 'document' };
}

export function messageSpec(rule: AnyRule, messageId: string): MessageSpec {
  const spec = (rule.meta.messages as Record<string, string | MessageSpec>)[messageId];
  if (spec === undefined) throw new Error(`Rule ${rule.id} reported unknown message id "${messageId}".`);
  return typeof spec === 'string' ? { text: spec } : spec;
}

/** Fill `{{name}}` placeholders. A placeholder with no data is left visible, so tests catch it. */
export function interpolate(text: string, data: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
