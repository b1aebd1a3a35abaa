/**
 * Broken or hostile files give findings at real places, and a file that breaks dsalint
 * itself is that file's failure only: every format still reports the others, and the
 * Action still writes its summary, outputs and SARIF.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe as describeFindings, lintText } from '../helpers/lint.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { RULES } from '../../rules/index.js';
import type { AnyReport, AnyRule } from '../../src/core/rule.js';
import type { AgreementSource } from '../../src/core/source.js';
import { runLint, exitCodeFor } from '../../src/core/run.js';
import { FORMATS, REPORTERS } from '../../src/reporters/index.js';
import { simulateAction } from '../helpers/action.js';

const HEAD = 'dsalint: 1\nid: EX-1\ntitle: T\n';

describe('parser positions at the end of the file', () => {
  it.each([
    ['an unclosed [ as the whole file', '[', 'yaml-syntax syntax 1:2-1:2'],
    ['an unclosed single quote on the last line', "x: 'a", 'yaml-syntax syntax 1:6-1:6'],
    ['an unclosed double quote before the final newline', '---\nkey: "missing closing quote\n', 'yaml-syntax syntax 3:1-3:1'],
    ['a short extra document after ...', 'a: 1\n...\nb\n', 'yaml-syntax extra-document 3:1-3:2'],
  ])('%s is a yaml-syntax finding inside the file', async (_title, text, expected) => {
    const outcome = await lintText(text);
    expect(outcome.failure).toBeUndefined();
    expect(describeFindings(outcome.findings).filter((f) => f.startsWith('yaml-syntax'))).toEqual([expected]);
  });

  it('exits 1 (findings), not 2 (a bug in dsalint), on each of them from the command line', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': '[', 'b.dsa.yaml': "x: 'a", 'c.dsa.yaml': '---\nkey: "missing closing quote\n', 'd.dsa.yaml': 'a: 1\n...\nb\n' });
    // Each message on one line, to compare it whole.
    const result = await runCli(['lint', '--as-of', '2026-11-01'], dir, { COLUMNS: '200' });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('bug in dsalint');
    expect(result.stdout.split('\n').filter((l) => l.includes('yaml-syntax'))).toEqual([
      '  1:2  error  YAML syntax error: Flow sequence must end with a ]. A quote or bracket is not closed.  yaml-syntax',
      "  1:6  error  YAML syntax error: Missing closing 'quote. A quote or bracket is not closed.  yaml-syntax",
      '  3:1  error  YAML syntax error: Missing closing "quote. A quote or bracket is not closed.  yaml-syntax',
      '  3:1  error  This file holds more than one YAML document; dsalint reads only the first. Put each agreement in a file of its own.  yaml-syntax',
    ]);
  });
});

/** A rule with a bug that shows only on files holding `boom`, to stand for any internal failure. */
const brokenRule: AnyRule = {
  ...RULES.find((r) => r.id === 'yaml-syntax')!,
  id: 'test-broken',
  stage: 'document',
  check({ source, report }: { source: AgreementSource; report: (r: AnyReport) => void }) {
    if (!source.text.includes('boom')) return;
    // The bug is outside the rule's own code: its message data cannot be read.
    report({ messageId: 'syntax', data: { get detail(): string { throw new Error('cannot read detail'); } }, at: [] });
  },
} as AnyRule;

describe('one file that breaks dsalint', () => {
  it('fails only that file, and every format still reports the others', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': `${HEAD}boom: 1\n`, 'b.dsa.yaml': `${HEAD}retension: 1\n` });
    const run = await runLint({ paths: ['.'], cwd: dir, asOf: '2026-11-01', rules: [...RULES, brokenRule] });
    expect(run.files.map((f) => [f.path, f.failure?.message ?? '', f.findings.map((x) => x.ruleId).join(',')])).toEqual([
      ['a.dsa.yaml', 'dsalint could not check this file because of a bug in dsalint; please report it: cannot read detail', ''],
      ['b.dsa.yaml', '', 'schema'],
    ]);
    expect(exitCodeFor(run, 'error')).toBe(2);
    for (const format of FORMATS) {
      const report = REPORTERS[format](run, { color: false, quiet: false });
      expect(report, format).toContain('b.dsa.yaml');
      expect(report, format).toMatch(/retension/);
    }
  });
});

describe('the Action when dsalint itself fails', () => {
  it('still writes the job summary, the outputs and the SARIF file, and exits 2, on a bad config', async () => {
    const dir = await tempProject({ '.dsalint.yaml': 'rules: [\n', 'a.dsa.yaml': `${HEAD}` });
    const result = await simulateAction(dir, { 'sarif-file': 'out/dsalint.sarif' });
    expect(result.code).toBe(2);
    expect(result.outputs['exit-code']).toBe('2');
    expect(result.outputs['sarif-file']).toBe('out/dsalint.sarif');
    const sarif = JSON.parse(await readFile(join(dir, 'out/dsalint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(result.summary).toContain('> - dsalint: invalid config: .dsalint.yaml:2:1: invalid YAML');
    expect(result.stdout).toContain('::error title=dsalint::dsalint: invalid config: .dsalint.yaml:2:1: invalid YAML');
  });

  it('still writes the summary and outputs on a bad input', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': HEAD });
    const result = await simulateAction(dir, { 'fail-on': 'sometimes', 'sarif-file': 'x.sarif' });
    expect(result.code).toBe(2);
    expect(result.outputs['exit-code']).toBe('2');
    expect(result.outputs['sarif-file']).toBe('x.sarif');
    expect(result.summary).toBe('## dsalint review\n\ndsalint could not lint the agreements.\n\n> - dsalint: the input fail-on must be error, warning, info or never, not "sometimes".\n');
  });
});
