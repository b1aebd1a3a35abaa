/**
 * `.dsalint.yaml`: discovery, validation (with the config file's own line:column), presets,
 * per-glob overrides and waivers. A bad config is a `ConfigError`, which the CLI turns
 * into exit code 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import safeRegex from 'safe-regex2';
import type { AnyRule, Preset } from './rule.js';
import { PRESETS } from './rule.js';
import type { Range, Severity } from './types.js';
import { SEVERITIES } from './types.js';
import { parseYaml } from './parse.js';
import { AgreementLocator, Locator, formatPath, parsePath, type AgreementPath } from './locate.js';
import { suggest } from './suggest.js';
import { OPTION_VALIDATORS } from '../generated/validate-options.js';
import type { CompiledValidator } from '../schema/validate.js';

export const CONFIG_FILE_NAMES = ['.dsalint.yaml', '.dsalint.yml'] as const;
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export type RuleSetting = Severity | 'off';

export interface RuleConfig {
  readonly severity?: RuleSetting;
  readonly options?: Record<string, unknown>;
}

export interface Waiver {
  /** The config file it is written in, as reports show it. */
  readonly file?: string;
  readonly rule: string;
  readonly files: readonly string[];
  readonly at?: AgreementPath;
  readonly reason?: string;
  readonly approvedBy?: string;
  readonly expires?: string;
  /** Where the entry is, for findings about the waiver itself. */
  readonly range: Range;
  readonly index: number;
}

/** What one config file says for itself, before what it builds on is added. */
export interface OwnSettings {
  readonly presets?: readonly Preset[];
  readonly asOf?: string;
  readonly maxFileSize?: number;
  readonly waiverPolicy?: Partial<WaiverPolicy>;
}

/** How waivers may be used: set by `waiver_policy` in the config. */
export interface WaiverPolicy {
  /** `forbid`: inline `dsalint-disable-next-line` comments suppress nothing (config waivers still work). */
  readonly inline: 'allow' | 'forbid';
  /** An inline waiver of an error-level finding suppresses it only with an approver and an expiry. */
  readonly inlineErrorsNeedApproval: boolean;
  /** Rules no waiver can suppress, inline or in the config. */
  readonly neverWaive: readonly string[];
}

export const DEFAULT_WAIVER_POLICY: WaiverPolicy = { inline: 'allow', inlineErrorsNeedApproval: true, neverWaive: [] };

export interface Config {
  /** The config file, or undefined for the built-in default. */
  readonly file?: string;
  /** Folder globs are relative to. */
  readonly baseDir: string;
  readonly text?: string;
  /** Presets in force: this file's `extends` presets and those of every config it builds on (default recommended). */
  readonly presets: readonly Preset[];
  /** The judging date: this file's `as_of`, else the nearest config it builds on that has one. */
  readonly asOf?: string;
  readonly maxFileSize: number;
  /** This file's own `ignore`, `rules`, `overrides` and `waivers`; `chain` gives those it builds on. */
  readonly ignore: readonly string[];
  readonly rules: Readonly<Record<string, RuleConfig>>;
  readonly overrides: readonly { readonly files: readonly string[]; readonly rules: Readonly<Record<string, RuleConfig>> }[];
  readonly waivers: readonly Waiver[];
  /**
   * The waiver policy in force: `inline` and `inline_errors_need_approval` from the nearest
   * config that sets them; `never_waive` from every config in the chain together.
   */
  readonly waiverPolicy: WaiverPolicy;
  /** `root: true`: folders above are not searched for configs. */
  readonly root: boolean;
  readonly own: OwnSettings;
  /** Configs this one builds on, applied before it in this order: the parent folder's config, then files it extends. */
  readonly parents: readonly Config[];
}

