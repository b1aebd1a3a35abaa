/**
 * How a rule is written. One rule per file in rules/, default-exporting `defineRule(...)`
 * (or `defineDocumentRule(...)`); CONTRIBUTING.md walks through adding one.
 *
 * `meta` is the single source for the rule's docs page (rules/<id>.md), its SARIF
 * descriptor, `dsalint explain`, the README table and the rule's place in every list
 * (`importance`); its examples are executed by tests/rule-examples.test.ts. `check`
 * receives the agreement and reports paths (or, for text rules, offsets); it never
 * computes positions, reads files or picks a severity.
 *
 * The types catch an author's slips at compile time: a message id that does not exist, a
 * `{{placeholder}}` the report's `data` does not fill, a path that is not in the agreement
 * format, a tag that is not declared below.
 */
import type { Document } from 'yaml';
import type { Agreement } from '../generated/agreement.js';
import type { AgreementSource } from './source.js';
import type { FrameworkResolution } from './framework.js';
import type { AgreementPath, Path, RangePart } from './locate.js';
import type { ParsedYaml } from './parse.js';
import type { SchemaProblem } from '../schema/validate.js';
import type { FindingKind, RuleCitation, Severity } from './types.js';
import type { Change } from './diff.js';
import type { AcrossContext, EstateExamples } from '../across/rule.js';
import { byCodeUnits } from './compare.js';

export { dedent, markdown, yaml } from './dedent.js';
export { extendPath, type Path } from './locate.js';

export type Preset = 'recommended' | 'strict';
export const PRESETS: readonly Preset[] = ['recommended', 'strict'];

/** A legal or guidance source (the same shape reports carry in RuleSummary). */
export type Citation = RuleCitation;

/**
 * The rule catalogue's areas A–L, plus the format checks and the checks of the agreement's
 * text against its structure.
 */
export const AREAS = {
  format: 'Format and YAML hazards',
  A: 'A. Access scope and minimisation',
  B: 'B. Purpose and purpose creep',
  C: 'C. Lawful basis and confidentiality',
  D: 'D. Special category and restricted data',
  E: 'E. Population and cohort',
  F: 'F. Retention and disposal',
  G: 'G. Governance sign-off',
  H: 'H. Security and DSPT',
  I: 'I. Breach',
  J: 'J. Transparency and data subject rights',
  K: 'K. Processors and international transfers',
  L: 'L. Lifecycle: dates, versions, amendments',
  across: 'Across agreements: what the agreements say together',
  text: 'The agreement\'s text against its structure',
} as const;
export type Area = keyof typeof AREAS;

/**
 * Importance is a rank: lower numbers matter more and are listed first, among findings of
 * the same severity, in every report, and in the rules table. Pick a number in the band
 * that fits and leave gaps (steps of 5) so later rules can slip in between; rules with
 * equal importance are ordered by id.
 */
export const IMPORTANCE_BANDS = [
  { from: 100, to: 199, name: 'The file cannot be checked, or is not what it seems', examples: 'yaml-syntax, schema, hidden-text' },
  { from: 200, to: 299, name: 'Unlawful or unapproved sharing', examples: 'whole-system-access, no lawful basis, no Caldicott sign-off' },
  { from: 300, to: 399, name: 'Over-sharing, or a safeguard the law requires is missing', examples: 'all-fields-scope, opt-outs, processor contracts' },
  { from: 400, to: 499, name: 'Weaker safeguards and governance evidence', examples: 'DPO review, notification windows, review dates' },
  { from: 500, to: 599, name: 'Transparency and drafting gaps', examples: 'privacy notices, vague purposes, prose' },
  { from: 900, to: 999, name: 'dsalint\'s own housekeeping', examples: 'waiver-invalid' },
] as const;

/**
 * The declared tags: principles and topics a rule is about. A tag is a filter for people
 * (`dsalint rules`, SARIF `properties.tags`), so add one here, with its meaning, only when
 * no existing tag fits.
 */
