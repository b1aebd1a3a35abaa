/**
 * `--cache`: results of files that have not changed, kept between runs in one JSON file.
 * An entry is found by a hash of everything the result depends on: the file's bytes and
 * path, the judging date, the config files that apply (their text), the report section
 * drawn, and the rules (dsalint's version and every rule's metadata). Anything else changed
 * means a different key, so the file is linted again; entries not used by a run are dropped.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AnyRule } from './rule.js';
import { configChain, type Config } from './config.js';
import type { FileOutcome, FileTask } from './lint-file.js';
import { VERSION } from '../generated/version.js';

export const DEFAULT_CACHE_FILE = '.dsalintcache';
// 2: the record travels packed (compressed, base64 here) beside the result, not inside it.
const CACHE_FORMAT = 2;

/** An outcome as JSON holds it: the packed record (bytes) in base64. */
type StoredOutcome = Omit<FileOutcome, 'record'> & { readonly record?: string };

interface CacheFile {
  readonly format: number;
  readonly entries: Record<string, StoredOutcome>;
}

function stored(outcome: FileOutcome): StoredOutcome {
  const { record, ...rest } = outcome;
  return record ? { ...rest, record: Buffer.from(record).toString('base64') } : rest;
}

function restored(entry: StoredOutcome): FileOutcome {
  const { record, ...rest } = entry;
  return typeof record === 'string' ? { ...rest, record: new Uint8Array(Buffer.from(record, 'base64')) } : rest;
}

function hash(...parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

export class LintCache {
  private readonly kept: Record<string, StoredOutcome> = {};
  private readonly rulesKey: string;
  private readonly configKeys = new WeakMap<Config, string>();

  private constructor(
    private readonly path: string,
    private readonly entries: Readonly<Record<string, StoredOutcome>>,
    rules: readonly AnyRule[],
  ) {
    this.rulesKey = hash(VERSION, JSON.stringify(rules.map((r) => [r.id, r.stage, r.meta])));
  }

  /** The cache at `path`; a missing or unreadable file is an empty cache. */
  static async open(path: string, rules: readonly AnyRule[]): Promise<LintCache> {
    let entries: Record<string, StoredOutcome> = {};
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
    } catch {
      // No cache yet, or one this version cannot read: start afresh.
    }
    return new LintCache(path, entries, rules);
  }

  private configKey(config: Config): string {
    let key = this.configKeys.get(config);
    if (!key) this.configKeys.set(config, (key = hash(...configChain(config).flatMap((c) => [c.file ?? '(default)', c.text ?? '']))));
    return key;
  }

  key(task: FileTask, bytes: Uint8Array, config: Config): string {
    return hash(this.rulesKey, this.configKey(config), task.display, task.asOf, String(task.keepAgreement), task.section ?? '', bytes);
  }

  get(key: string): FileOutcome | undefined {
    const entry = this.entries[key];
    if (!entry) return undefined;
    this.kept[key] = entry;
    return restored(entry);
  }

  set(key: string, outcome: FileOutcome): void {
    this.kept[key] = stored(outcome);
  }

  /** Write the entries this run used, replacing the file in one step. */
  async save(): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    const keys = Object.keys(this.kept).sort();
    const entries = Object.fromEntries(keys.map((k) => [k, this.kept[k]!]));
    await writeFile(temporary, JSON.stringify({ format: CACHE_FORMAT, entries } satisfies CacheFile));
    await rename(temporary, this.path);
  }
}
