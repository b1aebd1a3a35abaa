/**
 * Lints one agreement: parse, run document rules, validate, run agreement rules, then turn
 * every report into a located finding, apply waivers and sort. Pure apart from the rules'
 * own code: no I/O happens here.
 */
import { createHash } from 'node:crypto';
import type { Agreement } from '../generated/agreement.js';
import type { AgreementSource } from './source.js';
import { parseYaml } from './parse.js';
import { AgreementLocator, formatPath, type AgreementPath } from './locate.js';
import { interpolate, interpolateRequest, messageSpec, type AnyReport, type DocumentFacts, type DocumentTarget as Target, type MessageSpec, type PreviousVersion } from './rule.js';
import { DEFAULT_WAIVER_POLICY, isIsoDate, type EffectiveRule, type Waiver, type WaiverPolicy } from './config.js';
import { formatCount, joinWords } from './words.js';
import type { Finding, FileFailure, Range, RelatedLocation, Severity, Suppression } from './types.js';
import { SEVERITY_RANK } from './types.js';
import { DEFAULT_FINDING_LIMITS, LIMIT_RULE_ID, type FindingLimits } from './limits.js';
import type { SchemaValidator } from '../schema/validate.js';
import { findInlineWaivers, type InlineWaiver } from './waivers.js';
import { recordAgreement, type AgreementRecord } from '../across/record.js';
import { bodyStart, excerptAt, isImported, judgeImported } from './imported.js';
import { diffAgreements } from './diff.js';
import { comparePlace, importanceLookup, reportOrder } from './order.js';
import { importanceOf } from './rule-docs.js';
import { RULES_NOT_FOR_KIND } from './kinds.js';
import { mergeInherited, rulesNeedingParent, type FrameworkResolution, type MergedAgreement } from './framework.js';

export const WAIVER_RULE_ID = 'waiver-invalid';

/** An inline waiver with its place worked out, for a stage that runs after the file's text is gone. */
export type RecordedWaiver = InlineWaiver & { readonly range: Range };

export interface LintOptions {
  readonly rules: readonly EffectiveRule[];
  readonly asOf: string;
  readonly validator: SchemaValidator;
  /** Config waivers whose `files` match this agreement. */
  readonly waivers: readonly Waiver[];
  /** Where the config lives, for suppression records. */
  readonly configFile?: string;
  /** Every rule id, enabled or not, so a waiver for a disabled rule is not "unknown". */
  readonly registeredRuleIds: ReadonlySet<string>;
  /** How waivers may be used (the config's `waiver_policy`); the default when absent. */
  readonly waiverPolicy?: WaiverPolicy;
  /** The version at the base of the change (`lint --base`), to compare with. */
  readonly previous?: PreviousSource;
  /** The overarching protocol the agreement names in `framework`, as the run found it (undefined: not looked for). */
  readonly framework?: FrameworkResolution;
}

/** The base version as read from git: its source, or why it could not be read. */
export type PreviousSource = { readonly ref: string; readonly source: AgreementSource } | { readonly ref: string; readonly problem: string };

export interface LintOutcome {
  readonly findings: Finding[];
  readonly notes: string[];
  readonly agreement?: Agreement;
  /** What the checks across agreements and the register need of it, when it passed the schema. */
  readonly record?: AgreementRecord;
  /** Inline waivers naming a rule of the across-agreements stage, which that stage applies. */
  readonly acrossWaivers?: readonly RecordedWaiver[];
  readonly failure?: FileFailure;
  /** Config waivers that suppressed something here. */
  readonly usedWaivers: ReadonlySet<Waiver>;
}

interface RawReport {
  readonly effective: EffectiveRule;
  readonly report: AnyReport;
  readonly spec: MessageSpec;
}