export const TAGS = {
  'access-control': 'Who can open the data, and how that is controlled',
  'access-scope': 'How much of the record or the population a recipient can reach',
  accountability: 'UK GDPR Art 5(2): showing compliance on the record',
  amendments: 'Changes between versions of the agreement',
  breach: 'Personal data breaches and their notification',
  'caldicott-1': 'Caldicott Principle 1: justify the purpose',
  'caldicott-2': 'Caldicott Principle 2: use confidential information only when necessary',
  'caldicott-3': 'Caldicott Principle 3: use the minimum necessary',
  'caldicott-4': 'Caldicott Principle 4: access on a strict need-to-know basis',
  'caldicott-5': 'Caldicott Principle 5: everyone understands their responsibilities',
  'caldicott-6': 'Caldicott Principle 6: comply with the law',
  'caldicott-8': 'Caldicott Principle 8: inform patients and service users',
  commercial: 'Commercial use of the data',
  confidentiality: 'The common law duty of confidentiality',
  consent: 'Consent, for confidentiality or for data protection',
  contracts: 'Contracts between the parties',
  'criminal-offence-data': 'UK GDPR Art 10: criminal allegations, proceedings and convictions',
  'de-identification': 'Pseudonymised, anonymised or aggregate data',
  deceased: 'Records of people who have died',
  dpia: 'Data protection impact assessments',
  dspt: 'The Data Security and Protection Toolkit',
  fairness: 'UK GDPR Art 5(1)(a): fairness',
  format: 'The agreement file itself: YAML and the agreement format',
  governance: 'Information governance roles and sign-off',
  'heightened-sensitivity': 'Information with extra legal protection or stigma',
  imported: 'Agreements made from a document by dsalint import',
  integrity: 'Accuracy and integrity of the agreement',
  'integrity-confidentiality': 'UK GDPR Art 5(1)(f): security of processing',
  'international-transfers': 'Restricted transfers outside the UK',
  'joint-controllers': 'Joint controller arrangements (UK GDPR Art 26)',
  'lawful-basis': 'UK GDPR Art 6 and Art 9 conditions',
  lifecycle: 'Dates, terms, reviews and versions',
  'medical-examiner': 'Medical examiner scrutiny',
  minimisation: 'UK GDPR Art 5(1)(c): data minimisation',
  'opt-out': 'The national data opt-out and type 1 opt-outs',
  population: 'Whose records are shared',
  processors: 'Processors acting for a controller (UK GDPR Art 28)',
  prose: 'The agreement\'s words against its structured facts',
  'purpose-limitation': 'UK GDPR Art 5(1)(b): purpose limitation',
  research: 'Research use of the data',
  'restricted-data': 'Information whose disclosure a statute restricts',
  retention: 'How long data is kept',
  rights: 'Data subjects\' rights',
  s251: 'Section 251 NHS Act 2006 support (Confidentiality Advisory Group)',
  security: 'Security measures',
  'sign-off': 'Approval by accountable officers',
  'special-category': 'UK GDPR Art 9 special category data',
  'storage-limitation': 'UK GDPR Art 5(1)(e): storage limitation',
  'third-party': 'Information about people other than the patient',
  transparency: 'Telling people how their data is used',
  'vulnerable-groups': 'Children and adults at risk',
} as const;
export type Tag = keyof typeof TAGS;

/**
 * A message: one string literal, or several joined in order (so long messages wrap in the
 * source while staying literal types, which is how placeholders are checked).
 */
export type MessageText = string | readonly string[];

export interface MessageInput {
  readonly text: MessageText;
  /** This message's default severity when it differs from the rule's (catalogue splits). */
  readonly severity?: Severity;
  /** `review`: a judgement call for a Caldicott Guardian, reported as "needs review". */
  readonly kind?: FindingKind;
  /**
   * The finding as a request a reviewer can send to whoever drafted the agreement ("Ask the ICB
   * to ..."), in plain words (no field names), with placeholders from `text` and `{{drafter}}`
   * (filled in as "the ICB" or "the sender", see `drafterOf`). The reviewer's report uses it;
   * without it, the report shows `text`.
   */
  readonly request?: string;
}

/** A message as reports use it: its text joined. */
export interface MessageSpec extends MessageInput {
  readonly text: string;
}

export type Messages = Readonly<Record<string, MessageText | MessageInput>>;

type TextOf<M> = M extends { readonly text: infer T } ? T : M;
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type PlaceholdersIn<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Trim<Name> | PlaceholdersIn<Rest> : never;
/** The `{{names}}` a message uses. */
export type Placeholders<M> = TextOf<M> extends readonly (infer Part)[] ? PlaceholdersIn<Part> : PlaceholdersIn<TextOf<M>>;
type IsLiteral<T> = TextOf<T> extends readonly (infer Part)[] ? (string extends Part ? false : true) : string extends TextOf<T> ? false : true;

type Values = Readonly<Record<string, string | number>>;

/**
 * The `data` a report of one message must carry: a value for each of its placeholders.
 * (More keys are allowed, so one report can serve two messages that use different ones.)
 */
