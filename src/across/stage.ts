/**
 * The across-agreements stage: after every file of a run has been linted, each `across`
 * rule sees the records of every agreement that passed the schema, and its reports become
 * findings in each file involved, with the same severity, kind, waiver and fingerprint
 * handling as single-file findings. Pure: no I/O, and the answer does not depend on the
 * order files were linted in.
 */
import { createHash } from 'node:crypto';
import type { AnyRule, AcrossRule, Messages } from '../core/rule.js';
import { interpolate, interpolateRequest, messageSpec } from '../core/rule.js';
import type { EffectiveRule, Waiver, WaiverPolicy } from '../core/config.js';
import type { Finding } from '../core/types.js';
import { indexInlineWaivers, matchWaiver, type RecordedWaiver, type WaiverContext } from '../core/engine.js';
import type { AgreementRecord } from './record.js';
import type { AcrossEntry, AcrossReport } from './rule.js';
import { locationOf } from './record.js';
import { byCodeUnits } from '../core/compare.js';

/** Related places named in one finding; a large estate would otherwise make one finding per file enormous. */
export const MAX_RELATED_ACROSS = 20;

export interface AcrossInput {
  readonly file: string;
  readonly record: AgreementRecord;
  /** The rules in force for this file, severities and options resolved. */
  readonly rules: readonly EffectiveRule[];
  readonly asOf: string;
  /** Config waivers whose `files` match this file, and where that config is. */
  readonly waivers: readonly Waiver[];
  readonly configFile?: string;
  /** The waiver policy in force for the file. */
  readonly waiverPolicy: WaiverPolicy;
  /** Inline waivers in the file that name an across rule. */
  readonly inlineWaivers: readonly RecordedWaiver[];
}

export interface AcrossOutcome {
  /** New findings, by file. */
  readonly findings: ReadonlyMap<string, Finding[]>;
  /** Config waivers that suppressed a finding here. */
  readonly usedWaivers: ReadonlySet<Waiver>;
  /** Failures of a rule, by file: a bug in dsalint, reported like a rule that failed on a file. */
  readonly failures: ReadonlyMap<string, string>;
}

export function isAcrossRule(rule: AnyRule): rule is AcrossRule<Messages, unknown> {
  return rule.stage === 'across';
}

export function runAcrossStage(inputs: readonly AcrossInput[], rules: readonly AnyRule[]): AcrossOutcome {
  // Each file's waivers are indexed once, however many findings it gets.
  const contexts = new Map<AcrossInput, WaiverContext>();
  const waiverContext = (input: AcrossInput): WaiverContext => {
    let ctx = contexts.get(input);
    if (!ctx) {
      ctx = {
        file: input.file,
        inlineByLine: indexInlineWaivers(input.inlineWaivers),
        rangeOf: (w) => (w as RecordedWaiver).range,
        waivers: input.waivers,
        asOf: input.asOf,
        ...(input.configFile ? { configFile: input.configFile } : {}),
        policy: input.waiverPolicy,
        neverWaive: new Set(input.waiverPolicy.neverWaive),
      };
      contexts.set(input, ctx);
    }
    return ctx;
  };
  const findings = new Map<string, Finding[]>();
  const usedWaivers = new Set<Waiver>();
  const failures = new Map<string, string>();
  // Files in path order, so reports (and their order) never depend on which file was read first.
  const sorted = [...inputs].sort((a, b) => byCodeUnits(a.file, b.file));

  for (const rule of rules.filter(isAcrossRule)) {
    const effective = sorted.map((input) => input.rules.find((r) => r.rule.id === rule.id));
    if (effective.every((e) => e === undefined)) continue;
    const entries: AcrossEntry[] = sorted.map((input, i) => ({
      file: input.file,
      record: input.record,
      asOf: input.asOf,
      ...(effective[i] ? { options: effective[i]!.options } : {}),
      optionsOf: (ruleId: string) => input.rules.find((r) => r.rule.id === ruleId)?.options,
    }));
    const reports: AcrossReport<string>[] = [];
    try {
      rule.check({ entries, defaultOptions: rule.meta.defaultOptions, report: (r) => reports.push(r) });
    } catch (error) {
      const message = `dsalint's rule ${rule.id} failed while comparing agreements; this is a bug in dsalint, please report it: ${(error as Error).message}`;
      for (const input of sorted) if (!failures.has(input.file)) failures.set(input.file, message);
      continue;
    }
    const occurrences = new Map<string, number>();
    for (const report of reports) {
      const input = sorted[report.entry];
      const setting = effective[report.entry];
      if (!input || !setting) continue;
      const spec = messageSpec(rule, report.messageId);
      const related = (report.related ?? []).slice(0, MAX_RELATED_ACROSS).map((r) => ({
        ...locationOf(r.at),
        message: r.message,
        ...(sorted[r.entry] && r.entry !== report.entry ? { file: sorted[r.entry]!.file } : {}),
      }));
      const key = `${rule.id}|${report.messageId}|${input.file}|${report.key}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      let finding: Finding = {
        ruleId: rule.id,
        messageId: report.messageId,
        severity: setting.severity ?? spec.severity ?? rule.meta.severity,
        kind: spec.kind ?? rule.meta.kind ?? 'problem',
        message: interpolate(spec.text, report.data),
        ...(spec.request ? { request: interpolateRequest(spec.request, report.data, input.record.parties.map((p) => p.orgType)) } : {}),
        location: locationOf(report.at),
        related,
        fingerprint: createHash('sha256').update(`${key}|${occurrence}`).digest('hex').slice(0, 32),
      };
      const match = matchWaiver(finding, waiverContext(input));
      if (match.suppression) finding = { ...finding, suppression: match.suppression };
      if (match.config) usedWaivers.add(match.config);
      let list = findings.get(input.file);
      if (!list) findings.set(input.file, (list = []));
      list.push(finding);
    }
  }
  return { findings, usedWaivers, failures };
}