export interface EffectiveRule {
  readonly rule: AnyRule;
  /** The configured severity, overriding message severities; undefined keeps the rule's own. */
  readonly severity?: Severity;
  readonly options: unknown;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly position: { line: number; column: number } | undefined,
    message: string,
  ) {
    super(message);
  }

  /** `file:line:column: message`, the form editors and terminals link. */
  format(): string {
    const where = this.position ? `${this.file}:${this.position.line}:${this.position.column}` : this.file;
    return `${where}: ${this.message}`;
  }
}

export function defaultConfig(baseDir: string): Config {
  return { baseDir, presets: ['recommended'], maxFileSize: DEFAULT_MAX_FILE_SIZE, ignore: [], rules: {}, overrides: [], waivers: [], waiverPolicy: DEFAULT_WAIVER_POLICY, root: true, own: {}, parents: [] };
}

/** A config with what it builds on: presets added up, the nearest `as_of` and `max_file_size`. */
export function withParents(config: Config, parents: readonly Config[]): Config {
  if (parents.length === 0) return config;
  const presets = [...new Set([...parents.flatMap((c) => c.presets), ...(config.own.presets ?? [])])];
  const asOf = config.own.asOf ?? [...parents].reverse().find((c) => c.asOf !== undefined)?.asOf;
  const maxFileSize = config.own.maxFileSize ?? parents[parents.length - 1]!.maxFileSize;
  return { ...config, presets, ...(asOf !== undefined ? { asOf } : {}), maxFileSize, waiverPolicy: resolvePolicy(config.own.waiverPolicy ?? {}, parents), parents };
}

/** A file's own waiver policy over what it builds on: nearest setting wins; rules never waived add up. */
function resolvePolicy(own: Partial<WaiverPolicy>, parents: readonly Config[]): WaiverPolicy {
  const nearest = parents.length ? parents[parents.length - 1]!.waiverPolicy : DEFAULT_WAIVER_POLICY;
  const neverWaive = [...new Set([...parents.flatMap((c) => c.waiverPolicy.neverWaive), ...(own.neverWaive ?? [])])];
  return { inline: own.inline ?? nearest.inline, inlineErrorsNeedApproval: own.inlineErrorsNeedApproval ?? nearest.inlineErrorsNeedApproval, neverWaive };
}

/** Every config that applies, farthest first, each once: what `config` builds on, then itself. */
export function configChain(config: Config): readonly Config[] {
  const out: Config[] = [];
  const seen = new Set<string | Config>();
  const visit = (c: Config): void => {
    for (const parent of c.parents) visit(parent);
    const key = c.file ?? c;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  };
  visit(config);
  return out;
}

