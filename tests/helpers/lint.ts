/**
 * Test helpers: lint YAML or Markdown text in memory with chosen rules, and describe
 * findings compactly (`ruleId messageId L:C-L:C`) so tests can assert exact ranges.
 */
import { RULES } from '../../rules/index.js';
import type { AnyRule } from '../../src/core/rule.js';
import { lintSource, type LintOutcome } from '../../src/core/engine.js';
import { sourceFromText } from '../../src/core/source.js';
import { SchemaValidator } from '../../src/schema/validate.js';
import { buildAgreementSchema } from '../../src/schema/build-schema.js';
import { createAjv } from '../../src/schema/ajv.js';
import type { Finding, Range } from '../../src/core/types.js';
import type { Waiver } from '../../src/core/config.js';

export const DEFAULT_AS_OF = '2026-11-01';
let validator: SchemaValidator | undefined;

export interface LintTextOptions {
  /** Rules to run (default: every registered rule). */
  readonly rules?: readonly AnyRule[];
  /** Options for the rules, keyed by rule id, merged over each rule's defaults. */
  readonly options?: Readonly<Record<string, Record<string, unknown>>>;
  readonly asOf?: string;
  readonly markdown?: boolean;
  readonly waivers?: readonly Waiver[];
}

export async function lintText(text: string, opts: LintTextOptions = {}): Promise<LintOutcome> {
  // Tests compile the schema from its source, so they also check the generated validator's source.
  validator ??= new SchemaValidator(buildAgreementSchema(), createAjv().compile(buildAgreementSchema()));
  const rules = opts.rules ?? RULES;
  const source = await sourceFromText(text, opts.markdown ? 'test.dsa.md' : 'test.dsa.yaml');
  return lintSource(source, {
    rules: rules.map((rule) => ({ rule, options: { ...(rule.meta.defaultOptions as object), ...(opts.options?.[rule.id] ?? {}) } })),
    asOf: opts.asOf ?? DEFAULT_AS_OF,
    validator,
    waivers: opts.waivers ?? [],
    registeredRuleIds: new Set(RULES.map((r) => r.id)),
  });
}

export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** `rule-id messageId 3:5-3:12`, one per finding, in report order. */
export function describe(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.messageId} ${formatRange(f.location.range)}`);
}

/** Findings of one rule only, as `messageId L:C-L:C`. */
export function findingsOf(outcome: LintOutcome, ruleId: string): string[] {
  return outcome.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.messageId} ${formatRange(f.location.range)}`);
}

export function ruleById(id: string): AnyRule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Lint with a single rule (plus nothing else) and return `messageId L:C-L:C` strings. */
export async function lintWithRule(ruleId: string, text: string, opts: Omit<LintTextOptions, 'rules'> = {}): Promise<string[]> {
  const outcome = await lintText(text, { ...opts, rules: [ruleById(ruleId)] });
  if (outcome.failure) throw new Error(outcome.failure.message);
  if (outcome.notes.some((n) => n.includes('not run'))) {
    const schema = await lintText(text, { ...opts, rules: [ruleById('schema')] });
    throw new Error(`test agreement does not match the schema:\n${schema.findings.map((f) => f.message).join('\n')}`);
  }
  return findingsOf(outcome, ruleId);
}
