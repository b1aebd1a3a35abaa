/**
 * How bin/dsalint.js (src/boot/bin.ts) starts the program, bin/dsalint-program.cjs
 * (src/index.ts bundled as one function body, src/scripts/cli-bundle.ts): it compiles it with a V8 code cache kept in the user's cache folder, so a start skips
 * parsing and compiling 2 MB of JavaScript (about 90 ms of a one-file lint's 330 ms,
 * measured 2026-12-02 on Node 20).
 *
 * The cache is only ever an optimisation: a missing, unreadable, stale or damaged cache
 * file, or a cache folder that cannot be written, means the program is compiled as usual.
 * A cache file is used only for the exact program text (its SHA-256 is in the name), Node
 * version and Node options it was made for, and only if its own SHA-256 matches (V8 checks versions
 * and flags itself, but not the bytes). It is written once, at the end of the first run.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import vm from 'node:vm';
import { makeFolder } from '../core/make-folder.js';

type Program = typeof import('../api.js');

/** Where code caches go: $DSALINT_CODE_CACHE (`off` for none), else the platform's cache folder. */
export function codeCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  const chosen = env['DSALINT_CODE_CACHE'];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32') return env['LOCALAPPDATA'] ? join(env['LOCALAPPDATA'], 'dsalint', 'Cache') : undefined;
  // As the XDG spec says, a relative XDG_CACHE_HOME is ignored; without a home there is no cache (never the current folder).
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'dsalint');
  if (!isAbsolute(home)) return undefined;
  return platform === 'darwin' ? join(home, 'Library', 'Caches', 'dsalint') : join(home, '.cache', 'dsalint');
}

const MAGIC = Buffer.from('dsalint-v8-code-cache\n');
const DIGEST_BYTES = 32;

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** The cache's bytes if the file holds an intact cache, else undefined. */
export function readCodeCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      // Cached code runs as this program: only a file this user owns is trusted (a cache folder
      // set to a shared place could hold anyone's), and it is read through the descriptor checked.
      if (process.getuid && fstatSync(fd).uid !== process.getuid()) return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(start);
  return sha256(data).equals(bytes.subarray(MAGIC.length, start)) ? data : undefined;
}

/**
 * The cache file's name for this program text and file under this Node. Cached code keeps
 * the file name it was compiled under (for stack traces), and Node's options (--cpu-prof,
 * heap sizes) change V8's flags, under which V8 rejects a cache made without them.
 */
export function codeCacheName(program: Uint8Array, path: string, execArgv: readonly string[] = process.execArgv): string {
  const key = createHash('sha256').update(program).update(`\0${path}\0${process.version}\0${process.arch}\0${execArgv.join(' ')}`).digest('hex');
  return `${key.slice(0, 32)}${CACHE_SUFFIX}`;
}

const CACHE_SUFFIX = '.v8';

/** Cache files kept per folder: one per program version and Node set-up in use, the newest first. */
export const CACHES_KEPT = 4;

/**
 * Write a cache file whole or not at all (a run started meanwhile sees the old file or the
 * new one), then remove all but the newest few: each new version of dsalint makes a new one.
 */
export function writeCodeCache(file: string, folder: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    makeFolder(folder, 0o700);
    writeFileSync(partial, Buffer.concat([MAGIC, sha256(data), data]), { mode: 0o600 });
    renameSync(partial, file);
    const caches = readdirSync(folder)
      .filter((name) => name.endsWith(CACHE_SUFFIX))
      .map((name) => ({ path: join(folder, name), written: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const old of caches.slice(CACHES_KEPT)) if (old.path !== file) rmSync(old.path, { force: true });
  } catch {
    // A read-only or full disk, or no folder: the next run compiles as this one did.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** The user's home folder, or '' where there is none (os.homedir() throws when the user has no entry). */
function homeFolder(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Run the program (bin/dsalint-program.cjs beside this file) and return its exports. */
export function loadProgram(url: string): Program {
  const path = fileURLToPath(new URL('./dsalint-program.cjs', url));
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');
  const folder = codeCacheFolder(process.env, process.platform, homeFolder());
  const file = folder && join(folder, codeCacheName(bytes, path));
  const cached = file ? readCodeCache(file) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __dsalintUrl, __dsalintImport) {${source}\n})`, {
    filename: path,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (file && folder && isMainThread && (!cached || script.cachedDataRejected)) {
    // Made after the run, the cache holds every function the run compiled, not only the outer one.
    process.once('exit', () => writeCodeCache(file, folder, script.createCachedData()));
  }
  const module = { exports: {} as Program };
  // The program imports the installed libraries (the document readers) with this file's import(): see withLibraryImportsFromStarter.
  const importLibrary = (specifier: string): Promise<unknown> => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, fileURLToPath(new URL('.', url)), url, importLibrary);
  return module.exports;
}
