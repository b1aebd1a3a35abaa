/**
 * The hostile-input section of `npm run bench`: the worst inputs found under the size limit
 * (issue 13), each linted by the built command in a fresh process, with its wall time and
 * peak memory. Goal: every one under 5 s and 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const HEAD = 'dsalint: 1\nid: EX-1\ntitle: T\n';
const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('');
const markdown = (body: string): string => `---\n${HEAD}---\n${body}`;

interface HostileCase {
  readonly name: string;
  /** The file linted; its extension chooses YAML or Markdown. */
  readonly file: string;
  readonly text: string;
  /** More files beside it (an ignore file), when the case needs them; then its folder is linted. */
  readonly beside?: Readonly<Record<string, string>>;
  /** The exit code expected when it is not 0 or 1 (a refused pattern exits 2). */
  readonly exit?: number;
}

/** One paragraph just under the Markdown body guard (256 KiB), repeating a phrase. */
const paragraph = (phrase: string): string => markdown(`${phrase.repeat(Math.floor(250_000 / phrase.length))}.\n`);
/** Took 31 s in the ignore package on one path 40 folders deep; now refused before matching. */
const DEEP_GLOB = 'x/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/a*/**/b';

/** Each case: a name, the file name (its extension chooses YAML or Markdown), and the text. */
function cases(): HostileCase[] {
  const phrase = 'The data may be kept for as long as the ICB considers necessary and used for any other purpose';
  return [
    { name: '300 KB of unclosed quotes (300,000 syntax errors)', file: 'quotes.dsa.yaml', text: HEAD + '"\n'.repeat(150_000) },
    { name: '5 MiB of unclosed quotes', file: 'quotes-5mib.dsa.yaml', text: HEAD + '"\n'.repeat(2_600_000) },
    { name: '1 MB of ] between documents (800,000 syntax errors)', file: 'brackets.dsa.yaml', text: HEAD + ']]]]]\n'.repeat(160_000) },
    { name: '1 MB of `k: ]]]...` lines (990,000 syntax errors)', file: 'brackets-keys.dsa.yaml', text: HEAD + `k: ${']'.repeat(60)}\n`.repeat(16_000) },
    { name: '1 MB of unclosed quotes (500,000 lines: refused before parsing)', file: 'quotes-1mb.dsa.yaml', text: HEAD + '"\n'.repeat(500_000) },
    { name: '100,000 unknown keys', file: 'keys.dsa.yaml', text: HEAD + lines(100_000, (i) => `k${i}: 1\n`) },
    { name: '100,000 custom tags', file: 'tags.dsa.yaml', text: `${HEAD}x:\n${lines(100_000, (i) => `  - !t${i} 1\n`)}` },
    { name: '50,000 inline waiver comments', file: 'waivers.dsa.yaml', text: `${HEAD}x:\n${lines(50_000, (i) => `  # dsalint-disable-next-line schema -- r\n  - ${i}\n`)}` },
    { name: 'one 250 KB paragraph repeating an open-ended phrase', file: 'prose.dsa.md', text: markdown(`${`${phrase}, `.repeat(2_600)}.\n`) },
    { name: 'one 250 KB paragraph: "shared with the police and" repeated', file: 'prose-share.dsa.md', text: paragraph('The data is shared with the police and ') },
    { name: 'one 250 KB paragraph: "SHARED WITH ACME" repeated (one long name)', file: 'prose-name.dsa.md', text: paragraph('SHARED WITH ACME ') },
    { name: 'one 250 KB paragraph: "under the Data Protection Act 1998 and" repeated', file: 'prose-law.dsa.md', text: paragraph('under the Data Protection Act 1998 and ') },
    { name: 'one 250 KB paragraph: "they are not joint controllers and" repeated', file: 'prose-joint.dsa.md', text: paragraph('they are not joint controllers and ') },
    { name: 'Markdown: 5,000 [ (at the guard)', file: 'brackets.dsa.md', text: markdown('['.repeat(5_000)) },
    { name: 'Markdown: 4,999 [a]( (at the guard)', file: 'links.dsa.md', text: markdown('[a]('.repeat(4_999)) },
    { name: 'Markdown: *a _b  x 10,000 (at the guard)', file: 'emphasis.dsa.md', text: markdown('*a _b '.repeat(10_000)) },
    { name: 'Markdown: 2,000 list items two deep (at the guard)', file: 'list.dsa.md', text: markdown(lines(1_000, () => '- - x\n')) },
    { name: 'Markdown: 100,000 backticks', file: 'backticks.dsa.md', text: markdown('`'.repeat(100_000)) },
    { name: 'Markdown: 10,000 one-line paragraphs (at the 20,000-line guard)', file: 'paragraphs.dsa.md', text: markdown('b\n\n'.repeat(9_999)) },
    { name: 'Markdown: a 20,000-row table (at the line guard)', file: 'table.dsa.md', text: markdown(`|a|b|\n|-|-|\n${'|x|y|\n'.repeat(19_990)}`) },
    { name: 'Markdown: 39 list items each with 499 lazy lines (at the guard)', file: 'lazy.dsa.md', text: markdown(`- a\n${'b\n'.repeat(499)}\n`.repeat(39)) },
    { name: 'Markdown: 83,000 one-line paragraphs (over the line guard: body skipped)', file: 'paragraphs-over.dsa.md', text: markdown('b\n\n'.repeat(83_000)) },
    { name: 'Markdown: 2,000 list items then 120,000 lazy lines (over the guard: body skipped)', file: 'lazy-over.dsa.md', text: markdown(`${'- b\n'.repeat(2_000)}${'c\n'.repeat(120_000)}`) },
    { name: 'Markdown: 100,000 [ (over the guard: body skipped)', file: 'brackets-over.dsa.md', text: markdown('['.repeat(100_000)) },
    { name: 'Markdown: 16,000 list items (over the guard: body skipped)', file: 'list-over.dsa.md', text: markdown(lines(16_000, () => '- x\n')) },
    {
      name: '.gitignore with 8 ** and an agreement 40 folders deep (refused, exit 2)',
      file: `ignore-deep/x/${'a/'.repeat(40)}c.dsa.yaml`,
      text: HEAD,
      beside: { 'ignore-deep/.gitignore': `${DEEP_GLOB}\n` },
      exit: 2,
    },
  ];
}

/** Lint one file with the built command; wall time and the child's peak RSS (printed by a preload). */
function measure(cli: string, preload: string, file: string): { seconds: number; peakMiB: number; status: number | null } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, cli, 'lint', file, '-f', 'json', '--as-of', '2026-11-01'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  const peak = /dsalint-peak-rss (\d+)/.exec(result.stderr)?.[1];
  return { seconds, peakMiB: peak ? Number(peak) / 1024 : Number.NaN, status: result.status };
}

