/**
 * What people bring from ESLint: standard input, `warn`, --max-warnings saying why, --quiet
 * counting only what it shows, and colour read the way colour libraries read it.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';
import { outputWidth, wantsColor } from '../src/cli/terminal.js';

const GOOD = starterAgreement('2026-07-01');
const BAD = 'dsalint: 1\nid: EX-1\ntitle: Example\nretension: []\nversion: 1.2\n';
const AS_OF = ['--as-of', '2026-11-01'];

describe('standard input', () => {
  it('lints what --stdin reads, named by --stdin-filename, with that folder’s config', async () => {
    const dir = await tempProject({ 'team/.dsalint.yaml': 'rules:\n  schema: warning\n' });
    const result = await runCli(['lint', '--stdin', '--stdin-filename', 'team/draft.dsa.yaml', ...AS_OF], dir, {}, false, BAD);
    expect(result.stdout).toBe(
      [
        'team/draft.dsa.yaml',
        '  4:1   warning  Unknown key `retension` at the top level. Did you mean',
        '                 `retention`?  schema',
        '  5:10  warning  `version` must be text, but it is a number. Put it in quotes:',
        '                 "1.2".  schema',
        '  note: The domain rules were not run because the agreement does not match the',
        '        format. Fix the schema findings and run dsalint again.',
        '',
        '✖ 2 problems (0 errors, 2 warnings) in 1 agreement. Dates judged as of 2026-11-01.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
  });

  it('takes - as the path, reads a Markdown agreement when the name says so, and calls unnamed input <stdin>', async () => {
    const dir = await tempProject({});
    const clean = await runCli(['lint', '-', ...AS_OF], dir, {}, false, GOOD);
    expect(clean).toEqual({ code: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
    const unnamed = await runCli(['lint', '-', '-f', 'json', ...AS_OF], dir, {}, false, BAD);
    expect((JSON.parse(unnamed.stdout) as { files: { path: string }[] }).files[0]!.path).toBe('<stdin>.dsa.yaml');
    const markdown = await runCli(['lint', '--stdin', '--stdin-filename', 'a.dsa.md', '-f', 'json', ...AS_OF], dir, {}, false, `---\n${BAD}---\n\n# Body\n`);
    const findings = (JSON.parse(markdown.stdout) as { files: { findings: { ruleId: string; range: { start: { line: number } } }[] }[] }).files[0]!.findings;
    expect(findings.map((f) => `${f.ruleId}@${f.range.start.line}`)).toEqual(['schema@5', 'schema@6']);
  });

  it('refuses paths and standard input together, and --stdin-filename alone', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': GOOD });
    expect(await runCli(['lint', '-', 'a.dsa.yaml'], dir, {}, false, GOOD)).toEqual({ code: 2, stdout: '', stderr: 'dsalint: give either paths or standard input (--stdin or -), not both.\n' });
    expect((await runCli(['lint', '--stdin-filename', 'x.dsa.yaml'], dir)).stderr).toBe('dsalint: --stdin-filename names standard input; add --stdin (or give - as the path).\n');
  });

  it('reports input that is not UTF-8 as a file that could not be linted (exit 2)', async () => {
    const dir = await tempProject({});
    let stdout = '';
    let stderr = '';
    const { main } = await import('../src/cli/main.js');
    const code = await main(['lint', '--stdin', '-f', 'json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: {}, stdoutIsTTY: false, readStdin: async () => new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]) });
    expect(code).toBe(2);
    expect(stderr).toBe('dsalint: <stdin>.dsa.yaml:1:5 is not valid UTF-8. Save the file as UTF-8 and try again.\n');
    expect(stdout).toContain('"code": "invalid-utf8"');
  });
});

describe('severities and exit codes', () => {
  it('accepts warn for warning, in the config and in --fail-on', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, '.dsalint.yaml': 'rules:\n  schema: warn\n' });
    const result = await runCli(['lint', '-f', 'json', ...AS_OF], dir);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { summary: { warning: number } }).summary.warning).toBe(2);
    expect((await runCli(['lint', '--fail-on', 'warn', ...AS_OF], dir)).code).toBe(1);
  });

  it('says why when --max-warnings fails the run', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, '.dsalint.yaml': 'rules:\n  schema: warning\n' });
    const over = await runCli(['lint', '--max-warnings', '1', ...AS_OF], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('dsalint: 2 warnings found, more than the 1 that --max-warnings allows, so the exit code is 1.\n');
    const within = await runCli(['lint', '--max-warnings', '2', ...AS_OF], dir);
    expect(within).toMatchObject({ code: 0, stderr: '' });
  });

  it('--quiet counts only what it shows: warnings neither appear, nor count, nor trip --max-warnings', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, 'worse.dsa.yaml': 'dsalint: 1\nid: EX-2\ntitle: T\nversion: 1.2\n', '.dsalint.yaml': 'rules:\n  schema: warning\n  duplicate-id: error\n' });
    const result = await runCli(['lint', '--quiet', '--max-warnings', '0', ...AS_OF], dir);
    expect(result).toEqual({ code: 0, stdout: '✔ 2 agreements checked, no errors. Dates judged as of 2026-11-01.\n', stderr: '' });
  });
});

describe('colour', () => {
  it('follows --color and --no-color first, then FORCE_COLOR, then NO_COLOR, then TERM=dumb, then the terminal', () => {
    const cases: [boolean | undefined, Record<string, string>, boolean, boolean][] = [
      [undefined, {}, true, true],
      [undefined, {}, false, false],
      [true, { NO_COLOR: '1' }, false, true],
      [false, { FORCE_COLOR: '1' }, true, false],
      [undefined, { FORCE_COLOR: '1' }, false, true],
      [undefined, { FORCE_COLOR: '' }, false, true],
      [undefined, { FORCE_COLOR: '3' }, false, true],
      [undefined, { FORCE_COLOR: 'true' }, false, true],
      [undefined, { FORCE_COLOR: '0' }, true, false],
      [undefined, { FORCE_COLOR: 'false' }, true, false],
      [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
      [undefined, { NO_COLOR: '1' }, true, false],
      [undefined, { NO_COLOR: '' }, true, true],
      [undefined, { TERM: 'dumb' }, true, false],
    ];
    for (const [flag, env, tty, expected] of cases) expect(wantsColor(flag, env, tty), `${flag} ${JSON.stringify(env)} tty=${tty}`).toBe(expected);
  });

  it('colours the terminal report as the variables and flags say; a report file only with --color', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    expect((await runCli(['lint', ...AS_OF], dir, { FORCE_COLOR: 'false' }, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', '--color', ...AS_OF], dir, {}, false)).stdout).toContain('\u001b[31merror');
    await runCli(['lint', '-o', 'plain.txt', ...AS_OF], dir, { FORCE_COLOR: '1' }, true);
    await runCli(['lint', '-o', 'coloured.txt', '--color', ...AS_OF], dir, {}, true);
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    expect(await readFile(join(dir, 'plain.txt'), 'utf8')).not.toContain('\u001b[');
    expect(await readFile(join(dir, 'coloured.txt'), 'utf8')).toContain('\u001b[');
  });
});

describe('globs and ignore files', () => {
  const paths = (stdout: string): string[] => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);

  it('expands globs on the command line, keeping agreements only and skipping node_modules', async () => {
    const dir = await tempProject({ 'a/one.dsa.yaml': GOOD, 'a/b/two.dsa.md': `---\n${GOOD}---\n`, 'a/notes.yaml': 'x: 1\n', 'c/three.dsa.yaml': GOOD, 'node_modules/x/four.dsa.yaml': GOOD });
    const result = await runCli(['lint', 'a/**/*', '**/three.*', '-f', 'json', ...AS_OF], dir);
    expect(paths(result.stdout)).toEqual(['a/b/two.dsa.md', 'a/one.dsa.yaml', 'c/three.dsa.yaml']);
    const none = await runCli(['lint', 'zzz/**/*.dsa.yaml', ...AS_OF], dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('no agreement files match zzz/**/*.dsa.yaml');
  });

  it('honours .gitignore and .dsalintignore in every folder from the repository root down, nearer files re-including with !', async () => {
    const dir = await tempProject({
      '.gitignore': 'build/\n*.tmp.dsa.yaml\n',
      'agreements/.dsalintignore': 'drafts/\n!keep.tmp.dsa.yaml\n',
      'agreements/a.dsa.yaml': GOOD,
      'agreements/x.tmp.dsa.yaml': GOOD,
      'agreements/keep.tmp.dsa.yaml': GOOD,
      'agreements/drafts/d.dsa.yaml': GOOD,
      'build/b.dsa.yaml': GOOD,
    });
    expect(paths((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout)).toEqual(['agreements/a.dsa.yaml', 'agreements/keep.tmp.dsa.yaml']);
    // Linting a sub-folder still applies the repository root's .gitignore.
    expect(paths((await runCli(['lint', 'agreements', '-f', 'json', ...AS_OF], dir)).stdout)).toEqual(['agreements/a.dsa.yaml', 'agreements/keep.tmp.dsa.yaml']);
    // A file named on the command line is linted whatever the ignore files say.
    expect(paths((await runCli(['lint', 'build/b.dsa.yaml', '-f', 'json', ...AS_OF], dir)).stdout)).toEqual(['build/b.dsa.yaml']);
  });

  it('--ignore-pattern leaves out more; --no-ignore lints everything found', async () => {
    const dir = await tempProject({ '.gitignore': 'old/\n', '.dsalint.yaml': 'ignore: ["skip/**"]\n', 'a.dsa.yaml': GOOD, 'old/b.dsa.yaml': GOOD, 'skip/c.dsa.yaml': GOOD, 'x/d.dsa.yaml': GOOD });
    expect(paths((await runCli(['lint', '-f', 'json', '--ignore-pattern', 'x/', ...AS_OF], dir)).stdout)).toEqual(['a.dsa.yaml']);
    expect(paths((await runCli(['lint', '-f', 'json', '--ignore-pattern', 'x/', '--no-ignore', ...AS_OF], dir)).stdout)).toEqual(['a.dsa.yaml', 'old/b.dsa.yaml', 'skip/c.dsa.yaml', 'x/d.dsa.yaml']);
  });
});

