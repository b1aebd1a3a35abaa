/**
 * The one entry point the CLI and the GitHub Action share: find agreements, resolve each
 * file's config, lint, and assemble a deterministic `LintRun`.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { RULES } from '../../rules/index.js';
import type { AnyRule } from './rule.js';
import { interpolate, messageSpec } from './rule.js';
import { ConfigFinder, configChain, defaultConfig, discoveryRoot, effectiveRules, globProblem, isIgnored, loadConfigFile, waiversFor, type Config } from './config.js';
import { internalFailure, WAIVER_RULE_ID } from './engine.js';
import { importanceLookup, reportOrder } from './order.js';
import { importanceOf } from './rule-docs.js';
import { AGREEMENT_FILE_PATTERN, decodeAgreement, describeIoError } from './source.js';
import { failedOutcome, lintFile, waiverKey, type FileOutcome, type FileTask, type PreviousText } from './lint-file.js';
import { changesUnder, readAtBase, snapshotBase, type BaseSnapshot } from './git.js';
import { LintPool, defaultJobs, lintWorkerScript } from './pool.js';
import { IgnoreFiles } from './ignore-files.js';
import { LintCache } from './cache.js';
import { carrySection, rememberSection, type SectionFormat } from '../reporters/sections.js';
import { AttemptsInReach, type MarkdownOptions } from '../reporters/markdown.js';
import { glob, isDynamicPattern } from 'tinyglobby';
import { summariseRule } from './rule-docs.js';
import type { FileResult, Finding, LintRun, Severity } from './types.js';
import { countFindings } from './counts.js';

export { countFindings };
import { SEVERITY_RANK } from './types.js';
import { VERSION } from '../generated/version.js';
import { runAcrossStage, type AcrossInput } from '../across/stage.js';
import type { AgreementRecord } from '../across/record.js';
import { unpackRecord, type PackedRecord } from '../across/packed.js';
import { REPOSITORY_URL } from './rule-docs.js';
import { byCodeUnits } from './compare.js';
import { StringPool } from './intern.js';

export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** How many files are read ahead of the one being linted in-process; bounds memory at this many files. */
const READ_AHEAD = 16;
/** How many files each worker has queued, so none waits for the next message. */
const PER_WORKER_AHEAD = 4;

export interface RunOptions {
  /** Files and folders to lint; default the current folder. */
  readonly paths: readonly string[];
  readonly cwd: string;
  /** `--config`: one config for every file, instead of discovery. */
  readonly configPath?: string;
  /** `--as-of`, overriding any config. */
  readonly asOf?: string;
  readonly rules?: readonly AnyRule[];
  /** Keep each parsed agreement in its FileResult, for reports that summarise it (default true). */
  readonly keepAgreements?: boolean;
  /** Keep each agreement's record in its FileResult, for the register and API callers (default true). */
  readonly keepRecords?: boolean;
  /** Worker threads (`--jobs`); default one per core, and none for a small run. 1 lints in-process. */
  readonly jobs?: number;
  /** Lint this text instead of finding files (`--stdin`); `filename` names it for configs and reports. */
  readonly stdin?: { readonly bytes: Uint8Array; readonly filename: string };
  /** `--cache`: keep results between runs in this file (relative to `cwd`) and reuse those of unchanged files. */
  readonly cache?: string;
  /** Draw each file's section of this report as it is linted (on the workers, in parallel). */
  readonly sections?: SectionFormat;
  /**
   * With `sections: 'markdown'`: the report's attempts, largest first, and the size the
   * report must fit (the job summary). Each file's section is drawn in the parts of the
   * attempts still in reach (AttemptsInReach), not of those already too large.
   */
  readonly sectionAttempts?: { readonly attempts: readonly MarkdownOptions[]; readonly limit: number };
  /** `--no-ignore`: false reads no ignore files and applies no ignore globs or patterns. */
  readonly ignore?: boolean;
  /** `--ignore-pattern`: more files to leave out, gitignore-style, relative to `cwd`. */
  readonly ignorePatterns?: readonly string[];
  /** Called after each file, with how many are done and how many there are. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with the inputs of the checks across agreements just before they run (the bench times the stage on them). */
  readonly onAcrossStage?: (inputs: readonly AcrossInput[]) => void;
  /** `--base <ref>`: lint only the agreements changed since this git ref, each compared with its version there. */
  readonly base?: string;
  /** With `base`: false lints every agreement found, still comparing the changed ones (the Action's `only-changed: false`). */
  readonly onlyChanged?: boolean;
}

