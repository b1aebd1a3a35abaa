/**
 * Reading the base of a change with git itself (`lint --base`, `diff --base`): which
 * agreements changed since a ref, and their text at that ref. git runs through execFile with
 * fixed arguments (no shell), never fetches (lazy fetching and every transport are turned
 * off), takes no locks and asks no questions.
 */
import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { realpath } from 'node:fs/promises';
import { AGREEMENT_FILE_PATTERN } from './source.js';
import { byCodeUnits } from './compare.js';

export class GitError extends Error {}

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedAgreement {
  readonly status: ChangeStatus;
  /** Absolute path in the working tree. */
  readonly absolute: string;
  /** Path inside the repository, with forward slashes, as git names it. */
  readonly repoPath: string;
}

export interface BaseSnapshot {
  /** The ref as the user wrote it. */
  readonly ref: string;
  /** The commit it names. */
  readonly commit: string;
  readonly root: string;
  /** Agreements added, changed or deleted since the ref (working tree against the ref), by absolute path as the run names it. */
  readonly changed: ReadonlyMap<string, ChangedAgreement>;
}

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
/** `-c` settings on every call: no transport may be used, so nothing can reach the network. */
const NO_NETWORK = ['-c', 'protocol.allow=never', '-c', 'core.fsmonitor=false'];

function git(cwd: string, args: readonly string[], maxBuffer = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...NO_NETWORK, ...args], { cwd, env: { ...process.env, ...GIT_ENV }, maxBuffer, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new GitError('git is not installed or not on the PATH; --base needs it to read the earlier versions.'));
        else reject(Object.assign(new GitError(stderr.trim().split('\n')[0] || error.message), { stderr }));
        return;
      }
      resolvePromise(stdout);
    });
  });
}

/** The repository's top folder, or a GitError saying the folder is not in one. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`${cwd} is not inside a git repository, so --base has nothing to compare with.`);
    throw error;
  }
}

/** The commit a ref names, or a plain GitError when there is none. */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  // A ref starting with "-" would be read by git as an option.
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) throw new GitError(`--base "${ref}" is not a branch, tag or commit name.`);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(
      `--base "${ref}": there is no branch, tag or commit called "${ref}" in this repository. In a pull-request workflow, check out with fetch-depth: 0 (or fetch the base branch) so the base commit is present.`,
    );
  }
}

function isAgreementPath(path: string): boolean {
  return AGREEMENT_FILE_PATTERN.test(path);
}

/** Agreements added, changed or deleted between `ref` and the working tree (untracked new files count as added). */
export async function snapshotBase(cwd: string, ref: string): Promise<BaseSnapshot> {
  const root = await realpath(await repositoryRoot(cwd));
  const commit = await resolveCommit(cwd, ref);
  // Keys are paths as the run names them (under cwd as given), even when cwd is reached through a link.
  const realCwd = await realpath(cwd);
  const changed = new Map<string, ChangedAgreement>();
  const add = (status: ChangeStatus, repoPath: string): void => {
    if (!isAgreementPath(repoPath)) return;
    const absolute = resolve(cwd, relative(realCwd, resolve(root, ...repoPath.split('/'))));
    changed.set(absolute, { status, absolute, repoPath });
  };
  const diff = await git(root, ['diff', '--name-status', '--no-renames', '-z', '--no-ext-diff', commit, '--']);
  const fields = diff.split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const path = fields[i + 1]!;
    add(status.startsWith('A') ? 'added' : status.startsWith('D') ? 'deleted' : 'modified', path);
  }
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  for (const path of untracked.split('\0')) if (path) add('added', path);
  return { ref, commit, root, changed };
}

/** The text of a file at the base commit; undefined when it did not exist there. */
export async function readAtBase(base: BaseSnapshot, repoPath: string, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...NO_NETWORK, 'cat-file', 'blob', `${base.commit}:${repoPath}`], { cwd: base.root, env: { ...process.env, ...GIT_ENV }, maxBuffer: maxBytes, encoding: 'buffer', windowsHide: true }, (error, stdout) => {
      if (error) {
        if ((error as { code?: unknown }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new GitError(`${base.ref}:${repoPath} is over the size limit for one agreement.`));
        else resolvePromise(undefined);
        return;
      }
      resolvePromise(stdout);
    });
  });
}

/** The changes under any of `paths` (files or folders, relative to `cwd`), in repository path order. */
export function changesUnder(base: BaseSnapshot, paths: readonly string[], cwd: string): ChangedAgreement[] {
  const roots = (paths.length ? paths : ['.']).map((p) => resolve(cwd, p));
  const under = (absolute: string): boolean => roots.some((r) => absolute === r || absolute.startsWith(r.endsWith(sep) ? r : r + sep));
  return [...base.changed.values()].filter((c) => under(c.absolute)).sort((a, b) => byCodeUnits(a.repoPath, b.repoPath));
}
