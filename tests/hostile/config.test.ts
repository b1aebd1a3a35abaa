/**
 * A .dsalint.yaml can arrive in a pull request: regular expressions and globs in it are
 * checked before use, so a config cannot make a run take minutes.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { simulateAction } from '../helpers/action.js';
import { globProblem, matchesAny } from '../../src/core/config.js';

const AGREEMENT = 'dsalint: 1\nid: EX-1\ntitle: T\n';
const SLOW_GLOB = '*a*a*a*a*a*a*a*a*a*a*b';
const STAR_PROBLEM = 'has 11 * wildcards between two slashes; use at most 2, as in "*-draft*.dsa.yaml", so matching stays quick.';
/** Took 31 s in the ignore package, and 8.7 s in picomatch, on one path 40 folders deep. */
const DEEP_GLOB = 'x/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/b';
const DEEP_PROBLEM = 'has more than 2 ** folder wildcards followed by more of the path; use at most 2, as in "**/drafts/**/*.dsa.yaml", so matching stays quick.';

describe('untrusted config', () => {
  it('refuses a rule option pattern with nested repeats, before using it', async () => {
    const dir = await tempProject({
      'a.dsa.yaml': AGREEMENT,
      '.dsalint.yaml': "rules:\n  s251-approval-invalid:\n    options:\n      reference_pattern: '^(a+)+$'\n",
    });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dsalint: invalid config: .dsalint.yaml:4:26: option reference_pattern is a regular expression that can take exponential time on some text (a repeat inside a repeat, such as (a+)+); write it without nested repeats.\n',
    );
  });

  it.each([
    ['ignore', `ignore: ['${SLOW_GLOB}']\n`, '1:10'],
    ['overrides.files', `overrides:\n  - files: ['${SLOW_GLOB}']\n    rules: { schema: warning }\n`, '2:13'],
    ['waivers.files', `waivers:\n  - rule: schema\n    files: '${SLOW_GLOB}'\n    reason: test\n`, '3:12'],
  ])('refuses a glob with many * in one part of a path in %s', async (_key, config, where) => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.dsalint.yaml': config });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `dsalint: invalid config: .dsalint.yaml:${where}: the glob "${SLOW_GLOB}" ${STAR_PROBLEM}\n`,
    );
  });

  it('refuses more than two ** followed by more of the path (slow on deep folders), in the config too', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.dsalint.yaml': `ignore: ['${DEEP_GLOB}']\n` });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dsalint: invalid config: .dsalint.yaml:1:10: the glob "${DEEP_GLOB}" ${DEEP_PROBLEM}\n`);
  });

  it('accepts ordinary globs, and matches extended-glob syntax as plain text', () => {
    expect(['agreements/**/*.dsa.yaml', '**/*-draft*.dsa.md', 'north east/*.dsa.yml', '**/drafts/**/x/**', '\\*\\*\\*.dsa.yaml'].map((glob) => globProblem(glob))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(matchesAny(['+(a|aa)*.dsa.yaml'], 'aaaa.dsa.yaml')).toBe(false);
    expect(matchesAny(['**/*-draft*.dsa.yaml'], 'x/y/a-draft-2.dsa.yaml')).toBe(true);
  });
});

describe('untrusted ignore patterns', () => {
  it('refuses a slow line of a .gitignore at its line and column, skipping comments', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.gitignore': `node_modules/\n# ${DEEP_GLOB}\n${DEEP_GLOB}\n` });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`dsalint: invalid config: .gitignore:3:1: the pattern "${DEEP_GLOB}" ${DEEP_PROBLEM}\n`);
  });

  it('accepts many * in one part of an ignore line: the ignore package matches them in linear time', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'b.x.y.bak.dsa.yaml': 'x: [', '.gitignore': `*.*.*.bak*\n${SLOW_GLOB}\n` });
    const result = await runCli(['lint', '-f', 'json'], dir);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['a.dsa.yaml']);
    expect(result.code).toBe(1);
  });

  it('refuses a slow line of a .dsalintignore in a folder below', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'sub/b.dsa.yaml': AGREEMENT, 'sub/.dsalintignore': `x\n  ${DEEP_GLOB}\n` });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dsalint: invalid config: sub/.dsalintignore:2:3: the pattern "${DEEP_GLOB}" ${DEEP_PROBLEM}\n`);
  });

  it('refuses a slow --ignore-pattern', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT });
    const result = await runCli(['lint', '--ignore-pattern', 'drafts/', '--ignore-pattern', DEEP_GLOB], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dsalint: invalid config: --ignore-pattern: the pattern "${DEEP_GLOB}" ${DEEP_PROBLEM}\n`);
  });

  it('refuses a slow glob given as a path, as a file it could not lint, and lints the other paths', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT });
    const glob = `${SLOW_GLOB}.dsa.yaml`;
    const result = await runCli(['lint', 'a.dsa.yaml', glob, '-f', 'json'], dir);
    expect(result.code).toBe(2);
    const run = JSON.parse(result.stdout) as { files: { path: string; failure?: { code: string; message: string } }[] };
    expect(run.files.map((f) => [f.path, f.failure?.message])).toEqual([
      [glob, `the glob ${glob} ${STAR_PROBLEM}`],
      ['a.dsa.yaml', undefined],
    ]);
  });

  it('keeps ordinary ignore files working: --no-ignore reads none of them', async () => {
    const linted = async (dir: string, args: readonly string[]): Promise<string[]> => {
      const result = await runCli(['lint', ...args, '-f', 'json'], dir);
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    };
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, 'drafts/b.dsa.yaml': 'x: [', 'x/old/y/c.dsa.yaml': 'x: [', '.gitignore': `drafts/\n*.*.bak\n**/old/**/*.dsa.yaml\n` });
    expect(await linted(dir, [])).toEqual(['a.dsa.yaml']);
    const slow = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.gitignore': `${DEEP_GLOB}\n` });
    expect(await linted(slow, ['--no-ignore'])).toEqual(['a.dsa.yaml']);
  });

  it('in the Action: a slow .gitignore line stops the run with exit 2, still writing the summary and outputs', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT, '.gitignore': `${DEEP_GLOB}\n` });
    const result = await simulateAction(dir, {});
    expect(result.code).toBe(2);
    expect(result.outputs['exit-code']).toBe('2');
    expect(result.stdout).toContain(`::error title=dsalint::dsalint: invalid config: .gitignore:1:1: the pattern "${DEEP_GLOB}" ${DEEP_PROBLEM}`);
    // The job summary is Markdown: its * are escaped.
    expect(result.summary).toContain(`> - dsalint: invalid config: .gitignore:1:1: the pattern "${DEEP_GLOB}" ${DEEP_PROBLEM}`.replace(/\*/g, '\\*'));
  });

  it("in the Action: a slow glob in paths is a file it could not lint (exit 2); the other paths are linted", async () => {
    const dir = await tempProject({ 'a.dsa.yaml': AGREEMENT });
    const result = await simulateAction(dir, { paths: `a.dsa.yaml\n${DEEP_GLOB}` });
    expect(result.code).toBe(2);
    expect(result.outputs['exit-code']).toBe('2');
    expect(result.summary).toContain(`the glob ${DEEP_GLOB} ${DEEP_PROBLEM}`.replace(/\*/g, '\\*'));
  });
});
