/**
 * What a folder walk leaves out, as git and ESLint users expect: `.gitignore` and
 * `.dsalintignore` files (gitignore syntax, each relative to its own folder, nearer files
 * winning, `!` re-including) and `--ignore-pattern` globs relative to the current folder.
 * Ignore files are read only in the folders between the discovery root and the files.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ConfigError, globProblem } from './config.js';

export const IGNORE_FILE_NAMES = ['.gitignore', '.dsalintignore'] as const;

interface Scope {
  readonly dir: string;
  readonly rules: Ignore;
}

function inside(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return undefined;
  return rel.split(sep).join('/');
}

export class IgnoreFiles {
  private readonly scopes = new Map<string, Promise<readonly Scope[]>>();
  private readonly patterns: Scope | undefined;

  /** `enabled: false` (`--no-ignore`) reads no ignore files and drops the patterns. */
  constructor(
    private readonly enabled: boolean,
    private readonly cwd: string,
    patterns: readonly string[],
  ) {
    if (enabled) {
      for (const pattern of patterns) {
        const problem = globProblem(pattern.trim(), { starsPerSegment: false });
        if (problem) throw new ConfigError('--ignore-pattern', undefined, `the pattern "${pattern}" ${problem}`);
      }
    }
    this.patterns = enabled && patterns.length ? { dir: cwd, rules: ignore().add([...patterns]) } : undefined;
  }

  /** Whether a file or folder (`isDir`) under `stopDir` is ignored. */
  async ignores(path: string, isDir: boolean, stopDir: string): Promise<boolean> {
    if (!this.enabled) return false;
    const scopes = [...(this.patterns ? [this.patterns] : []), ...(await this.scopesFor(dirname(path), stopDir))];
    let ignored = false;
    for (const scope of scopes) {
      const rel = inside(scope.dir, path);
      if (rel === undefined) continue;
      const verdict = scope.rules.test(isDir ? `${rel}/` : rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** The ignore files that apply in `dir`, farthest first, from `stopDir` down. */
  private scopesFor(dir: string, stopDir: string): Promise<readonly Scope[]> {
    const key = `${stopDir}\0${dir}`;
    let found = this.scopes.get(key);
    if (!found) this.scopes.set(key, (found = this.load(dir, stopDir)));
    return found;
  }

  private async load(dir: string, stopDir: string): Promise<readonly Scope[]> {
    if (dir !== stopDir && inside(stopDir, dir) === undefined) return [];
    const above = dir === stopDir ? [] : await this.scopesFor(dirname(dir), stopDir);
    const texts = await Promise.all(IGNORE_FILE_NAMES.map((name) => readFile(join(dir, name), 'utf8').catch(() => undefined)));
    // Ignore files come with the files linted, from whoever wrote them: refuse a pattern that would make matching slow.
    texts.forEach((fileText, i) => this.checkPatterns(join(dir, IGNORE_FILE_NAMES[i]!), fileText ?? ''));
    const text = texts.filter((t) => t !== undefined).join('\n');
    return text.trim() ? [...above, { dir, rules: ignore().add(text) }] : above;
  }

  /** Throws, at its line, on a pattern that could make matching slow. */
  private checkPatterns(file: string, text: string): void {
    text.split(/\r?\n/).forEach((line, i) => {
      const pattern = line.trim();
      const problem = pattern && !pattern.startsWith('#') ? globProblem(pattern, { starsPerSegment: false }) : undefined;
      if (problem) {
        const shown = relative(this.cwd, file).split(sep).join('/');
        throw new ConfigError(shown, { line: i + 1, column: line.indexOf(pattern) + 1 }, `the pattern "${pattern}" ${problem}`);
      }
    });
  }
}