/** The config file in a folder, if there is one. */
export async function configFileIn(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(dir, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where config discovery stops for files under `start`: the repository root (the nearest
 * folder above holding `.git`), or, outside a repository, `start` itself, so dsalint never
 * reads configs from folders above the one it was given.
 */
export async function discoveryRoot(start: string): Promise<string> {
  let dir = resolve(start);
  for (;;) {
    if (await exists(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/**
 * Loads the configs that apply to files in folders, each file once: the nearest
 * `.dsalint.yaml` with, cascading, those in the folders above up to the discovery root or a
 * config with `root: true`.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<Config | undefined>>();
  private readonly byFile = new Map<string, Promise<Config>>();

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly display: (absolute: string) => string,
  ) {}

  /** The config for files in `dir`, searching no higher than `stopDir`; undefined when there is none. */
  forDir(dir: string, stopDir: string): Promise<Config | undefined> {
    const key = `${stopDir}\0${dir}`;
    let found = this.byDir.get(key);
    if (!found) this.byDir.set(key, (found = this.find(dir, stopDir)));
    return found;
  }

  private async find(dir: string, stopDir: string): Promise<Config | undefined> {
    const parentDir = dirname(dir);
    const above = (): Promise<Config | undefined> => (dir === stopDir || parentDir === dir || !isInside(dir, stopDir) ? Promise.resolve(undefined) : this.forDir(parentDir, stopDir));
    const file = await configFileIn(dir);
    if (!file) return above();
    const own = await this.load(file);
    if (own.root) return own;
    const parent = await above();
    return parent ? withParents(own, [parent, ...own.parents]) : own;
  }

  /** One config file with the files it extends (not its folder's parents). */
  load(file: string): Promise<Config> {
    let config = this.byFile.get(file);
    if (!config) this.byFile.set(file, (config = loadConfigFile(file, this.rules, this.display(file))));
    return config;
  }
}

function isInside(dir: string, ancestor: string): boolean {
  const rel = relative(ancestor, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

export async function loadConfigFile(path: string, rules: readonly AnyRule[], displayPath = path, extending: readonly string[] = []): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(displayPath, undefined, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const config = parseConfig(text, displayPath, dirname(resolve(path)), rules);
  if (config.extendsFiles.length === 0) return config;
  const parents: Config[] = [];
  for (const { spec, at } of config.extendsFiles) {
    const target = resolveExtends(spec, config.baseDir);
    const fail = (message: string): never => {
      throw new ConfigError(displayPath, at, message);
    };
    if (!target) fail(`"${spec}" is not a preset, and no config file or npm package of that name was found from ${displayPath}; use recommended, strict, a path such as ./base.dsalint.yaml, or an installed package.`);
    const absolute = resolve(target!);
    if (absolute === resolve(path) || extending.includes(absolute)) fail(`"${spec}" extends a config that extends this one; configs cannot extend each other in a circle.`);
    parents.push(await loadConfigFile(absolute, rules, relativeDisplay(displayPath, path, absolute), [...extending, resolve(path)]));
  }
  return withParents(config, parents);
}

/** An extended file's path as reports show it, in the same terms as the config that names it. */
function relativeDisplay(displayPath: string, path: string, target: string): string {
  const base = displayPath.slice(0, displayPath.length - relative(dirname(resolve(path)), resolve(path)).length);
  const rel = relative(dirname(resolve(path)), target).split(sep).join('/');
  return rel.startsWith('..') && base === '' ? target : `${base}${rel}`;
}

/**
 * Where an `extends` entry that is not a preset points: a file path (starting with `.` or
 * `/`), or an npm package installed where the config is (its `.dsalint.yaml`, or the YAML
 * file its package.json names as `main`; a path inside a package also works).
 */
function resolveExtends(spec: string, baseDir: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const target = resolve(baseDir, spec);
    return existsSync(target) ? target : undefined;
  }
  const require = createRequire(join(baseDir, 'noop.js'));
  const attempt = (id: string): string | undefined => {
    try {
      return require.resolve(id);
    } catch {
      return undefined;
    }
  };
  if (/\.ya?ml$/i.test(spec)) return attempt(spec);
  const manifest = attempt(`${spec}/package.json`);
  if (!manifest) return undefined;
  const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown }).main;
  if (typeof main === 'string' && /\.ya?ml$/i.test(main)) return join(dirname(manifest), main);
  for (const name of CONFIG_FILE_NAMES) if (existsSync(join(dirname(manifest), name))) return join(dirname(manifest), name);
  return undefined;
}

const TOP_LEVEL_KEYS = ['root', 'extends', 'as_of', 'max_file_size', 'ignore', 'rules', 'overrides', 'waivers', 'waiver_policy'];
const WAIVER_POLICY_KEYS = ['inline', 'inline_errors_need_approval', 'never_waive'];
const WAIVER_KEYS = ['rule', 'files', 'at', 'reason', 'approved_by', 'expires'];

export interface ParsedConfig extends Config {
  /** `extends` entries that are not presets, to load as files, with where each is written. */
  readonly extendsFiles: readonly { readonly spec: string; readonly at: { line: number; column: number } }[];
}

export function parseConfig(rawText: string, displayPath: string, baseDir: string, rules: readonly AnyRule[]): ParsedConfig {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const parsed = parseYaml(text);
  const locator = new AgreementLocator(parsed.document, text, 0, new Locator(text));
  const fail = (path: AgreementPath, message: string, part: 'key' | 'value' = 'value'): never => {
    throw new ConfigError(displayPath, locator.rangeOfPath(path, part).start, message);
  };
  const firstError = parsed.errors[0];
  if (firstError) {
    throw new ConfigError(displayPath, locator.rangeOfYamlOffsets(firstError.pos[0], firstError.pos[1]).start, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const duplicate = parsed.duplicateKeys[0];
  if (duplicate) {
    throw new ConfigError(displayPath, locator.rangeOfYamlOffsets(duplicate.duplicate[0], duplicate.duplicate[1]).start, `the key "${duplicate.key}" appears twice.`);
  }
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail([], 'the config must be a mapping of keys to values.');
  const raw = data as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const guess = suggest(key, TOP_LEVEL_KEYS);
      fail([key], `unknown key "${key}".${guess ? ` Did you mean "${guess}"?` : ` Allowed keys: ${TOP_LEVEL_KEYS.join(', ')}.`}`, 'key');
    }
  }

  if (raw['root'] !== undefined && typeof raw['root'] !== 'boolean') fail(['root'], '"root" must be true or false.');
  const { presets, files: extendsFiles } = parseExtends(raw['extends'], fail, (path) => locator.rangeOfPath(path, 'value').start);
  const asOf = raw['as_of'] === undefined ? undefined : parseDate(raw['as_of'], ['as_of'], fail);
  const maxFileSize = raw['max_file_size'] === undefined ? undefined : parseSize(raw['max_file_size'], fail);
  const ignore = raw['ignore'] === undefined ? [] : parseGlobs(raw['ignore'], ['ignore'], fail);
  const ruleIndex = new Map(rules.map((r) => [r.id, r]));
  const ruleSettings = raw['rules'] === undefined ? {} : parseRules(raw['rules'], ['rules'], ruleIndex, fail);

  const overrides: Config['overrides'][number][] = [];
  if (raw['overrides'] !== undefined) {
    if (!Array.isArray(raw['overrides'])) fail(['overrides'], '"overrides" must be a list of { files, rules } entries.');
    (raw['overrides'] as unknown[]).forEach((entry, i) => {
      const at = ['overrides', i];
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(at, 'each override must be a mapping with "files" and "rules".');
      const o = entry as Record<string, unknown>;
      for (const key of Object.keys(o)) if (key !== 'files' && key !== 'rules') fail([...at, key], `unknown key "${key}" in an override; use "files" and "rules".`, 'key');
      if (o['files'] === undefined) fail(at, 'this override needs "files": the globs it applies to.', 'key');
      if (o['rules'] === undefined) fail(at, 'this override needs "rules": the settings it applies.', 'key');
      overrides.push({ files: parseGlobs(o['files'], [...at, 'files'], fail), rules: parseRules(o['rules'], [...at, 'rules'], ruleIndex, fail) });
    });
  }

  const waivers: Waiver[] = [];
  if (raw['waivers'] !== undefined) {
    if (!Array.isArray(raw['waivers'])) fail(['waivers'], '"waivers" must be a list.');
    (raw['waivers'] as unknown[]).forEach((entry, i) => {
      const at: AgreementPath = ['waivers', i];
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(at, 'each waiver must be a mapping with rule, files, reason, approved_by and expires.');
      const w = entry as Record<string, unknown>;
      for (const key of Object.keys(w)) {
        if (!WAIVER_KEYS.includes(key)) {
          const guess = suggest(key, WAIVER_KEYS);
          fail([...at, key], `unknown key "${key}" in a waiver.${guess ? ` Did you mean "${guess}"?` : ''}`, 'key');
        }
      }
      if (typeof w['rule'] !== 'string') fail(w['rule'] === undefined ? at : [...at, 'rule'], 'a waiver needs "rule": the rule id it waives.', w['rule'] === undefined ? 'key' : 'value');
      const ruleId = w['rule'] as string;
      if (!ruleIndex.has(ruleId)) fail([...at, 'rule'], unknownRuleMessage(ruleId, ruleIndex));
      if (w['files'] === undefined) fail(at, 'a waiver needs "files": the agreements it applies to.', 'key');
      const optionalText = (key: string): string | undefined => {
        const value = w[key];
        if (value === undefined || value === null) return undefined;
        if (typeof value !== 'string') fail([...at, key], `"${key}" must be text.`);
        return (value as string).trim() === '' ? undefined : (value as string);
      };
      const atPath = optionalText('at');
      waivers.push({
        file: displayPath,
        rule: ruleId,
        files: parseGlobs(w['files'], [...at, 'files'], fail),
        ...(atPath !== undefined ? { at: parsePath(atPath) } : {}),
        reason: optionalText('reason'),
        approvedBy: optionalText('approved_by'),
        expires: w['expires'] === undefined ? undefined : parseDate(w['expires'], [...at, 'expires'], fail),
        range: locator.rangeOfPath(at, 'value'),
        index: i,
      });
    });
  }
  const policy = raw['waiver_policy'] === undefined ? undefined : parseWaiverPolicy(raw['waiver_policy'], ruleIndex, fail);
  const own: OwnSettings = {
    ...(presets.length ? { presets } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(policy ? { waiverPolicy: policy } : {}),
  };
  return {
    file: displayPath,
    baseDir,
    text,
    presets: presets.length || extendsFiles.length ? presets : ['recommended'],
    ...(asOf !== undefined ? { asOf } : {}),
    maxFileSize: maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ignore,
    rules: ruleSettings,
    overrides,
    waivers,
    waiverPolicy: resolvePolicy(policy ?? {}, []),
    root: raw['root'] === true,
    own,
    parents: [],
    extendsFiles,
  };
}

type Fail = (path: AgreementPath, message: string, part?: 'key' | 'value') => never;

function parseWaiverPolicy(value: unknown, ruleIndex: ReadonlyMap<string, AnyRule>, fail: Fail): Partial<WaiverPolicy> {
  const at: AgreementPath = ['waiver_policy'];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, '"waiver_policy" must be a mapping with inline, inline_errors_need_approval and never_waive.');
  const p = value as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!WAIVER_POLICY_KEYS.includes(key)) {
      const guess = suggest(key, WAIVER_POLICY_KEYS);
      fail([...at, key], `unknown key "${key}" in waiver_policy.${guess ? ` Did you mean "${guess}"?` : ` Use ${WAIVER_POLICY_KEYS.join(', ')}.`}`, 'key');
    }
  }
  const inline = p['inline'];
  if (inline !== undefined && inline !== 'allow' && inline !== 'forbid') fail([...at, 'inline'], '"inline" must be allow or forbid.');
  const needApproval = p['inline_errors_need_approval'];
  if (needApproval !== undefined && typeof needApproval !== 'boolean') fail([...at, 'inline_errors_need_approval'], '"inline_errors_need_approval" must be true or false.');
  const never = p['never_waive'];
  if (never !== undefined && (!Array.isArray(never) || never.some((r) => typeof r !== 'string'))) fail([...at, 'never_waive'], '"never_waive" must be a list of rule ids.');
  ((never ?? []) as string[]).forEach((id, i) => {
    if (!ruleIndex.has(id)) fail([...at, 'never_waive', i], unknownRuleMessage(id, ruleIndex));
  });
  return {
    ...(inline !== undefined ? { inline: inline as WaiverPolicy['inline'] } : {}),
    ...(needApproval !== undefined ? { inlineErrorsNeedApproval: needApproval as boolean } : {}),
    ...(never !== undefined ? { neverWaive: never as string[] } : {}),
  };
}

/** `extends`: presets by name, and config files (paths or npm packages) to load. */
function parseExtends(value: unknown, fail: Fail, where: (path: AgreementPath) => { line: number; column: number }): { presets: Preset[]; files: ParsedConfig['extendsFiles'] } {
  const presets: Preset[] = [];
  const files: { spec: string; at: { line: number; column: number } }[] = [];
  if (value === undefined) return { presets, files };
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    const path = Array.isArray(value) ? ['extends', i] : ['extends'];
    if (typeof item !== 'string' || item.trim() === '') fail(path, `"extends" takes preset names (${PRESETS.join(', ')}), config file paths or npm package names.`);
    if (PRESETS.includes(item as Preset)) presets.push(item as Preset);
    else files.push({ spec: item as string, at: where(path) });
  });
  return { presets, files };
}

