/**
 * A file cannot make a report unbounded: findings are capped per rule and per file, with
 * one notice saying how many were held back, and the Markdown body is parsed only when it
 * is small and simple enough to parse quickly.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeFindings, lintText } from '../helpers/lint.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { proseTooComplex } from '../../src/core/markdown.js';
import { runLint } from '../../src/core/run.js';
import { FORMATS, REPORTERS } from '../../src/reporters/index.js';
import { simulateAction } from '../helpers/action.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const HEAD = 'dsalint: 1\nid: EX-1\ntitle: T\n';
/** 300 KB of unclosed quotes, one a line: 300,000 syntax errors and 150,000 duplicate keys. */
const QUOTES = `${HEAD}${'"\n'.repeat(150_000)}`;

describe('caps on findings', () => {
  it('keeps the first 10,000 YAML problems, lists 200 findings of one rule and one notice counting the rest', async () => {
    const outcome = await lintText(QUOTES);
    expect(outcome.findings.find((f) => f.messageId === 'too-many-errors')?.message).toBe(
      'The YAML has more than 10,000 errors and warnings; dsalint recorded the first 10,000 and counted 290,001 more. Fix them from the top and run dsalint again.',
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.findings).toHaveLength(402);
    const notices = outcome.findings.filter((f) => f.ruleId === 'limit-reached');
    expect(notices.map((f) => [f.messageId, f.severity, describeFindings([f])[0], f.message])).toEqual([
      [
        'findings-per-rule',
        'error',
        'limit-reached findings-per-rule 103:1-103:2',
        'dsalint lists at most 200 findings of yaml-syntax in one file and held back 9,801 more here, starting at this place; fix the ones shown and run dsalint again.',
      ],
      [
        'findings-per-rule',
        'error',
        'limit-reached findings-per-rule 205:1-205:2',
        'dsalint lists at most 200 findings of yaml-duplicate-key in one file and held back 149,799 more here, starting at this place; fix the ones shown and run dsalint again.',
      ],
    ]);
  });

  it('keeps the most serious findings of a file and counts the rest', async () => {
    const outcome = await lintText(`${HEAD}a: 1\nb: 2\nc: 3\nd: 4\n`, { options: { 'limit-reached': { max_findings_per_file: 3 } } });
    expect(describeFindings(outcome.findings)).toEqual(['schema unknown-key 4:1-4:2', 'schema unknown-key 5:1-5:2', 'schema unknown-key 6:1-6:2', 'limit-reached findings-per-file 7:1-7:2']);
    expect(outcome.findings[3]!.message).toBe(
      'dsalint lists at most 3 findings in one file and held back 1 more here (the most serious are listed), starting at this place; fix the ones shown and run dsalint again.',
    );
    expect(outcome.findings[3]!.severity).toBe('error');
  });

  it('prints the capped report in every format without overflowing; the command exits 1', async () => {
    const dir = await tempProject({ 'q.dsa.yaml': QUOTES });
    const run = await runLint({ paths: ['.'], cwd: dir, asOf: '2026-11-01' });
    for (const format of FORMATS) {
      const report = REPORTERS[format](run, { color: false, quiet: false });
      expect(report.length, format).toBeLessThan(2_000_000);
      expect(report, format).toContain('held back 9,801 more');
    }
    const result = await runCli(['lint', '--as-of', '2026-11-01'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').at(-2)).toBe('✖ 402 problems (402 errors, 0 warnings) in 1 agreement. Dates judged as of 2026-11-01.');
  });

  it('runs the Action on it: exit 1, the capped findings in the outputs, the SARIF and the summary (it crashed with exit 1 and wrote none)', async () => {
    const dir = await tempProject({ 'q.dsa.yaml': QUOTES });
    const result = await simulateAction(dir, { 'sarif-file': 'out/dsalint.sarif', 'as-of': '2026-11-01' });
    expect(result.code).toBe(1);
    expect([result.outputs['exit-code'], result.outputs['errors'], result.outputs['warnings']]).toEqual(['1', '402', '0']);
    const sarif = JSON.parse(await readFile(join(dir, 'out/dsalint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.length).toBe(402);
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'limit-reached').length).toBe(2);
    expect(result.summary).toContain('held back 9,801 more');
    expect(result.stdout.length).toBeLessThan(2_000_000);
  });

  it('takes its caps from .dsalint.yaml, and rejects a cap that is not a whole number', async () => {
    const dir = await tempProject({ 'q.dsa.yaml': QUOTES, '.dsalint.yaml': 'rules:\n  limit-reached:\n    options: { max_findings_per_rule: 5, max_findings_per_file: 7 }\n' });
    const result = await runCli(['lint', '-f', 'json', '--as-of', '2026-11-01'], dir);
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; messageId: string }[] }[] };
    expect(report.files[0]!.findings.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual([
      'yaml-syntax syntax',
      'yaml-syntax too-many-errors',
      'yaml-syntax syntax',
      'yaml-syntax syntax',
      'yaml-syntax syntax',
      'yaml-duplicate-key duplicate',
      'yaml-duplicate-key duplicate',
      'limit-reached findings-per-file',
    ]);
    const bad = await tempProject({ 'q.dsa.yaml': HEAD, '.dsalint.yaml': 'rules:\n  limit-reached:\n    options: { max_findings_per_rule: many }\n' });
    const refused = await runCli(['lint'], bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('dsalint: invalid config: .dsalint.yaml:3:39: option max_findings_per_rule must be integer.\n');
  });
});

describe('a YAML file too long to parse', () => {
  it('refuses 5 MiB of unclosed quotes (2.6 million lines) before parsing, with one finding', async () => {
    const outcome = await lintText(`${HEAD}${'"\n'.repeat(2_600_000)}`);
    expect(describeFindings(outcome.findings)).toEqual(['yaml-syntax too-long 200001:1-200001:2']);
    expect(outcome.findings[0]!.message).toBe('The YAML has more than 200,000 lines, so dsalint did not read it: no agreement is this long. Split it, or remove what does not belong.');
  });
});

describe('keys that are lists or mappings', () => {
  it('reports 44 nested ? keys (found by the fuzzer: 1.4 GB and an internal failure before) without converting them', async () => {
    const outcome = await lintText(`${'? '.repeat(44)}${HEAD}`);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['yaml-syntax complex-key 1:3']);
  });
});

// Each builds and lints a file of a megabyte or more: seconds alone, far longer on a busy CI machine.
describe('many of one thing', { timeout: 90_000 }, () => {
  /** How many findings of each rule and message, as `rule message count`. */
  const tally = (findings: readonly { ruleId: string; messageId: string }[]): string[] => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(`${f.ruleId} ${f.messageId}`, (counts.get(`${f.ruleId} ${f.messageId}`) ?? 0) + 1);
    return [...counts].map(([key, n]) => `${key} ${n}`);
  };

  it('100,000 unknown keys: 200 located, one notice for the rest', async () => {
    const outcome = await lintText(`${HEAD}${Array.from({ length: 100_000 }, (_, i) => `k${i}: 1\n`).join('')}`);
    expect(tally(outcome.findings)).toEqual(['schema unknown-key 200', 'limit-reached findings-per-rule 1']);
    expect(describeFindings(outcome.findings.filter((f) => f.ruleId === 'limit-reached'))).toEqual(['limit-reached findings-per-rule 204:1-204:5']);
  });

  it('100,000 custom tags: the parser keeps 10,000 problems and says so; 200 located', async () => {
    const outcome = await lintText(`${HEAD}x:\n${Array.from({ length: 100_000 }, (_, i) => `  - !t${i} 1\n`).join('')}`);
    expect(tally(outcome.findings)).toEqual(['yaml-syntax too-many-errors 1', 'yaml-custom-tag tag 200', 'schema unknown-key 1', 'limit-reached findings-per-rule 1']);
    expect(outcome.findings.find((f) => f.messageId === 'too-many-errors')!.message).toBe(
      'The YAML has more than 10,000 errors and warnings; dsalint recorded the first 10,000 and counted 90,000 more. Fix them from the top and run dsalint again.',
    );
  });

  it('1 MB of stray ] between documents (800,000 syntax errors): 10,000 recorded, the rest counted before composing, 200 located', async () => {
    // Each stray ] is an error token the composer stored without telling onError: 15.8 s and 641 MB before.
    const outcome = await lintText(`${HEAD}${']]]]]\n'.repeat(160_000)}`);
    expect(tally(outcome.findings).sort()).toEqual(['limit-reached findings-per-rule 1', 'yaml-syntax syntax 199', 'yaml-syntax too-many-errors 1']);
    expect(outcome.findings.find((f) => f.messageId === 'too-many-errors')!.message).toBe(
      'The YAML has more than 10,000 errors and warnings; dsalint recorded the first 10,000 and counted 790,000 more. Fix them from the top and run dsalint again.',
    );
  });

  it('1 MB of unclosed quotes (500,000 lines, which gave 500,000 findings) is refused before parsing, with one finding', async () => {
    const outcome = await lintText(`${HEAD}${'"\n'.repeat(500_000)}`);
    expect(describeFindings(outcome.findings)).toEqual(['yaml-syntax too-long 200001:1-200001:2']);
  });

  it('50,000 inline waiver comments: each matched once, 500 findings listed', async () => {
    const outcome = await lintText(`${HEAD}x:\n${Array.from({ length: 50_000 }, (_, i) => `  # dsalint-disable-next-line schema -- r\n  - ${i}\n`).join('')}`);
    expect(tally(outcome.findings)).toEqual(['schema unknown-key 1', 'limit-reached findings-per-file 1', 'waiver-invalid unused 499']);
  });
});

describe('one long paragraph (just under the 256 KiB body guard) repeating a phrase', () => {
  const paragraph = (phrase: string): string => `---\n${HEAD}---\n${phrase.repeat(Math.floor(250_000 / phrase.length))}.\n`;
  /** The prose rules' findings and the caps' notices, as `rule message count`, sorted. */
  const proseTally = (findings: readonly { ruleId: string; messageId: string }[]): string[] => {
    const counts = new Map<string, number>();
    for (const f of findings) if (/^(?:prose-|outdated-law|role-contradiction|limit-reached)/.test(f.ruleId)) counts.set(`${f.ruleId} ${f.messageId}`, (counts.get(`${f.ruleId} ${f.messageId}`) ?? 0) + 1);
    return [...counts].map(([key, n]) => `${key} ${n}`).sort();
  };

  // Each was quadratic: the sentence, the negations or the words after every match were read
  // again for each of thousands of matches (3 to 31 s); now each paragraph is read once per pattern.
  it.each([
    [
      'an open-ended retention and purpose',
      'The data may be kept for as long as the ICB considers necessary and used for any other purpose, ',
      ['limit-reached findings-per-rule 1', 'prose-widens-scope open-retention 100', 'prose-widens-scope purpose 100'],
      'limit-reached findings-per-rule 6:9622-6:9664',
    ],
    ['a kind of recipient after every verb', 'The data is shared with the police and ', ['limit-reached findings-per-rule 1', 'prose-undeclared-party undeclared-kind 200'], 'limit-reached findings-per-rule 6:7829-6:7835'],
    ['one capitalised name running on', 'SHARED WITH ACME ', ['limit-reached findings-per-rule 1', 'prose-undeclared-party undeclared-recipient 200'], 'limit-reached findings-per-rule 6:3413-6:3613'],
    ['an outdated law', 'under the Data Protection Act 1998 and ', ['outdated-law-reference outdated 1'], undefined],
    ['a denied joint controllership', 'they are not joint controllers and ', [], undefined],
  ])('%s: exact findings, the rest counted', async (_title, phrase, tally, notice) => {
    const outcome = await lintText(paragraph(phrase), { markdown: true });
    expect(outcome.failure).toBeUndefined();
    expect(proseTally(outcome.findings)).toEqual(tally);
    expect(describeFindings(outcome.findings.filter((f) => f.ruleId === 'limit-reached'))).toEqual(notice ? [notice] : []);
  });
});

describe('signature tables near the body guard', () => {
  const body = (text: string): string => `---\n${HEAD}parties:\n  - { id: surgery, name: Example Surgery }\n---\n${text}`;

  it('reads a 200,000-space line under a table header once (the first delimiter pattern backtracked: 17 s at 100,000)', async () => {
    const outcome = await lintText(body(`| Organisation | Signature |\n| -${' '.repeat(200_000)}x |\n`), { markdown: true });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.findings.filter((f) => f.ruleId === 'prose-undeclared-party')).toEqual([]);
  });

  it('4,000 rows signed for organisations that are not parties: 200 listed, the rest counted', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `| Org${i} Partnership | Dr A | |`).join('\n');
    const outcome = await lintText(body(`| Organisation | Name | Signature |\n| --- | --- | --- |\n${rows}\n`), { markdown: true });
    expect(outcome.failure).toBeUndefined();
    const found = outcome.findings.filter((f) => f.ruleId === 'prose-undeclared-party');
    expect(found).toHaveLength(200);
    expect(describeFindings(found.slice(0, 1))).toEqual(['prose-undeclared-party signatory-not-party 10:3-10:19']);
    expect(outcome.findings.filter((f) => f.ruleId === 'limit-reached').map((f) => f.messageId)).toEqual(['findings-per-rule']);
  });
});

