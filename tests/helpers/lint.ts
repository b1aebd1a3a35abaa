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
import { DEFAULT_WAIVER_POLICY, type Waiver } from '../../src/core/config.js';
import { runAcrossStage, type AcrossInput } from '../../src/across/stage.js';
import type { Agreement } from '../../src/generated/agreement.js';
import { parseYaml } from '../../src/core/parse.js';

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
  /** The overarching protocol (YAML) the agreement is checked together with, as a run that found it would. */
  readonly protocol?: string;
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
    ...(opts.protocol ? { framework: { status: 'loaded', parent: parseYaml(opts.protocol).data as Agreement, path: 'protocol.dsa.yaml' } as const } : {}),
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

/**
 * Lint several agreements as one run, in memory, with the across-agreements stage: each
 * file with the given rules, then the stage over every record. `file messageId L:C-L:C`
 * per finding of `ruleId`, in file order.
 */
export async function lintEstate(files: Readonly<Record<string, string>>, opts: LintTextOptions & { readonly ruleId: string }): Promise<string[]> {
  validator ??= new SchemaValidator(buildAgreementSchema(), createAjv().compile(buildAgreementSchema()));
  const rules = opts.rules ?? RULES;
  const effective = rules.map((rule) => ({ rule, options: { ...(rule.meta.defaultOptions as object), ...(opts.options?.[rule.id] ?? {}) } }));
  const inputs: AcrossInput[] = [];
  const findings = new Map<string, Finding[]>();
  for (const [file, text] of Object.entries(files)) {
    const source = await sourceFromText(text, file);
    const outcome = lintSource(source, { rules: effective, asOf: opts.asOf ?? DEFAULT_AS_OF, validator, waivers: opts.waivers ?? [], registeredRuleIds: new Set(rules.map((r) => r.id)) });
    if (outcome.failure) throw new Error(`${file}: ${outcome.failure.message}`);
    findings.set(file, [...outcome.findings]);
    if (outcome.record) inputs.push({ file, record: outcome.record, rules: effective, asOf: opts.asOf ?? DEFAULT_AS_OF, waivers: opts.waivers ?? [], waiverPolicy: DEFAULT_WAIVER_POLICY, inlineWaivers: outcome.acrossWaivers ?? [] });
  }
  const across = runAcrossStage(inputs, rules);
  for (const [file, added] of across.findings) findings.get(file)!.push(...added);
  return [...findings.keys()].sort().flatMap((file) =>
    findings
      .get(file)!
      .filter((f) => f.ruleId === opts.ruleId)
      .map((f) => `${file} ${f.messageId} ${formatRange(f.location.range)}`),
  );
}