function parseDate(value: unknown, path: AgreementPath, fail: Fail): string {
  if (typeof value !== 'string' || !isIsoDate(value)) fail(path, `"${formatPath(path)}" must be a date written YYYY-MM-DD, such as 2026-04-01.`);
  return value as string;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function parseSize(value: unknown, fail: Fail): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|KB|MB)?$/.exec(value.trim()) : null;
  if (!match) fail(['max_file_size'], '"max_file_size" must be a number of bytes or a size such as 5MiB.');
  const units: Record<string, number> = { B: 1, KB: 1000, MB: 1000 * 1000, KiB: 1024, MiB: 1024 * 1024 };
  return Math.round(Number(match![1]) * (units[match![2] ?? 'B'] ?? 1));
}

function parseGlobs(value: unknown, path: AgreementPath, fail: Fail): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((g) => typeof g !== 'string' || g.trim() === '')) fail(path, `"${formatPath(path)}" must be a glob or a list of globs, such as "agreements/**/*.dsa.yaml".`);
  (list as string[]).forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) fail(typeof value === 'string' ? path : [...path, i], `the glob "${glob}" ${problem}`);
  });
  return list as string[];
}

/** The most `*` wildcards in one part of a glob between slashes; more make matching slow on long names. */
export const MAX_STARS_PER_SEGMENT = 2;
/** The most `**` folder wildcards followed by more of the glob; more make matching slow on deep folders. */
export const MAX_GLOBSTARS = 2;
const MAX_GLOB_LENGTH = 1000;

