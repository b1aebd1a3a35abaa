/**
 * Linting one file, start to finish: read it, lint it with its config, and say which config
 * waivers it matched and used. Everything in and out is plain data, so the same code runs
 * in-process or on a worker thread (src/core/pool.ts) and gives the same answer.
 */
import { RULES } from '../../rules/index.js';
import type { AnyRule } from './rule.js';
import { buildAgreementSchema } from '../schema/build-schema.js';
import { SchemaValidator, type CompiledValidator } from '../schema/validate.js';
import { validate as precompiledValidate } from '../generated/validate-agreement.js';
import { ConfigError, effectiveRules, waiversFor, type Config, type Waiver } from './config.js';
import { internalFailure, lintSource, type RecordedWaiver } from './engine.js';
import { frameworkForSource } from './framework.js';
import { decodeAgreement, readAgreementFile, sourceFromText, tooLarge, type ReadResult } from './source.js';
import type { FileFailure, FileResult, RuleSummary } from './types.js';
import { summariseRule } from './rule-docs.js';
import { packRecord, type PackedRecord } from '../across/packed.js';
import type { DrawnSections, SectionFormat } from '../reporters/sections.js';
import { markdownSection, type MarkdownOptions } from '../reporters/markdown.js';
import { htmlSection } from '../reporters/html.js';

/** One file to lint, as the run hands it to the in-process linter or a worker. */
export interface FileTask {
  readonly absolute: string;
  /** The path reports show, relative to the run's folder with forward slashes. */
  readonly display: string;
  /** The date rules judge by. */
  readonly asOf: string;
  /** The files and folders the run lints (absolute): an overarching protocol is read only from among them. */
  readonly roots?: readonly string[];
  /** Keep the parsed agreement in the result, for reports that summarise it. */
  readonly keepAgreement: boolean;
  /** Draw the file's section of this report too (reports/sections.ts). */
  readonly section?: SectionFormat;
  /** For a Markdown section, the report options to draw its parts for (by default the plain report's). */
  readonly sectionAttempts?: readonly MarkdownOptions[];
  /** The file's content when it does not come from disk (standard input). */
  readonly bytes?: Uint8Array;
  /** `lint --base`: the file's text at the base ref, or why it could not be read. */
  readonly previous?: PreviousText;
}

/** The version at the base of a change, as plain data that can go to a worker. */
export type PreviousText = { readonly ref: string; readonly text: string } | { readonly ref: string; readonly problem: string };

/** What linting one file produced: its result and what the run needs to judge config waivers. */
export interface FileOutcome {
  readonly result: FileResult;
  /** Config waivers (`waiverKey`) whose `files` match this file. */
  readonly matchedWaivers: readonly string[];
  /** Config waivers (`waiverKey`) that suppressed a finding here. */
  readonly usedWaivers: readonly string[];
  /** The file's report section, when the task asked for one. */
  readonly section?: DrawnSections[SectionFormat];
  /** Inline waivers of across-agreements rules, for that stage to apply. */
  readonly acrossWaivers: readonly RecordedWaiver[];
  /** What the checks across agreements know of the agreement, packed, when it passed the schema; the run puts it in the result. */
  readonly record?: PackedRecord;
}

/** A config waiver's identity that survives the trip to a worker and back: its file and place. */
export function waiverKey(waiver: Pick<Waiver, 'file' | 'index'>): string {
  return `${waiver.index} ${waiver.file ?? ''}`;
}

let cachedValidator: SchemaValidator | undefined;
function validator(): SchemaValidator {
  cachedValidator ??= new SchemaValidator(buildAgreementSchema(), precompiledValidate as CompiledValidator);
  return cachedValidator;
}

const SECTION_RENDERERS: { readonly [F in SectionFormat]: (rules: readonly RuleSummary[], file: FileResult, attempts?: readonly MarkdownOptions[]) => DrawnSections[F] } = { markdown: markdownSection, html: htmlSection };

const summaries = new WeakMap<readonly AnyRule[], readonly RuleSummary[]>();
function ruleSummaries(rules: readonly AnyRule[]): readonly RuleSummary[] {
  let list = summaries.get(rules);
  if (!list) summaries.set(rules, (list = rules.map(summariseRule)));
  return list;
}

const registeredIds = new WeakMap<readonly AnyRule[], ReadonlySet<string>>();
function registeredRuleIds(rules: readonly AnyRule[]): ReadonlySet<string> {
  let ids = registeredIds.get(rules);
  if (!ids) registeredIds.set(rules, (ids = new Set(rules.map((r) => r.id))));
  return ids;
}

/** The outcome for a file that could not be linted at all. */
export function failedOutcome(display: string, failure: FileFailure): FileOutcome {
  return { result: { path: display, findings: [], notes: [], failure }, matchedWaivers: [], usedWaivers: [], acrossWaivers: [] };
}

export async function lintFile(task: FileTask, config: Config, rules: readonly AnyRule[] = RULES): Promise<FileOutcome> {
  try {
    return await lintReadable(task, config, rules);
  } catch (error) {
    // One file that breaks dsalint must not cost the report on every other file.
    if (error instanceof ConfigError) throw error;
    return failedOutcome(task.display, internalFailure(error));
  }
}

function decodeInput(bytes: Uint8Array, display: string, maxBytes: number): Promise<ReadResult> | ReadResult {
  return bytes.length > maxBytes ? { failure: tooLarge(display, bytes.length, maxBytes) } : decodeAgreement(bytes, display);
}

async function lintReadable(task: FileTask, config: Config, rules: readonly AnyRule[]): Promise<FileOutcome> {
  const read: ReadResult = task.bytes === undefined ? await readAgreementFile(task.absolute, task.display, config.maxFileSize) : await decodeInput(task.bytes, task.display, config.maxFileSize);
  if ('failure' in read) return failedOutcome(task.display, read.failure);
  const waivers = waiversFor(config, task.absolute);
  const previous = task.previous && 'text' in task.previous ? { ref: task.previous.ref, source: await sourceFromText(task.previous.text, task.display) } : task.previous;
  const framework = await frameworkForSource(read.source, task.absolute, { roots: task.roots ?? [], maxFileSize: config.maxFileSize, validator: validator() });
  const outcome = lintSource(read.source, {
    ...(framework ? { framework } : {}),
    rules: effectiveRules(config, rules, task.absolute),
    asOf: task.asOf,
    validator: validator(),
    waivers,
    waiverPolicy: config.waiverPolicy,
    registeredRuleIds: registeredRuleIds(rules),
    ...(config.file ? { configFile: config.file } : {}),
    ...(previous ? { previous } : {}),
  });
  const result: FileResult = {
    path: task.display,
    findings: outcome.findings,
    notes: outcome.notes,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(outcome.agreement && task.keepAgreement ? { agreement: outcome.agreement } : {}),
  };
  return {
    result,
    matchedWaivers: waivers.map(waiverKey),
    usedWaivers: [...outcome.usedWaivers].map(waiverKey),
    acrossWaivers: outcome.acrossWaivers ?? [],
    ...(outcome.record ? { record: packRecord(outcome.record) } : {}),
    ...(task.section ? { section: SECTION_RENDERERS[task.section](ruleSummaries(rules), result, task.sectionAttempts) } : {}),
  };
}