/** Today's date in UTC, so runners in different time zones judge by the same day. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

interface Candidate {
  readonly absolute: string;
  readonly display: string;
  /** Named on the command line (linted whatever its name) rather than found in a folder. */
  readonly explicit: boolean;
  /** The highest folder searched for its configs. */
  readonly stopDir: string;
}

/**
 * Where config discovery stops for a path on the command line: its repository's root; outside
 * a repository, the current folder when the path is inside it, or else the folder given.
 */
async function stopDirFor(absolute: string, isDirectory: boolean, cwd: string): Promise<string> {
  const folder = isDirectory ? absolute : dirname(absolute);
  const root = await discoveryRoot(folder);
  if (root !== folder) return root;
  const fromCwd = relative(cwd, folder);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? folder : resolve(cwd);
}

/** The part of a path before its first segment with glob characters; the path itself when it has none. */
function globBase(path: string): string {
  const segments = path.split(/[\\/]/);
  const first = segments.findIndex((s) => isDynamicPattern(s));
  return first < 0 ? path : segments.slice(0, first).join('/') || '.';
}

/**
 * Walk folders without following symbolic links, so nothing outside the given paths is read.
 * Paths that do not exist but hold glob characters are globs; ignore files and patterns
 * apply to what walks and globs find, never to a file named on the command line.
 */
