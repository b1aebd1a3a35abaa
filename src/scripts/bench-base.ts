/**
 * The `lint --base` figure of `npm run bench`: on a git repository of 1,000 agreements with
 * 20 changed, `lint --base HEAD` against linting just the 20 changed files plus reading their
 * base versions (`snapshotBase`, one `git cat-file` per changed file, and parsing what it
 * returns). Each side runs in its own child process (this file with `--measure`), timed after
 * one warm-up pass so module loading is not counted; best of three.
 * `node dist/src/scripts/bench-base.js` prints just this figure.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './bench-corpus.js';

const here = fileURLToPath(import.meta.url);

type Side = 'base' | 'changed' | 'reads';

export interface BaseFigure {
  readonly changed: number;
  /** Seconds: lint --base; the changed files alone; reading their base versions. */
  readonly base: number;
  readonly alone: number;
  readonly reads: number;
}

/** The files the bench changes, one per line, beside the repository. */
const changedList = (dir: string): string => `${dir}.changed`;

/** One pass of one side, returning how many files it handled. */
async function side(which: Side, dir: string): Promise<() => Promise<number>> {
  const changed = (await readFile(changedList(dir), 'utf8')).split('\n').filter(Boolean);
  if (which === 'reads') {
    const { snapshotBase, readAtBase } = await import('../core/git.js');
    const { parseYaml } = await import('../core/parse.js');
    return async () => {
      const base = await snapshotBase(dir, 'HEAD');
      for (const change of base.changed.values()) {
        const bytes = await readAtBase(base, change.repoPath, 5 * 1024 * 1024);
        if (bytes) parseYaml(bytes.toString('utf8'));
      }
      return base.changed.size;
    };
  }
  const { executeLint } = await import('../core/lint-command.js');
  return async () => {
    const result = await executeLint({
      ...(which === 'base' ? { paths: [dir], base: 'HEAD' } : { paths: changed }),
      cwd: dir,
      format: 'json',
      failOn: 'error',
      quiet: false,
      color: false,
      asOf: '2026-11-01',
    });
    return result.run.files.length;
  };
}

function measureInChild(which: Side, dir: string): number {
  return Number(execFileSync(process.execPath, [here, '--measure', which, dir], { encoding: 'utf8' }));
}

/** Build the repository (1,000 agreements committed, 20 then edited) and measure the three sides. */
export async function benchBase(dir: string): Promise<BaseFigure> {
  await rm(dir, { recursive: true, force: true });
  await makeCorpus(dir, 1000);
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'corpus');
  const all = git('ls-files').split('\n').filter((f) => /\.dsa\.(ya?ml|md)$/.test(f));
  const changed = all.filter((_, i) => i % 50 === 7).slice(0, 20);
  for (const file of changed) {
    const path = join(dir, file);
    await writeFile(path, (await readFile(path, 'utf8')).replace(/history_window: P2Y/g, 'history_window: P5Y'));
  }
  await writeFile(changedList(dir), changed.map((f) => join(dir, f)).join('\n'));
  const best = (which: Side): number => Math.min(measureInChild(which, dir), measureInChild(which, dir), measureInChild(which, dir));
  return { changed: changed.length, base: best('base'), alone: best('changed'), reads: best('reads') };
}

export function describeBaseFigure(f: BaseFigure): string {
  const budget = f.alone + f.reads;
  return (
    `lint --base, 1,000 agreements with ${f.changed} changed: ${(f.base * 1000).toFixed(0)} ms; the ${f.changed} changed files alone ` +
    `${(f.alone * 1000).toFixed(0)} ms + reading their base versions ${(f.reads * 1000).toFixed(0)} ms = ${(budget * 1000).toFixed(0)} ms; ` +
    `ratio ${(f.base / budget).toFixed(2)} (goal <= 1.00). Best of 3, each after a warm-up pass.`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--measure');
  if (at >= 0) {
    const [which, dir] = process.argv.slice(at + 1) as [Side, string];
    const once = await side(which, dir);
    await once();
    const start = performance.now();
    await once();
    process.stdout.write(String((performance.now() - start) / 1000));
  } else {
    process.stdout.write(`${describeBaseFigure(await benchBase(join(tmpdir(), 'dsalint-bench', 'repository-1000')))}\n`);
  }
}