export type MessageData<M> = [Placeholders<M>] extends [never]
  ? { readonly data?: Values }
  : { readonly data: { readonly [K in Placeholders<M>]: string | number } & Values };

/** Messages written so their placeholders can be checked (a concatenation with + is not). */
export type CheckedMessages<M extends Messages> = {
  readonly [K in keyof M]: IsLiteral<M[K]> extends true ? M[K] : 'write this message as one string literal, or an array of literals, so its {{placeholders}} are checked';
};

/** An expected finding in an invalid example, named by where it is: */
export type ExpectedFinding<MessageIds extends string = string> =
  /** the value (or `part`) at a dotted agreement path: `at: 'purposes[0].lawful_basis'`; */
  | { readonly messageId: MessageIds; readonly at: string; readonly part?: RangePart }
  /** the first (or `occurrence`-th) appearance of some text: `text: 'full_record'`; */
  | { readonly messageId: MessageIds; readonly text: string; readonly occurrence?: number }
  /** or a `line:col-line:col` range, 1-based and end-exclusive: `range: '4:10-4:14'`. */
  | { readonly messageId: MessageIds; readonly range: string };

export interface RuleExample {
  readonly title: string;
  /** A complete agreement: YAML, or Markdown when `markdown` is true. Write it with the yaml`...` helper. */
  readonly agreement: string;
  readonly markdown?: boolean;
  /** Options for this example, merged over the defaults. */
  readonly options?: Record<string, unknown>;
  /** The run date, for date rules. Defaults to 2026-11-01. */
  readonly asOf?: string;
  /** The overarching protocol the agreement sits under (YAML), checked together with it. */
  readonly protocol?: string;
}

export interface InvalidRuleExample<MessageIds extends string = string> extends RuleExample {
  readonly findings: readonly ExpectedFinding<MessageIds>[];
}

export interface RuleMeta<M extends Messages, Options> {
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
  /** The catalogue area the rule belongs to. */
  readonly area: Area;
  /** The rule's rank among all rules: lower is listed first. See IMPORTANCE_BANDS. */
  readonly importance: number;
  /** Principles and topics, from TAGS. */
  readonly tags: readonly Tag[];
  /** Presets that turn the rule on. Strict always includes everything in recommended. */
  readonly presets: readonly Preset[];
  readonly citations: readonly Citation[];
  /** JSON Schema (an object schema) for the rule's options; each property has a default. */
  readonly optionsSchema?: Record<string, unknown>;
  readonly defaultOptions: Options;
  readonly messages: M;
  readonly examples: {
    readonly valid: readonly RuleExample[];
    readonly invalid: readonly InvalidRuleExample<keyof M & string>[];
  };
}

/** What a report points at: a path in the agreement, or offsets into the file text. */
export type TargetOf<P> = P | { readonly path: P; readonly part?: RangePart } | { readonly offsets: readonly [number, number]; readonly path?: P };

/** Where an agreement rule points: paths checked against the format. */
export type Target = TargetOf<Path>;
/** Where a document rule points: the file may not match the format, so any path. */
export type DocumentTarget = TargetOf<AgreementPath>;

/** One report, checked against the rule's messages: its id, and `data` for exactly its placeholders. */
export type Report<M extends Messages = Messages, At = DocumentTarget> = {
  [Id in keyof M & string]: {
    readonly messageId: Id;
    readonly at: At;
    readonly related?: readonly { readonly at: At; readonly message: string }[];
  } & MessageData<M[Id]>;
}[keyof M & string];

/** A report as the engine handles it, whatever rule made it. */
export interface AnyReport {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly at: DocumentTarget;
  readonly related?: readonly { readonly at: DocumentTarget; readonly message: string }[];
}

/** Extra context document rules get: the parse and the schema verdict. */
export interface DocumentFacts {
  readonly parsed: ParsedYaml;
  /** Undefined when the YAML could not be turned into data, so the schema was not checked. */
  readonly schemaProblems?: readonly SchemaProblem[];
}

export interface DocumentContext<M extends Messages, Options, At = DocumentTarget> {
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
  report(report: Report<M, At>): void;
}