async function discover(paths: readonly string[], cwd: string, failures: FileResult[], ignores: IgnoreFiles): Promise<Candidate[]> {
  const found: Candidate[] = [];
  let stopDir = '';
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      // A folder that cannot be read is a failure, not an agreement.
      failures.push({ ...failureResult(displayPath(cwd, dir), 'unreadable', `${displayPath(cwd, dir)} could not be read: ${describeIoError(error)}.`), folder: true });
      return;
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !(await ignores.ignores(full, true, stopDir))) await walk(full);
      } else if (entry.isFile() && AGREEMENT_FILE_PATTERN.test(entry.name) && !(await ignores.ignores(full, false, stopDir))) {
        found.push({ absolute: full, display: displayPath(cwd, full), explicit: false, stopDir });
      }
    }
  };
  const expand = async (pattern: string): Promise<void> => {
    const problem = globProblem(pattern.split(sep).join('/'));
    if (problem) {
      failures.push(failureResult(pattern.split(sep).join('/'), 'unreadable', `the glob ${pattern} ${problem}`));
      return;
    }
    const matches = await glob([pattern.split(sep).join('/')], { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`) });
    const agreements = matches.map((m) => resolve(m)).filter((m) => AGREEMENT_FILE_PATTERN.test(m)).sort(byCodeUnits);
    if (agreements.length === 0) failures.push(failureResult(pattern.split(sep).join('/'), 'unreadable', `no agreement files match ${pattern} (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md).`));
    for (const file of agreements) {
      const fileStop = await stopDirFor(file, false, cwd);
      if (!(await ignores.ignores(file, false, fileStop))) found.push({ absolute: file, display: displayPath(cwd, file), explicit: false, stopDir: fileStop });
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await lstat(absolute);
    } catch (error) {
      if (isDynamicPattern(path)) {
        await expand(path);
        continue;
      }
      failures.push(failureResult(path.split(sep).join('/'), 'unreadable', `${path} could not be read: ${describeIoError(error)}.`));
      continue;
    }
    if (info.isSymbolicLink()) {
      // A link named on the command line is the user's choice; follow it once.
      const target = await realpath(absolute).catch(() => undefined);
      const targetInfo = target ? await lstat(target).catch(() => undefined) : undefined;
      if (targetInfo?.isFile()) {
        stopDir = await stopDirFor(absolute, false, cwd);
        found.push({ absolute, display: displayPath(cwd, absolute), explicit: true, stopDir });
      } else if (targetInfo?.isDirectory() && target) {
        stopDir = await stopDirFor(target, true, cwd);
        await walk(target);
      } else failures.push(failureResult(displayPath(cwd, absolute), 'unreadable', `${path} is a broken symbolic link.`));
    } else if (info.isDirectory()) {
      stopDir = await stopDirFor(absolute, true, cwd);
      await walk(absolute);
    } else {
      found.push({ absolute, display: displayPath(cwd, absolute), explicit: true, stopDir: await stopDirFor(absolute, false, cwd) });
    }
  }
  const unique = new Map<string, Candidate>();
  for (const c of found) if (!unique.has(c.absolute)) unique.set(c.absolute, c);
  return [...unique.values()];
}

function failureResult(path: string, code: NonNullable<FileResult['failure']>['code'], message: string): FileResult {
  return { path, findings: [], notes: [], failure: { code, message } };
}

/**
 * Below this many files a run stays in-process: starting workers would cost more than it
 * saves. Measured on 2 cores: at 100 and 200 files, two workers took as long or longer, 0.5 to
 * 1 CPU s more and about 45 MiB more memory (each loads the bundle and keeps its own heap).
 */
const SMALL_RUN = 200;

/** How many workers to start for this many files. */
function workersFor(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.min(jobs, files);
  if (files < SMALL_RUN) return 1;
  return Math.min(defaultJobs(), Math.ceil(files / SMALL_RUN));
}

export const ACROSS_SKIPPED_NOTE = 'It is left out of the checks across agreements, and of the register, until it matches the format.';

export async function runLint(options: RunOptions): Promise<LintRun> {
  const rules = options.rules ?? RULES;
  const hasAcrossRules = rules.some((r) => r.stage === 'across');
  const failures: FileResult[] = [];
  const stdinPath = options.stdin ? resolve(options.cwd, options.stdin.filename) : '';
  const base = options.base !== undefined && !options.stdin ? await snapshotBase(options.cwd, options.base) : undefined;
  const discovered: Candidate[] = options.stdin
    ? [{ absolute: stdinPath, display: displayPath(options.cwd, stdinPath), explicit: true, stopDir: await stopDirFor(stdinPath, false, options.cwd) }]
    : await discover(options.paths.length ? options.paths : ['.'], options.cwd, failures, new IgnoreFiles(options.ignore !== false, options.cwd, options.ignorePatterns ?? []));
  // With a base, only what the change touched is linted: the rest was linted when it was merged.
  const candidates = base && options.onlyChanged !== false ? discovered.filter((c) => base.changed.has(c.absolute)) : discovered;
  // An agreement's overarching protocol is read only when it is among the paths being linted.
  // A glob stands for the folder it starts from ("examples/**/*.dsa.yaml": examples).
  const roots = options.stdin ? [] : (options.paths.length ? options.paths : ['.']).map((p) => resolve(options.cwd, globBase(p)));

  const explicitConfig = options.configPath
    ? await loadConfigFile(resolve(options.cwd, options.configPath), rules, options.configPath)
    : undefined;
  // One default config per run, so its resolved rules are cached like any other config's.
  const fallbackConfig = defaultConfig(options.cwd);
  // Config files, and the search for them, are shared by every file in a folder: look each up once.
  const finder = new ConfigFinder(rules, (file) => displayPath(options.cwd, file));
  const configFor = async (candidate: Candidate): Promise<Config> =>
    explicitConfig ?? (await finder.forDir(dirname(candidate.absolute), candidate.stopDir)) ?? fallbackConfig;

  const runAsOf = options.asOf ?? explicitConfig?.asOf ?? today();
  // Workers load the built-in rules themselves, so a run with its own rules stays in-process.
  const script = options.rules ? undefined : lintWorkerScript();
  const workers = script && !options.stdin ? workersFor(candidates.length, options.jobs) : 1;
  const pool = workers > 1 ? new LintPool(script!, workers) : undefined;
  const lintFresh = pool ? (task: FileTask, config: Config) => pool.lint(task, config) : (task: FileTask, config: Config) => lintFile(task, config, rules);
  // The cache is keyed on the built-in rules, so a run with its own rules does not use it.
  const cache = options.cache && !options.rules ? await LintCache.open(resolve(options.cwd, options.cache), rules) : undefined;
  const lint = async (task: FileTask, config: Config): Promise<FileOutcome> => {
    if (!cache || task.bytes) return lintFresh(task, config);
    // Only a regular file within the size limit is read here; anything else fails as usual.
    const info = await stat(task.absolute).catch(() => undefined);
    const bytes = info?.isFile() && info.size <= config.maxFileSize ? await readFile(task.absolute).catch(() => undefined) : undefined;
    if (!bytes) return lintFresh(task, config);
    const key = cache.key(task, bytes, config);
    const hit = cache.get(key);
    if (hit) return hit;
    const outcome = await lintFresh({ ...task, bytes }, config);
    cache.set(key, outcome);
    return outcome;
  };

  const inReach = options.sections === 'markdown' && options.sectionAttempts ? new AttemptsInReach(options.sectionAttempts.attempts, options.sectionAttempts.limit) : undefined;
  interface Linted {
    readonly config: Config;
    readonly asOf: string;
    readonly outcome: FileOutcome;
  }
  const start = async (candidate: Candidate): Promise<Linted | undefined> => {
    const config = await configFor(candidate);
    if (!candidate.explicit && options.ignore !== false && isIgnored(config, candidate.absolute)) return undefined;
    const asOf = options.asOf ?? config.asOf ?? runAsOf;
    let task: FileTask = {
      absolute: candidate.absolute,
      display: candidate.display,
      asOf,
      roots,
      keepAgreement: options.keepAgreements !== false,
      ...(options.sections ? { section: options.sections, ...(inReach ? { sectionAttempts: inReach.inReach() } : {}) } : {}),
      ...(options.stdin ? { bytes: options.stdin.bytes } : {}),
    };
    if (base) {
      const previous = await previousVersion(base, candidate, config.maxFileSize);
      if (previous) task = { ...task, previous };
    }
    // A file that breaks dsalint (or its worker) is that file's failure; the run goes on.
    const outcome = await lint(task, config).catch((error: unknown) => failedOutcome(task.display, internalFailure(error)));
    return { config, asOf, outcome };
  };

  const configsUsed = new Map<string, Config>();
  const results: FileResult[] = [...failures];
  const usedWaivers = new Set<string>();
  // Waivers whose files were linted in this run: only these can be known to be unused.
  const matchedWaivers = new Set<string>();
  const datesUsed = new Set<string>();
  // Each record stays packed until every file is linted (and the workers are gone).
  const acrossInputs: (Omit<AcrossInput, 'record'> & { readonly packed: PackedRecord })[] = [];
  // Results are kept until the run ends (10,000 agreements' findings): their
  // repeated short strings are kept once.
  const strings = new StringPool();
  // Files are started a few ahead of the one being collected (so neither the disk nor a
  // worker is waited on in turn), but collected strictly in input order, so output does not
  // depend on timing or on the number of workers.
  const window = pool ? workers * PER_WORKER_AHEAD : READ_AHEAD;
  const pending: Promise<Linted | undefined>[] = [];
  const startAt = (index: number): void => {
    const candidate = candidates[index];
    if (!candidate) return;
    const promise = start(candidate);
    promise.catch(() => undefined); // awaited in order below; this only stops an early rejection counting as unhandled
    pending[index] = promise;
  };
  try {
    for (let i = 0; i < window; i++) startAt(i);
    for (let index = 0; index < candidates.length; index++) {
      const linted = await pending[index]!;
      delete pending[index];
      startAt(index + window);
      options.onProgress?.(index + 1, candidates.length);
      if (!linted) continue;
      const { config, asOf, outcome } = linted;
      for (const c of configChain(config)) if (c.file && !configsUsed.has(c.file)) configsUsed.set(c.file, c);
      datesUsed.add(asOf);
      for (const key of outcome.matchedWaivers) matchedWaivers.add(key);
      for (const key of outcome.usedWaivers) usedWaivers.add(key);
      strings.intern(outcome.result);
      if (outcome.section !== undefined && options.sections) {
        rememberSection(outcome.result, options.sections, outcome.section);
        inReach?.add(outcome.result);
      }
      results.push(outcome.result);
      if (outcome.record) {
        const absolute = candidates[index]!.absolute;
        acrossInputs.push({
          file: outcome.result.path,
          packed: outcome.record,
          rules: effectiveRules(config, rules, absolute),
          asOf,
          waivers: waiversFor(config, absolute),
          waiverPolicy: config.waiverPolicy,
          ...(config.file ? { configFile: config.file } : {}),
          inlineWaivers: outcome.acrossWaivers,
        });
      }
    }
  } finally {
    await pool?.close();
  }
  await cache?.save();

  // Checks across agreements: every agreement that passed the schema, compared once all are linted.
  // Records are unpacked only now that the workers have stopped, each packed copy let go as it is read.
  const records = new Map<string, AgreementRecord>();
  const inputs: AcrossInput[] = [];
  for (let i = 0; i < acrossInputs.length; i++) {
    const { packed, ...input } = acrossInputs[i]!;
    delete acrossInputs[i];
    const record = unpackRecord(packed);
    records.set(input.file, record);
    inputs.push({ ...input, record });
  }
  options.onAcrossStage?.(inputs);
  const across = runAcrossStage(inputs, rules);
  for (const waiver of across.usedWaivers) usedWaivers.add(waiverKey(waiver));
  // A file the format rejects is left out, with a note, when there was anything to compare it with.
  const comparing = hasAcrossRules && results.filter((r) => !r.failure && !r.config).length > 1;
  for (const [index, result] of results.entries()) {
    const added = strings.intern(across.findings.get(result.path));
    const failed = across.failures.get(result.path);
    const record = records.get(result.path);
    const excluded = comparing && !result.failure && !result.config && !record;
    const kept = options.keepRecords !== false ? record : undefined;
    if (!added && !failed && !excluded && !kept) continue;
    results[index] = {
      ...result,
      findings: added ? [...result.findings, ...added].sort(reportOrder(importanceLookup(rules.map((r) => ({ id: r.id, importance: importanceOf(r) }))))) : result.findings,
      notes: excluded ? [...result.notes, ACROSS_SKIPPED_NOTE] : result.notes,
      ...(failed && !result.failure ? { failure: { code: 'internal', message: failed } } : {}),
      ...(kept ? { record: kept } : {}),
    };
    carrySection(result, results[index]!);
  }

  for (const config of configsUsed.values()) {
    const findings = configWaiverFindings(config, rules, usedWaivers, matchedWaivers, options.asOf ?? config.asOf ?? runAsOf);
    if (findings.length) results.push({ path: config.file!, findings, notes: [], config: true });
  }

  results.sort((a, b) => byCodeUnits(a.path, b.path));
  return {
    ...emptyRun(runAsOf, rules),
    // Reports name the date the files were judged by: the one every config agreed on, if they did.
    asOf: datesUsed.size === 1 ? [...datesUsed][0]! : runAsOf,
    files: results,
    rules: rules.map(summariseRule),
    ...(base
      ? {
          base: {
            ref: base.ref,
            commit: base.commit,
            deleted: deletedWithin(base, options.paths.length ? options.paths : ['.'], options.cwd),
            added: candidates.filter((c) => base.changed.get(c.absolute)?.status === 'added').map((c) => c.display),
            changed: candidates.filter((c) => base.changed.has(c.absolute)).map((c) => c.display),
          },
        }
      : {}),
  };
}

/** The version of a changed agreement at the base, as text to compare with; none for an agreement the change adds. */
async function previousVersion(base: BaseSnapshot, candidate: Candidate, maxBytes: number): Promise<PreviousText | undefined> {
  const change = base.changed.get(candidate.absolute);
  if (!change || change.status !== 'modified') return undefined;
  let bytes;
  try {
    bytes = await readAtBase(base, change.repoPath, maxBytes);
  } catch (error) {
    return { ref: base.ref, problem: (error as Error).message };
  }
  if (!bytes) return undefined;
  const read = await decodeAgreement(bytes, `${base.ref}:${candidate.display}`);
  return 'failure' in read ? { ref: base.ref, problem: read.failure.message } : { ref: base.ref, text: read.source.text };
}

/** Agreements the change deletes, under the paths being linted, as display paths. */
function deletedWithin(base: BaseSnapshot, paths: readonly string[], cwd: string): string[] {
  return changesUnder(base, paths, cwd)
    .filter((c) => c.status === 'deleted')
    .map((c) => displayPath(cwd, c.absolute));
}

/** A run with no files, for reports written when dsalint could not lint at all. */
export function emptyRun(asOf = today(), rules: readonly AnyRule[] = RULES): LintRun {
  return { tool: { name: 'dsalint', version: VERSION, informationUri: REPOSITORY_URL }, asOf, files: [], rules: rules.map(summariseRule) };
}

/** Findings about config waivers themselves, reported in the config file. */
function configWaiverFindings(config: Config, rules: readonly AnyRule[], used: ReadonlySet<string>, matched: ReadonlySet<string>, asOf: string): Finding[] {
  const waiverRule = rules.find((r) => r.id === WAIVER_RULE_ID);
  if (!waiverRule || !config.file) return [];
  const enabled = effectiveRules(config, [waiverRule], config.baseDir)[0];
  if (!enabled) return [];
  const findings: Finding[] = [];
  for (const waiver of config.waivers) {
    const report = (messageId: string): void => {
      const spec = messageSpec(waiverRule, messageId);
      const data = { rules: waiver.rule, index: `${waiver.index + 1}`, expires: waiver.expires ?? '' };
      findings.push({
        ruleId: WAIVER_RULE_ID,
        messageId,
        severity: enabled.severity ?? spec.severity ?? waiverRule.meta.severity,
        kind: 'problem',
        message: interpolate(spec.text, data),
        location: { path: `waivers[${waiver.index}]`, range: waiver.range },
        related: [],
        fingerprint: createHash('sha256').update(`${WAIVER_RULE_ID}|${messageId}|${config.file}|${waiver.rule}|${waiver.files.join(',')}`).digest('hex').slice(0, 32),
      });
    };
    if (config.waiverPolicy.neverWaive.includes(waiver.rule)) report('config-never-waivable');
    else if (!waiver.reason) report('no-reason');
    else if (waiver.expires && waiver.expires < asOf) report('expired');
    else {
      if (!waiver.approvedBy) report('no-approver');
      if (!waiver.expires) report('no-expiry');
      // A waiver for agreements this run did not lint is not "unused", just not exercised.
      if (matched.has(waiverKey(waiver)) && !used.has(waiverKey(waiver))) report('unused');
    }
  }
  return findings.sort(reportOrder(importanceLookup([{ id: waiverRule.id, importance: importanceOf(waiverRule) }])));
}


export type FailOn = Severity | 'never';

/**
 * 0: nothing at or above the fail level. 1: findings at or above it (or more warnings than
 * allowed). 2: a file could not be linted at all.
 */
export function exitCodeFor(run: LintRun, failOn: FailOn, maxWarnings?: number): 0 | 1 | 2 {
  if (run.files.some((f) => f.failure)) return 2;
  const active = run.files.flatMap((f) => f.findings).filter((f) => !f.suppression);
  if (failOn !== 'never' && active.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])) return 1;
  if (maxWarnings !== undefined && active.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}


/** The config that applies to one file, as a run would find it (`print-config`). */
export async function configForFile(absolute: string, cwd: string, configPath?: string, rules: readonly AnyRule[] = RULES): Promise<Config> {
  if (configPath) return loadConfigFile(resolve(cwd, configPath), rules, configPath);
  const finder = new ConfigFinder(rules, (file) => displayPath(cwd, file));
  return (await finder.forDir(dirname(absolute), await stopDirFor(absolute, false, cwd))) ?? defaultConfig(cwd);
}