describe('the Markdown body guard', () => {
  const md = (body: string): string => `---\n${HEAD}---\n${body}`;

  it.each([
    ['repeated [', '['.repeat(6000), 'it has 6,000 [ brackets (the limit is 5,000)'],
    ['repeated [a](', '[a]('.repeat(6000), 'it has 6,000 [ brackets (the limit is 5,000)'],
    ['repeated *a _b', '*a _b '.repeat(12_000), 'it has 24,000 * and _ marks (the limit is 20,000)'],
    ['a long list', '- x\n'.repeat(2001), 'it has 2,001 list items (the limit is 2,000)'],
    ['deep list nesting', `${'- '.repeat(2500)}x`, 'it has 2,500 list items (the limit is 2,000)'],
    ['nested quotes and lists', `${'> - '.repeat(20)}x`, 'its lists, quotes or indentation nest 40 levels deep (the limit is 32)'],
    ['a body over 256 KiB', 'word '.repeat(60_000), 'it is 300,000 characters long (the limit is 262,144)'],
    // 83,000 short paragraphs in 250 KB took 10 s and 1 GB to parse.
    ['many short paragraphs', 'b\n\n'.repeat(10_001), 'it has 20,003 lines (the limit is 20,000)'],
    // Lazy continuation lines: micromark looks back over the paragraph for each (20,000 took 15 s).
    ['lazy lines after a list item', `- a\n${'b\n'.repeat(600)}`, 'a list item or quote runs on for 600 lines without a blank line or its own marker (the limit is 500)'],
    ['lazy lines after a quote, with CRLF', `> a\r\n${'b\r\n'.repeat(501)}`, 'a list item or quote runs on for 501 lines without a blank line or its own marker (the limit is 500)'],
  ])('skips the prose checks on %s, with a finding at the start of the body', async (_title, body, reason) => {
    expect(proseTooComplex(body)).toBe(reason);
    const outcome = await lintText(md(body), { markdown: true });
    const notice = outcome.findings.filter((f) => f.ruleId === 'limit-reached');
    expect(notice.map((f) => [describeFindings([f])[0]!.replace(/-[\d:]+$/, ''), f.message])).toEqual([
      ['limit-reached prose-skipped 6:1', `The Markdown text below the front matter was not checked because ${reason}; the YAML was checked. Shorten the text or simplify its lists and nesting.`],
    ]);
    // The front matter was still read and checked.
    expect(outcome.findings.some((f) => f.ruleId === 'yaml-syntax')).toBe(false);
  });

  it('parses ordinary bodies: backticks, short lists, a few links', () => {
    expect(proseTooComplex('`'.repeat(100_000))).toBeUndefined();
    expect(proseTooComplex('See [the policy](https://example.org).\n\n- one\n- two\n  - nested\n')).toBeUndefined();
    // Long lists and quotes whose every line has its marker, and run-on text split by blank lines, are linear.
    expect(proseTooComplex('- item\n'.repeat(2000))).toBeUndefined();
    expect(proseTooComplex('> quoted\n'.repeat(5000))).toBeUndefined();
    expect(proseTooComplex(`- a\n${'b\n'.repeat(500)}\n- c\n${'d\n'.repeat(500)}`)).toBeUndefined();
    expect(proseTooComplex('plain text\n'.repeat(5000))).toBeUndefined();
  });
});