export interface AgreementContext<M extends Messages, Options> extends DocumentContext<M, Options, Target> {
  /**
   * The agreement, valid against the schema; for one under an overarching protocol, with the
   * sections it inherits filled in from the protocol when the protocol was found.
   */
  readonly agreement: Agreement;
  /** The overarching protocol named in `framework`, as the run found it (absent when not looked for, as in tests). */
  readonly framework?: FrameworkResolution;
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

interface RuleBase<M extends Messages, Options> {
  readonly id: string;
  readonly meta: RuleMeta<M, Options>;
}

/**
 * `document` rules run on every parsed file, even one the schema rejects (YAML hazards,
 * hidden characters). `agreement` rules run only when the agreement passed the schema, so
 * they can trust its types.
 */
export interface DocumentRule<M extends Messages = Messages, Options = unknown> extends RuleBase<M, Options> {
  readonly stage: 'document';
  check(context: DocumentContext<M, Options>): void;
}

export interface AgreementRule<M extends Messages = Messages, Options = unknown> extends RuleBase<M, Options> {
  readonly stage: 'agreement';
  check(context: AgreementContext<M, Options>): void;
}

// The registry holds rules of every message and option type, so `any` is deliberate here.
export type AnyRule = DocumentRule<any, any> | AgreementRule<any, any> | AcrossRule<any, any>;

export function defineRule<const M extends Messages, Options = Record<string, never>>(rule: {
  id: string;
  meta: RuleMeta<M, Options> & { readonly messages: CheckedMessages<M> };
  check(context: AgreementContext<M, Options>): void;
}): AgreementRule<M, Options> {
  return { ...rule, stage: 'agreement' };
}

export function defineDocumentRule<const M extends Messages, Options = Record<string, never>>(rule: {
  id: string;
  meta: RuleMeta<M, Options> & { readonly messages: CheckedMessages<M> };
  check(context: DocumentContext<M, Options>): void;
}): DocumentRule<M, Options> {
  return { ...rule, stage: 'document' };
}

/**
 * An across rule's meta is a rule's meta (its single-agreement `examples` left empty) with
 * examples of several files each. Optional here so that every rule's meta stays one type;
 * defineAcrossRule requires them.
 */
export type AcrossRuleMeta<M extends Messages, Options> = RuleMeta<M, Options> & { readonly estateExamples?: EstateExamples };

/**
 * An `across` rule runs once per run, after every file has been linted, over the records of
 * every agreement that passed the schema (src/across/). It reports in each file involved,
 * pointing at places recorded in that file and relating the places in the others.
 */
export interface AcrossRule<M extends Messages = Messages, Options = unknown> {
  readonly id: string;
  readonly stage: 'across';
  readonly meta: AcrossRuleMeta<M, Options>;
  check(context: AcrossContext<keyof M & string, Options>): void;
}

export function defineAcrossRule<const M extends Messages, Options = Record<string, never>>(rule: {
  id: string;
  meta: AcrossRuleMeta<M, Options> & { readonly messages: CheckedMessages<M>; readonly estateExamples: EstateExamples };
  check(context: AcrossContext<keyof M & string, Options>): void;
}): AcrossRule<M, Options> {
  return { ...rule, stage: 'across' };
}

/** A message's text, joined when it is written in parts. */
export function messageText(text: MessageText): string {
  return typeof text === 'string' ? text : text.join('');
}

export function messageSpec(rule: AnyRule, messageId: string): MessageSpec {
  const spec = (rule.meta.messages as Messages)[messageId];
  if (spec === undefined) throw new Error(`Rule ${rule.id} reported unknown message id "${messageId}".`);
  if (typeof spec === 'string' || Array.isArray(spec)) return { text: messageText(spec as MessageText) };
  const input = spec as MessageInput;
  return { ...input, text: messageText(input.text) };
}

/** Fill `{{name}}` placeholders. A placeholder with no data is left visible, so tests catch it. */
export function interpolate(text: string, data: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/**
 * Whom a reviewer asks to put a point right: the ICB when one is a party (it drafts and sends
 * most agreements a GP practice is asked to sign), else the organisation that sent it.
 */
export function drafterOf(orgTypes: readonly (string | undefined)[]): string {
  return orgTypes.includes('icb') ? 'the ICB' : 'the sender';
}

/** A message's request with its placeholders filled, `{{drafter}}` from the agreement's parties. */
export function interpolateRequest(request: string, data: Readonly<Record<string, string | number>> | undefined, orgTypes: readonly (string | undefined)[]): string {
  return interpolate(request, { drafter: drafterOf(orgTypes), ...data });
}

/** Rules in the order every list shows them: by importance, then id. */
export function byImportance(a: AnyRule, b: AnyRule): number {
  return a.meta.importance - b.meta.importance || byCodeUnits(a.id, b.id);
}