export async function hostileSection(cli: string, root: string): Promise<string> {
  const dir = join(root, 'hostile');
  await mkdir(dir, { recursive: true });
  const preload = join(dir, 'peak-rss.cjs');
  await writeFile(preload, "process.on('exit', () => process.stderr.write(`dsalint-peak-rss ${process.resourceUsage().maxRSS}\\n`));\n");
  const rows: string[] = [];
  for (const c of cases()) {
    const file = join(dir, c.file);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, c.text);
    for (const [name, text] of Object.entries(c.beside ?? {})) await writeFile(join(dir, name), text);
    const firstBeside = Object.keys(c.beside ?? {})[0];
    const m = measure(cli, preload, firstBeside ? dirname(join(dir, firstBeside)) : file);
    const ok = m.seconds <= 5 && m.peakMiB <= 500 && (c.exit === undefined ? m.status !== 2 : m.status === c.exit);
    rows.push(`| ${c.name} | ${(c.text.length / 1024).toFixed(0)} KiB | ${m.seconds.toFixed(2)} s | ${m.peakMiB.toFixed(0)} MiB | ${m.status} | ${ok ? 'yes' : 'NO'} |`);
  }
  return [
    'Hostile inputs (each in a fresh process; goal: under 5 s and 500 MB, exit code not 2 unless the input is refused):',
    '',
    '| input | size | time | peak memory | exit | within goal |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** `node dist/src/scripts/bench-hostile.js`: this section alone. */
if (process.argv[1]?.endsWith('bench-hostile.js')) {
  const { fileURLToPath } = await import('node:url');
  const { tmpdir } = await import('node:os');
  const here = dirname(fileURLToPath(import.meta.url));
  process.stdout.write(await hostileSection(join(here, '..', '..', '..', 'bin', 'dsalint.js'), join(tmpdir(), 'dsalint-bench')));
}