/**
 * Why a glob (or a gitignore-style pattern) could make matching slow, or undefined. Each `*`
 * within one part of a path can try every split of a file name against the others, and each
 * `**` every split of a folder path, so matching time grows with the name's length, or the
 * folders' depth, to the power of their number. A `**` that ends the glob tries no splits.
 * `starsPerSegment: false` is for gitignore
 * patterns: the `ignore` package matches any number of `*` in a part in linear time, so only
 * chains of `**` (slow on deep folders) are refused there, and a real `.gitignore` line such as
 * `*.*.*.bak` still works.
 */
export function globProblem(glob: string, { starsPerSegment = true }: { starsPerSegment?: boolean } = {}): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters; use shorter globs.`;
  // An escaped character (`\*`) is matched as itself.
  const segments = glob.replace(/\\./g, '').split('/');
  let globstars = 0;
  for (const [i, segment] of segments.entries()) {
    if (segment === '**') {
      if (i < segments.length - 1 && ++globstars > MAX_GLOBSTARS) {
        return `has more than ${MAX_GLOBSTARS} ** folder wildcards followed by more of the path; use at most ${MAX_GLOBSTARS}, as in "**/drafts/**/*.dsa.yaml", so matching stays quick.`;
      }
      continue;
    }
    if (!starsPerSegment) continue;
    const stars = segment.split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) return `has ${stars} * wildcards between two slashes; use at most ${MAX_STARS_PER_SEGMENT}, as in "*-draft*.dsa.yaml", so matching stays quick.`;
  }
  return undefined;
}

function unknownRuleMessage(id: string, ruleIndex: ReadonlyMap<string, AnyRule>): string {
  const guess = suggest(id, [...ruleIndex.keys()]);
  return `there is no rule "${id}".${guess ? ` Did you mean "${guess}"?` : ' Run `dsalint rules` for the list.'}`;
}

function parseRules(value: unknown, path: AgreementPath, ruleIndex: ReadonlyMap<string, AnyRule>, fail: Fail): Record<string, RuleConfig> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, '"rules" must map rule ids to a severity (off, error, warning, info) or { severity, options }.');
  const out: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const rule = ruleIndex.get(id);
    if (!rule) fail([...path, id], unknownRuleMessage(id, ruleIndex), 'key');
    if (typeof setting === 'string') {
      if (!isSetting(setting)) fail([...path, id], `"${setting}" is not a severity; use off, error, warning or info.`);
      out[id] = { severity: asSetting(setting) };
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) fail([...path, id], 'use a severity (off, error, warning, info) or { severity, options }.');
    const entry = setting as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (key !== 'severity' && key !== 'options') fail([...path, id, key], `unknown key "${key}"; use "severity" and "options".`, 'key');
    if (entry['severity'] !== undefined && !isSetting(entry['severity'])) fail([...path, id, 'severity'], `"${String(entry['severity'])}" is not a severity; use off, error, warning or info.`);
    let options: Record<string, unknown> | undefined;
    if (entry['options'] !== undefined) {
      if (!rule!.meta.optionsSchema) fail([...path, id, 'options'], `the rule ${id} takes no options.`, 'key');
      // Precompiled by `npm run generate` from each rule's optionsSchema.
      const validate = (OPTION_VALIDATORS as Record<string, CompiledValidator>)[id]!;
      if (!validate(entry['options'])) {
        const error = validate.errors?.[0];
        const optionPath = parsePath(error?.instancePath ?? '');
        const name = formatPath(optionPath) || 'value';
        if (error?.keyword === 'additionalProperties') {
          const unknown = String(error.params['additionalProperty']);
          const known = Object.keys((rule!.meta.optionsSchema!['properties'] ?? {}) as object);
          const guess = suggest(unknown, known);
          fail([...path, id, 'options', ...optionPath, unknown], `unknown option "${unknown}".${guess ? ` Did you mean "${guess}"?` : ''} The options are ${known.join(', ')}.`, 'key');
        }
        const detail =
          error?.keyword === 'format' && error.params['format'] === 'regex'
            ? `option ${name} is not a valid regular expression.`
            : `option ${name} ${error?.message ?? 'is not valid'}.`;
        fail([...path, id, 'options', ...optionPath], detail);
      }
      options = entry['options'] as Record<string, unknown>;
      // A config can arrive in a pull request: a pattern that can take exponential time is refused before use.
      const properties = (rule!.meta.optionsSchema?.['properties'] ?? {}) as Record<string, { format?: string }>;
      for (const [option, value] of Object.entries(options)) {
        if (properties[option]?.format === 'regex' && typeof value === 'string' && !safeRegex(value)) {
          fail([...path, id, 'options', option], `option ${option} is a regular expression that can take exponential time on some text (a repeat inside a repeat, such as (a+)+); write it without nested repeats.`);
        }
      }
    }
    out[id] = { ...(entry['severity'] !== undefined ? { severity: asSetting(entry['severity'] as string) } : {}), ...(options ? { options } : {}) };
  }
  return out;
}

/** `warn` is accepted for `warning`, as ESLint users write it. */
function isSetting(value: unknown): boolean {
  return value === 'off' || value === 'warn' || SEVERITIES.includes(value as Severity);
}

function asSetting(value: string): RuleSetting {
  return value === 'warn' ? 'warning' : (value as RuleSetting);
}

/** The path of `file` relative to the config's folder, with forward slashes, for glob matching. */
export function pathForGlobs(config: Config, absoluteFile: string): string {
  return relative(config.baseDir, absoluteFile).split(sep).join('/');
}

const matcherCache = new Map<string, (path: string) => boolean>();
export function matchesAny(globs: readonly string[], path: string): boolean {
  return globs.some((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      // Extended globs (+(a|b)) can nest repeats, so they are matched as plain characters.
      matcher = picomatch(glob, { dot: true, noextglob: true });
      matcherCache.set(glob, matcher);
    }
    return matcher(path);
  });
}

/** Whether an `ignore` glob of the config, or of any config it builds on, matches the file. */
export function isIgnored(config: Config, absoluteFile: string): boolean {
  return configChain(config).some((c) => c.ignore.length > 0 && matchesAny(c.ignore, pathForGlobs(c, absoluteFile)));
}

/** The config waivers, from every config that applies, whose `files` globs match the file. */
export function waiversFor(config: Config, absoluteFile: string): Waiver[] {
  return configChain(config).flatMap((c) => {
    if (c.waivers.length === 0) return [];
    const path = pathForGlobs(c, absoluteFile);
    return c.waivers.filter((w) => matchesAny(w.files, path));
  });
}

const effectiveCache = new WeakMap<Config, WeakMap<readonly AnyRule[], Map<string, EffectiveRule[]>>>();

/**
 * The rules that apply to one file, with severities and options resolved: each config from
 * the farthest to the nearest, its rules then its matching overrides. The answer depends
 * only on which overrides match the file, so it is worked out once per combination.
 */
export function effectiveRules(config: Config, rules: readonly AnyRule[], absoluteFile: string): EffectiveRule[] {
  const chain = configChain(config);
  const matchingByConfig = chain.map((c) => {
    const relativePath = pathForGlobs(c, absoluteFile);
    return c.overrides.filter((o) => matchesAny(o.files, relativePath));
  });
  const key = matchingByConfig.map((matching, i) => matching.map((o) => chain[i]!.overrides.indexOf(o)).join(',')).join('|');
  let byRules = effectiveCache.get(config);
  if (!byRules) effectiveCache.set(config, (byRules = new WeakMap()));
  let byKey = byRules.get(rules);
  if (!byKey) byRules.set(rules, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const layers = chain.flatMap((c, i) => [c.rules, ...matchingByConfig[i]!.map((o) => o.rules)]);
  const effective: EffectiveRule[] = [];
  for (const rule of rules) {
    let enabled = rule.meta.presets.some((p) => config.presets.includes(p));
    let severity: Severity | undefined;
    let options: Record<string, unknown> = {};
    for (const layer of layers) {
      const setting = layer[rule.id];
      if (!setting) continue;
      if (setting.severity === 'off') enabled = false;
      else if (setting.severity) {
        enabled = true;
        severity = setting.severity;
      } else if (setting.options) enabled = true;
      if (setting.options) options = { ...options, ...setting.options };
    }
    if (!enabled) continue;
    effective.push({ rule, severity, options: { ...(rule.meta.defaultOptions as object), ...options } });
  }
  byKey.set(key, effective);
  return effective;
}

/** The effective config for one file, as `print-config` shows it. */
export function describeEffectiveConfig(config: Config, rules: readonly AnyRule[], absoluteFile: string, asOf: string): Record<string, unknown> {
  const effective = effectiveRules(config, rules, absoluteFile);
  return {
    config_file: config.file ?? null,
    ...(config.parents.length ? { builds_on: configChain(config).slice(0, -1).map((c) => c.file ?? null) } : {}),
    extends: config.presets,
    as_of: asOf,
    max_file_size: config.maxFileSize,
    waiver_policy: { inline: config.waiverPolicy.inline, inline_errors_need_approval: config.waiverPolicy.inlineErrorsNeedApproval, never_waive: config.waiverPolicy.neverWaive },
    rules: Object.fromEntries(effective.map((e) => [e.rule.id, { severity: e.severity ?? e.rule.meta.severity, options: e.options }])),
    waivers: waiversFor(config, absoluteFile).map((w) => ({ rule: w.rule, at: w.at ? formatPath(w.at) : null, reason: w.reason ?? null, approved_by: w.approvedBy ?? null, expires: w.expires ?? null })),
  };
}