/** The organisation types of the parties, read defensively (the data may not match the format). */
function partyOrgTypes(data: unknown): (string | undefined)[] {
  const parties = data !== null && typeof data === 'object' ? (data as { parties?: unknown }).parties : undefined;
  if (!Array.isArray(parties)) return [];
  return parties.map((p: unknown) => (p !== null && typeof p === 'object' && typeof (p as { org_type?: unknown }).org_type === 'string' ? (p as { org_type: string }).org_type : undefined));
}

export function lintSource(source: AgreementSource, options: LintOptions): LintOutcome {
  const parsed = parseYaml(source.yamlText);
  const locator = new AgreementLocator(parsed.document, source.yamlText, source.yamlOffset, source.locator);
  // parseYaml leaves `data` undefined whenever the YAML could not be read safely.
  const canValidate = parsed.data !== undefined && source.hasFrontMatter;
  const limitRule = options.rules.find((r) => r.rule.id === LIMIT_RULE_ID);
  const limits: FindingLimits = { ...DEFAULT_FINDING_LIMITS, ...(limitRule?.options as Partial<FindingLimits> | undefined) };
  // Schema problems past the findings cap are only counted, so only those within it need a "did you mean".
  const schemaProblems = canValidate ? options.validator.validate(parsed.data, limits.max_findings_per_rule) : undefined;
  const facts: DocumentFacts = { parsed, ...(schemaProblems ? { schemaProblems } : {}) };

  const raw: RawReport[] = [];
  const notes: string[] = [];
  let failure: FileFailure | undefined;
  // Past the cap a rule's reports are only counted: a hostile file cannot make the run locate,
  // hash and keep hundreds of thousands of findings.
  const heldBack = new Map<EffectiveRule, HeldBack>();
  const runRule = (effective: EffectiveRule, context: object): void => {
    const rule = effective.rule;
    let reported = 0;
    const report = (r: AnyReport): void => {
      // messageSpec throws, naming the rule, on an unknown message id.
      const spec = messageSpec(rule, r.messageId);
      if (++reported <= limits.max_findings_per_rule) {
        raw.push({ effective, report: r, spec });
        return;
      }
      const severity = effective.severity ?? spec.severity ?? rule.meta.severity;
      const held = heldBack.get(effective);
      if (held) {
        held.count++;
        held.severity = moreSevere(held.severity, severity);
      } else heldBack.set(effective, { count: 1, severity, first: r.at });
    };
    try {
      (rule.check as (c: unknown) => void)({ ...context, options: effective.options, asOf: options.asOf, report });
    } catch (error) {
      failure = { code: 'internal', message: `dsalint's rule ${rule.id} failed on this file; this is a bug in dsalint, please report it: ${(error as Error).message}` };
    }
  };

  const baseContext = { source, document: parsed.document, data: parsed.data, facts };
  for (const effective of options.rules) if (effective.rule.stage === 'document') runRule(effective, baseContext);

  let agreement: Agreement | undefined;
  let fromParent: MergedAgreement['fromParent'] = [];
  if (schemaProblems && schemaProblems.length === 0) {
    agreement = parsed.data as Agreement;
    const previous = options.previous ? compareWithPrevious(options.previous, parsed.data) : undefined;
    // Rules judge the agreement with the sections it inherits filled in from its protocol; the
    // rules for inherited sections the protocol cannot supply, and those that do not apply to
    // this kind of document, do not run (see framework.ts and kinds.ts).
    let judged = agreement;
    if (options.framework?.status === 'loaded') ({ agreement: judged, fromParent } = mergeInherited(agreement, options.framework.parent));
    const cannotRun = new Set([...(judged.framework ? rulesNeedingParent(judged) : []), ...RULES_NOT_FOR_KIND[judged.kind ?? 'sharing_agreement']]);
    const context = { ...baseContext, agreement: judged, ...(options.framework ? { framework: options.framework } : {}), ...(previous ? { previous } : {}) };
    for (const effective of options.rules) if (effective.rule.stage === 'agreement' && !cannotRun.has(effective.rule.id)) runRule(effective, context);
  } else if (schemaProblems && schemaProblems.length > 0) {
    const schemaShown = options.rules.some((r) => r.rule.id === 'schema');
    notes.push(
      schemaShown
        ? 'The domain rules were not run because the agreement does not match the format. Fix the schema findings and run dsalint again.'
        : 'The domain rules were not run because the agreement does not match the format; the schema rule is turned off, so turn it on to see why.',
    );
  } else {
    notes.push('Only the YAML checks ran: the agreement could not be read as YAML data.');
  }

  let record: AgreementRecord | undefined;
  if (agreement) {
    try {
      record = recordAgreement(agreement, (path, part) => ({ path: formatPath(path), range: locator.rangeOfPath(path, part) }));
    } catch (error) {
      failure = { code: 'internal', message: `dsalint could not record this agreement for the checks across agreements; this is a bug in dsalint, please report it: ${(error as Error).message}` };
    }
  }

  const findings: Finding[] = [];
  const occurrences = new Map<string, number>();
  const body = bodyStart(source);
  const orgTypes = partyOrgTypes(parsed.data);
  for (const { effective, report, spec } of raw) {
    let location: { path?: string; range: Range };
    let related: RelatedLocation[];
    const inherited = inheritedSectionIndex(targetPath(report.at), fromParent, agreement);
    try {
      location = locate(inherited === undefined ? report.at : ['framework', 'inherits', inherited], locator, source);
      related = (report.related ?? [])
        .filter((r) => inheritedSectionIndex(targetPath(r.at), fromParent, agreement) === undefined)
        .map((r) => ({ ...locate(r.at, locator, source), message: r.message }));
    } catch (error) {
      failure = { code: 'internal', message: `dsalint's rule ${effective.rule.id} reported a place that is not in this file; this is a bug in dsalint, please report it: ${(error as Error).message}` };
      continue;
    }
    const stable = stablePath(targetPath(report.at), parsed.data) ?? snippet(source.text, location.range);
    const key = `${effective.rule.id}|${report.messageId}|${source.path}|${stable}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    findings.push({
      ruleId: effective.rule.id,
      messageId: report.messageId,
      severity: effective.severity ?? spec.severity ?? effective.rule.meta.severity,
      kind: spec.kind ?? effective.rule.meta.kind ?? 'problem',
      message: `${inherited === undefined ? '' : INHERITED_PREFIX}${interpolate(spec.text, report.data)}`,
      ...(spec.request ? { request: interpolateRequest(spec.request, report.data, orgTypes) } : {}),
      location,
      related,
      fingerprint: createHash('sha256').update(`${key}|${occurrence}`).digest('hex').slice(0, 32),
      ...(body > 0 && location.range.startOffset >= body ? { excerpt: excerptAt(source.text, location.range.startOffset, location.range.endOffset) } : {}),
    });
  }
  if (isImported(agreement)) {
    const judged = judgeImported(findings);
    findings.splice(0, findings.length, ...judged.findings);
    if (judged.note) notes.push(judged.note);
  }

  if (limitRule) {
    for (const [effective, held] of heldBack) {
      const data = { count: formatCount(held.count), rule: effective.rule.id, limit: formatCount(limits.max_findings_per_rule) };
      let location: Finding['location'];
      try {
        location = locate(held.first, locator, source);
      } catch {
        location = { range: source.locator.range(0, 0) };
      }
      findings.push(limitNotice(limitRule, 'findings-per-rule', data, held.severity, location, `${source.path}|${effective.rule.id}`));
    }
  }

  const usedWaivers = new Set<Waiver>();
  const inline = findInlineWaivers(source.text, parsed.directiveComments, source.yamlOffset, source.markdown);
  const order = reportOrder(importanceLookup(options.rules.map((r) => ({ id: r.rule.id, importance: importanceOf(r.rule) }))));
  const waived = capPerFile(applyWaivers(findings, source, inline, options, usedWaivers), limits, limitRule, source.path, order);
  waived.sort(order);
  const acrossIds = new Set(options.rules.filter((r) => r.rule.stage === 'across').map((r) => r.rule.id));
  const acrossWaivers = inline.filter((w) => w.reason && w.rules.some((r) => acrossIds.has(r))).map((w) => ({ ...w, range: source.locator.range(...w.offsets) }));
  return {
    findings: waived,
    notes,
    usedWaivers,
    ...(agreement ? { agreement } : {}),
    ...(record ? { record } : {}),
    ...(acrossWaivers.length ? { acrossWaivers } : {}),
    ...(failure ? { failure } : {}),
  };
}

/** The earlier version's data and what changed since, or why it could not be compared. */
export function compareWithPrevious(previous: PreviousSource, data: unknown): PreviousVersion {
  if ('problem' in previous) return { ref: previous.ref, changes: [], problem: previous.problem };
  const { ref, source } = previous;
  const parsed = parseYaml(source.yamlText);
  const where = (yamlOffset: number): string => {
    const at = source.locator.position(source.yamlOffset + yamlOffset);
    return `${ref}:${source.path}:${at.line}:${at.column}`;
  };
  const error = parsed.errors[0];
  if (error) return { ref, changes: [], problem: `the version at ${where(error.pos[0])} is not valid YAML (${error.message.split('\n')[0]})` };
  if (parsed.tooDeep) return { ref, changes: [], problem: `the version at ${where(parsed.tooDeep[0])} nests too deeply to read` };
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data) || (source.kind === 'markdown' && !source.hasFrontMatter)) {
    return { ref, changes: [], problem: `the version at ${ref}:${source.path}:1:1 could not be read as an agreement${parsed.conversionError ? ` (${parsed.conversionError})` : ''}` };
  }
  return { ref, data: parsed.data, changes: diffAgreements(parsed.data, data) };
}

/** A failure that is dsalint's fault, not the file's: said plainly, without a stack trace. */
export function internalFailure(error: unknown): FileFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `dsalint could not check this file because of a bug in dsalint; please report it: ${detail}` };
}

interface HeldBack {
  count: number;
  /** The most severe of the findings held back, so the notice keeps the exit code honest. */
  severity: Severity;
  /** Where the first one held back points, for the notice. */
  readonly first: Target;
}

function moreSevere(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** A finding of the limit-reached rule saying what was held back. */
function limitNotice(limitRule: EffectiveRule, messageId: string, data: Record<string, string>, severity: Severity, location: Finding['location'], key: string): Finding {
  return {
    ruleId: LIMIT_RULE_ID,
    messageId,
    severity,
    kind: 'problem',
    message: interpolate(messageSpec(limitRule.rule, messageId).text, data),
    location,
    related: [],
    fingerprint: createHash('sha256').update(`${LIMIT_RULE_ID}|${messageId}|${key}`).digest('hex').slice(0, 32),
  };
}

/**
 * At most `max_findings_per_file` findings: the most severe are kept (waived ones last), and
 * one notice counts the rest, at the place of the first of them.
 */
function capPerFile(findings: Finding[], limits: FindingLimits, limitRule: EffectiveRule | undefined, path: string, order: (a: Finding, b: Finding) => number): Finding[] {
  if (findings.length <= limits.max_findings_per_file) return findings;
  // The findings kept are the first in report order: the most severe and most important.
  const ranked = [...findings].sort(order);
  const kept = ranked.slice(0, limits.max_findings_per_file);
  const rest = ranked.slice(limits.max_findings_per_file);
  if (!limitRule) return kept;
  let severity: Severity = 'info';
  let first = rest[0]!;
  for (const f of rest) {
    if (!f.suppression) severity = moreSevere(severity, f.severity);
    if (comparePlace(f, first) < 0) first = f;
  }
  const data = { count: formatCount(rest.length), limit: formatCount(limits.max_findings_per_file) };
  kept.push(limitNotice(limitRule, 'findings-per-file', data, severity, first.location, path));
  return kept;
}

const INHERITED_PREFIX = 'In a section this agreement takes from its overarching protocol: ';

/**
 * A finding about a section that came from the protocol is shown at the `framework.inherits`
 * entry that brought it in (the child file has no such section to point at). Returns that
 * entry's index, or undefined when the path is the child's own.
 */
function inheritedSectionIndex(path: AgreementPath | undefined, fromParent: MergedAgreement['fromParent'], agreement: Agreement | undefined): number | undefined {
  if (!path || !agreement) return undefined;
  const inherited = fromParent.find(({ path: prefix }) => prefix.every((segment, i) => path[i] === segment));
  if (!inherited) return undefined;
  const index = (agreement.framework?.inherits ?? []).indexOf(inherited.section);
  return index >= 0 ? index : undefined;
}

type NormalTarget = { readonly path?: AgreementPath; readonly part?: 'key' | 'value' | 'pair'; readonly offsets?: readonly [number, number] };

/** A bare path is shorthand for `{ path }`. */
function normalise(target: Target): NormalTarget {
  return Array.isArray(target) ? { path: target as AgreementPath } : (target as NormalTarget);
}

function targetPath(target: Target): AgreementPath | undefined {
  return normalise(target).path;
}

function locate(target: Target, locator: AgreementLocator, source: AgreementSource): { path?: string; range: Range } {
  const t = normalise(target);
  if (t.offsets) {
    const [start, end] = t.offsets;
    // Check what the rule said, before the locator would clamp it into something plausible.
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > source.text.length) {
      throw new Error(`offsets ${start}-${end} are not a span of ${source.path} (${source.text.length} characters)`);
    }
    return { ...(t.path ? { path: formatPath(t.path) } : {}), range: checked(locator.rangeOfOffsets(start, end), source) };
  }
  const path = t.path ?? [];
  return { path: formatPath(path), range: checked(locator.rangeOfPath(path, t.part), source) };
}

/** The engine vouches for every range it hands out: inside the file and in order. */
function checked(range: Range, source: AgreementSource): Range {
  if (range.startOffset < 0 || range.endOffset > source.text.length || range.startOffset > range.endOffset) {
    throw new Error(`invalid range ${range.startOffset}-${range.endOffset} in ${source.path}`);
  }
  return range;
}

/** Path with list indices replaced by item ids, so inserting a flow does not move fingerprints. */
function stablePath(path: AgreementPath | undefined, data: unknown): string | undefined {
  if (!path) return undefined;
  let node: unknown = data;
  let out = '';
  for (const segment of path) {
    const next = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      out += typeof id === 'string' ? `[id=${id}]` : `[${segment}]`;
    } else {
      out += `.${segment}`;
    }
    node = next;
  }
  return out;
}

function snippet(text: string, range: Range): string {
  return text.slice(range.startOffset, Math.min(range.endOffset, range.startOffset + 200));
}


function pathCovers(prefix: AgreementPath, path: string | undefined): boolean {
  if (path === undefined) return false;
  const p = formatPath(prefix);
  return path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
}

/** Inline waivers with a reason, by the line each covers, so many waivers and many findings never meet pairwise. */
export function indexInlineWaivers(inline: readonly InlineWaiver[]): Map<number, InlineWaiver[]> {
  const byLine = new Map<number, InlineWaiver[]>();
  for (const w of inline) {
    if (!w.reason) continue;
    const list = byLine.get(w.coversLineAt);
    if (list) list.push(w);
    else byLine.set(w.coversLineAt, [w]);
  }
  return byLine;
}

export interface WaiverContext {
  /** The file the findings are in, for inline suppression records. */
  readonly file: string;
  /** Inline waivers with a reason, by the offset of the line each covers (indexWaivers). */
  readonly inlineByLine: ReadonlyMap<number, readonly InlineWaiver[]>;
  /** Where an inline waiver is written. */
  readonly rangeOf: (waiver: InlineWaiver) => Range;
  /** Config waivers whose `files` match the file. */
  readonly waivers: readonly Waiver[];
  readonly asOf: string;
  readonly configFile?: string;
  readonly policy: WaiverPolicy;
  readonly neverWaive: ReadonlySet<string>;
}

export interface WaiverMatch {
  readonly suppression?: Suppression;
  /** The inline waiver on the line before the finding that names its rule, if any. */
  readonly inline?: InlineWaiver;
  /** Why that inline waiver could not suppress it, under the waiver policy. */
  readonly refusal?: RefusalReason;
  /** The config waiver that suppressed it. */
  readonly config?: Waiver;
}

/**
 * Which waiver, if any, suppresses a finding: an inline waiver on the line before it (unless
 * the policy refuses it), else a config waiver for its rule and path. The checks across
 * agreements use it too, so a waiver works the same for every rule.
 */
export function matchWaiver(finding: Finding, ctx: WaiverContext): WaiverMatch {
  const line = finding.location.range.start;
  const lineStartOffset = finding.location.range.startOffset - (line.column - 1);
  const inlineMatch = ctx.inlineByLine.get(lineStartOffset)?.find((w) => w.rules.includes(finding.ruleId));
  let refusal: RefusalReason | undefined;
  if (inlineMatch) {
    refusal = inlineRefusal(inlineMatch, finding, ctx.policy, ctx.neverWaive, ctx.asOf);
    if (!refusal) {
      const suppression: Suppression = {
        source: 'inline',
        reason: inlineMatch.reason!,
        ...(inlineMatch.approvedBy ? { approvedBy: inlineMatch.approvedBy } : {}),
        ...(inlineMatch.expires ? { expires: inlineMatch.expires } : {}),
        file: ctx.file,
        range: ctx.rangeOf(inlineMatch),
      };
      return { suppression, inline: inlineMatch };
    }
  }
  const refused = inlineMatch ? { inline: inlineMatch, refusal } : {};
  if (ctx.neverWaive.has(finding.ruleId)) return refused;
  const configMatch = ctx.waivers.find(
    (w) => w.rule === finding.ruleId && w.reason && !(w.expires && w.expires < ctx.asOf) && (!w.at || pathCovers(w.at, finding.location.path)),
  );
  if (!configMatch) return refused;
  const suppression: Suppression = {
    source: 'config',
    reason: configMatch.reason!,
    ...(configMatch.approvedBy ? { approvedBy: configMatch.approvedBy } : {}),
    ...(configMatch.expires ? { expires: configMatch.expires } : {}),
    ...((configMatch.file ?? ctx.configFile) ? { file: configMatch.file ?? ctx.configFile } : {}),
    range: configMatch.range,
  };
  return { ...refused, suppression, config: configMatch };
}

function applyWaivers(findings: Finding[], source: AgreementSource, inline: readonly InlineWaiver[], options: LintOptions, used: Set<Waiver>): Finding[] {
  const policy = options.waiverPolicy ?? DEFAULT_WAIVER_POLICY;
  const neverWaive = new Set(policy.neverWaive);
  const waiverRule = options.rules.find((r) => r.rule.id === WAIVER_RULE_ID);
  // Per inline waiver: the rules it suppressed, and the rules it was refused for (and why).
  const suppressed = new Map<InlineWaiver, Set<string>>();
  const refused = new Map<InlineWaiver, Map<RefusalReason, Set<string>>>();
  const note = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  const ctx: WaiverContext = {
    file: source.path,
    inlineByLine: indexInlineWaivers(inline),
    rangeOf: (w) => source.locator.range(...w.offsets),
    waivers: options.waivers,
    asOf: options.asOf,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    policy,
    neverWaive,
  };
  const out: Finding[] = findings.map((finding) => {
    const match = matchWaiver(finding, ctx);
    if (match.inline && match.refusal) {
      let byReason = refused.get(match.inline);
      if (!byReason) refused.set(match.inline, (byReason = new Map()));
      note(byReason, match.refusal, finding.ruleId);
    } else if (match.inline && match.suppression) note(suppressed, match.inline, finding.ruleId);
    if (match.config) used.add(match.config);
    return match.suppression ? { ...finding, suppression: match.suppression } : finding;
  });
  if (!waiverRule) return out;

  // Findings about the inline waivers themselves: they are part of the record too. Waivers
  // of across-agreements rules are used, or not, by that later stage.
  const enabled = new Set(options.rules.filter((r) => r.rule.stage !== 'across').map((r) => r.rule.id));
  for (const waiver of inline) {
    const report = (messageId: string, data: Record<string, string>): void => {
      const spec = messageSpec(waiverRule.rule, messageId);
      const range = source.locator.range(...waiver.offsets);
      out.push({
        ruleId: WAIVER_RULE_ID,
        messageId,
        severity: waiverRule.severity ?? spec.severity ?? waiverRule.rule.meta.severity,
        kind: 'problem',
        message: interpolate(spec.text, data),
        location: { range },
        related: [],
        fingerprint: createHash('sha256').update(`${WAIVER_RULE_ID}|${messageId}|${source.path}|${source.text.slice(range.startOffset, range.endOffset)}`).digest('hex').slice(0, 32),
      });
    };
    const rules = waiver.rules.join(', ');
    if (waiver.rules.length === 0) {
      report('inline-no-rule', {});
      continue;
    }
    if (!waiver.reason) {
      report('no-reason', { rules });
      continue;
    }
    const unknown = waiver.rules.filter((r) => !options.registeredRuleIds.has(r));
    if (unknown.length > 0) {
      report('unknown-rule', { rules: unknown.join(', ') });
      continue;
    }
    if (policy.inline === 'forbid') {
      report('inline-forbidden', { rules });
      continue;
    }
    const never = waiver.rules.filter((r) => neverWaive.has(r));
    if (never.length > 0) report('never-waivable', { rules: joinWords(never) });
    const byReason = refused.get(waiver);
    const needsApproval = byReason?.get('needs-approval');
    if (needsApproval) report('needs-approval', { rules: joinWords([...needsApproval]) });
    const expired = byReason?.get('expired');
    if (expired) report('inline-expired', { rules: joinWords([...expired]), expires: waiver.expires ?? '' });
    // Only rules that ran can be known to match nothing.
    const done = suppressed.get(waiver) ?? new Set<string>();
    const matchedAtAll = new Set([...done, ...[...(byReason?.values() ?? [])].flatMap((set) => [...set])]);
    const unused = waiver.rules.filter((r) => !matchedAtAll.has(r) && !neverWaive.has(r));
    if (unused.length === 0 || !unused.every((r) => enabled.has(r))) continue;
    if (matchedAtAll.size === 0 && never.length === 0) report('unused', { rules });
    else report('partly-unused', { unused: joinWords(unused), used: joinWords([...matchedAtAll]) });
  }
  return out;
}

export type RefusalReason = 'never' | 'forbidden' | 'expired' | 'needs-approval';

/** Why an inline waiver may not suppress this finding under the policy, if it may not. */
function inlineRefusal(waiver: InlineWaiver, finding: Finding, policy: WaiverPolicy, neverWaive: ReadonlySet<string>, asOf: string): RefusalReason | undefined {
  if (neverWaive.has(finding.ruleId)) return 'never';
  if (policy.inline === 'forbid') return 'forbidden';
  const expires = waiver.expires !== undefined && isIsoDate(waiver.expires) ? waiver.expires : undefined;
  if (expires && expires < asOf) return 'expired';
  if (finding.severity === 'error' && policy.inlineErrorsNeedApproval && (!waiver.approvedBy || !expires)) return 'needs-approval';
  return undefined;
}
export type { DocumentFacts } from './rule.js';