describe('the Action', () => {
  it('takes globs in paths, one per line', async () => {
    const { runAction } = await import('../src/action/main.js');
    const dir = await tempProject({ 'north/a.dsa.yaml': BAD, 'south/b.dsa.yaml': BAD, 'east/c.dsa.yaml': BAD });
    let stdout = '';
    const code = await runAction({ env: { INPUT_PATHS: 'north/*.dsa.yaml\nsouth/**', 'INPUT_AS-OF': '2026-11-01', 'INPUT_JOB-SUMMARY': 'false' }, cwd: dir, stdout: (t) => (stdout += t) });
    expect(code).toBe(1);
    const files = [...stdout.matchAll(/^::error file=([^,]+),/gm)].map((m) => m[1]);
    expect([...new Set(files)]).toEqual(['north/a.dsa.yaml', 'south/b.dsa.yaml']);
  });
});

describe('init --config', () => {
  it('writes a commented .dsalint.yaml that dsalint accepts, and init .dsalint.yaml does the same', async () => {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { parseConfig } = await import('../src/core/config.js');
    const { RULES } = await import('../rules/index.js');
    const dir = await tempProject({ 'a.dsa.yaml': GOOD });
    const written = await runCli(['init', '--config'], dir);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    const text = await readFile(join(dir, '.dsalint.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('# Stop here: do not add the settings of any .dsalint.yaml in the folders above.');
    const config = parseConfig(text, '.dsalint.yaml', dir, RULES);
    expect(config).toMatchObject({ root: true, presets: ['recommended'], ignore: ['archive/**'], waivers: [] });
    expect((await runCli(['lint', '--as-of', '2026-11-01'], dir)).code).toBe(0);
    expect((await runCli(['init', '--config'], dir)).code).toBe(2);
    const other = await tempProject({});
    await runCli(['init', '.dsalint.yaml'], other);
    expect(await readFile(join(other, '.dsalint.yaml'), 'utf8')).toBe(text);
  });
});

describe('wrapping', () => {
  it('explain wraps to 80 columns when not a terminal, and to the terminal width on one, keeping list items hanging', async () => {
    const { main } = await import('../src/cli/main.js');
    const explain = async (stdoutIsTTY: boolean, columns?: number): Promise<string> => {
      let out = '';
      await main(['explain', 'population-exceeds-purpose'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: '.', env: {}, stdoutIsTTY, ...(columns ? { columns } : {}) });
      return out;
    };
    const piped = await explain(false, 200);
    const longest = (text: string): number => Math.max(...text.split('\n').filter((l) => !/https?:\/\//.test(l)).map((l) => l.length));
    expect(longest(piped)).toBeLessThanOrEqual(80);
    expect(piped.split('\n')[0]).toBe('population-exceeds-purpose: Per-case purposes must cover one person per request,');
    const narrow = await explain(true, 50);
    expect(longest(narrow)).toBeLessThanOrEqual(50);
    expect(narrow).toContain('  - UK GDPR Art 5(1)(c) (data minimisation):\n    https://');
  });

  it('stylish wraps long messages under the message column at a given width, and not at all without one', async () => {
    const { stylish } = await import('../src/reporters/stylish.js');
    const { runLint } = await import('../src/core/run.js');
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    const run = await runLint({ paths: ['.'], cwd: dir, asOf: '2026-11-01' });
    expect(stylish(run, { color: false, quiet: false, width: 60 }).split('\n').slice(0, 4)).toEqual([
      'bad.dsa.yaml',
      '  4:1   error  Unknown key `retension` at the top level. Did',
      '               you mean `retention`?  schema',
      '  5:10  error  `version` must be text, but it is a number.',
    ]);
    expect(stylish(run, { color: false, quiet: false }).split('\n')[1]).toBe('  4:1   error  Unknown key `retension` at the top level. Did you mean `retention`?  schema');
  });

  it('stylish wraps at 80 when piped or written with -o, at COLUMNS when set, and at the terminal width on one', async () => {
    const { main } = await import('../src/cli/main.js');
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    const lint = async (args: string[], env: Record<string, string>, stdoutIsTTY: boolean, columns?: number): Promise<string[]> => {
      let out = '';
      await main(['lint', ...args, '--no-color', ...AS_OF], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir, env, stdoutIsTTY, ...(columns ? { columns } : {}) });
      return out.split('\n');
    };
    const longest = (lines: readonly string[]): number => Math.max(...lines.slice(0, -2).map((l) => l.length));
    const piped = await lint([], {}, false, 200);
    expect(longest(piped)).toBeLessThanOrEqual(80);
    expect(piped.slice(1, 3)).toEqual(['  4:1   error  Unknown key `retension` at the top level. Did you mean', '               `retention`?  schema']);
    const narrow = await lint([], { COLUMNS: '50' }, false);
    expect(narrow.slice(1, 4)).toEqual(['  4:1   error  Unknown key `retension` at the top', '               level. Did you mean `retention`?', '               schema']);
    expect(longest(narrow)).toBeLessThanOrEqual(50);
    // Every finding's first line still starts with line:column, for editors and grep.
    expect(narrow.filter((l) => /^ {2}\d+:\d+ /.test(l)).map((l) => l.trim().split(' ')[0])).toEqual(['4:1', '5:10']);
    const terminal = await lint([], {}, true, 120);
    expect(terminal[1]).toBe('  4:1   error  Unknown key `retension` at the top level. Did you mean `retention`?  schema');
    expect(terminal[3]).toBe('  note: The domain rules were not run because the agreement does not match the format. Fix the schema findings and run');
    expect(await lint([], { COLUMNS: '60' }, true, 120)).toEqual(await lint([], { COLUMNS: '60' }, false));
    await lint(['-o', 'report.txt'], {}, true, 200);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(`${dir}/report.txt`, 'utf8')).split('\n')).toEqual(piped);
  });

  it('reads COLUMNS only when it is a positive whole number', () => {
    expect(outputWidth({}, false, 120)).toBe(80);
    expect(outputWidth({}, true, 120)).toBe(120);
    expect(outputWidth({}, true, undefined)).toBe(80);
    expect(outputWidth({ COLUMNS: '100' }, false, undefined)).toBe(100);
    expect(outputWidth({ COLUMNS: '100' }, true, 60)).toBe(100);
    for (const bad of ['', '0', '-5', '12abc', 'wide', '1e3']) expect(outputWidth({ COLUMNS: bad }, true, 60), bad).toBe(60);
  });

  it('never starts a wrapped line with a colon, so quoted agreement text cannot become a CI command', async () => {
    const { wrapKeepingSpaces } = await import('../src/core/summary.js');
    expect(wrapKeepingSpaces('Unknown key `a ::error file=x::pwned` here', 15)).toBe('Unknown key `a ::error\nfile=x::pwned`\nhere');
    const dir = await tempProject({ 'v.dsa.yaml': 'dsalint: 1\nid: EX-1\ntitle: T\n"padding padding padding ::error::pwned": 1\n' });
    for (const columns of ['40', '50', '60', '70', '80']) {
      const out = (await runCli(['lint', ...AS_OF], dir, { COLUMNS: columns })).stdout;
      expect(out.split('\n').filter((l) => /^\s*::/.test(l)), columns).toEqual([]);
      expect(out, columns).toContain('::error::pwned');
    }
  });

  it('paints each line of a wrapped note, so it stays grey', async () => {
    const { stylish } = await import('../src/reporters/stylish.js');
    const { runLint } = await import('../src/core/run.js');
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    const run = await runLint({ paths: ['.'], cwd: dir, asOf: '2026-11-01' });
    const lines = stylish(run, { color: true, quiet: false, width: 60 }).split('\n');
    const note = lines.findIndex((l) => l.includes('note:'));
    expect(lines.slice(note, note + 3)).toEqual([
      '  \u001b[90mnote: The domain rules were not run because the agreement\u001b[0m',
      '        \u001b[90mdoes not match the format. Fix the schema findings\u001b[0m',
      '        \u001b[90mand run dsalint again.\u001b[0m',
    ]);
  });

  it('counts what a terminal shows: colour codes take no room and wide characters take two', async () => {
    const { wrapText } = await import('../src/core/summary.js');
    expect(wrapText('\u001b[31mred\u001b[0m words here', 9)).toBe('\u001b[31mred\u001b[0m words\nhere');
    expect(wrapText('病院 病院 病院', 10)).toBe('病院 病院\n病院');
  });
});

describe('--cache', () => {
  const { readFile, writeFile } = { readFile: async (p: string) => (await import('node:fs/promises')).readFile(p, 'utf8'), writeFile: async (p: string, t: string) => (await import('node:fs/promises')).writeFile(p, t) };
  const pathJoin = async (...parts: string[]) => (await import('node:path')).join(...parts);

  /** Mark every cached message, so output shows which files came from the cache. */
  async function markCache(dir: string): Promise<void> {
    const file = await pathJoin(dir, '.dsalintcache');
    await writeFile(file, (await readFile(file)).replace(/"message":"/g, '"message":"(cached) '));
  }

  it('reuses unchanged files and lints again what changed: content, config or judging date', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': BAD, 'b.dsa.yaml': BAD, '.dsalint.yaml': 'rules:\n  schema: warning\n' });
    const lint = async (...extra: string[]) => (await runCli(['lint', '--cache', '-f', 'json', ...AS_OF, ...extra], dir)).stdout;
    const first = await lint();
    await markCache(dir);
    const cachedRun = await lint();
    expect(cachedRun).toBe(first.replace(/"message": "/g, '"message": "(cached) '));
    await writeFile(await pathJoin(dir, 'b.dsa.yaml'), `${BAD}# edited\n`);
    const edited = JSON.parse(await lint()) as { files: { path: string; findings: { message: string }[] }[] };
    expect(edited.files.map((f) => f.findings[0]!.message.startsWith('(cached)'))).toEqual([true, false]);
    await markCache(dir);
    await writeFile(await pathJoin(dir, '.dsalint.yaml'), 'rules:\n  schema: error\n');
    expect(await lint()).not.toContain('(cached)');
    await markCache(dir);
    expect(await lint('--as-of', '2026-12-01')).not.toContain('(cached)');
    // Without --cache, the cache is neither read nor written.
    await markCache(dir);
    expect((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout).not.toContain('(cached)');
  });

  it('keys entries on the rules: another dsalint version or changed rule metadata misses', async () => {
    const { LintCache } = await import('../src/core/cache.js');
    const { RULES } = await import('../rules/index.js');
    const { defaultConfig } = await import('../src/core/config.js');
    const task = { absolute: '/x/a.dsa.yaml', display: 'a.dsa.yaml', asOf: '2026-11-01', keepAgreement: false };
    const bytes = new TextEncoder().encode(BAD);
    const config = defaultConfig('/x');
    const key = (await LintCache.open('/nonexistent/cache', RULES)).key(task, bytes, config);
    expect((await LintCache.open('/nonexistent/cache', RULES)).key(task, bytes, config)).toBe(key);
    const changed = RULES.map((r, i) => (i === 0 ? { ...r, meta: { ...r.meta, title: `${r.meta.title}!` } } : r));
    expect((await LintCache.open('/nonexistent/cache', changed)).key(task, bytes, config)).not.toBe(key);
  });

  it('writes where --cache-location says, and starts afresh from a cache it cannot read', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': GOOD, 'cache.json': 'not json' });
    const result = await runCli(['lint', '--cache-location', 'cache.json', ...AS_OF], dir);
    expect(result).toEqual({ code: 0, stdout: '✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n', stderr: '' });
    expect(JSON.parse(await readFile(await pathJoin(dir, 'cache.json'))).format).toBe(2);
  });
});
