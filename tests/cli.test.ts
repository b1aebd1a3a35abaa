/**
 * Every CLI command with its exit code and output. Failing agreements here fail the schema,
 * so only the format rules run and the expected output does not move as domain rules grow.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile, chmod, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { permissionsTestable, runCli, runCliAsUser, tempProject } from './helpers/cli.js';
import { starterAgreement } from '../src/core/starter.js';
import { SCHEMA_ID } from '../src/schema/build-schema.js';

const GOOD = starterAgreement('2026-07-01');
const BAD = 'dsalint: 1\nid: EX-1\ntitle: Example\nretension: []\nversion: 1.2\n';
const AS_OF = ['--as-of', '2026-11-01'];

describe('dsalint lint', () => {
  it('exits 0 on a clean agreement and says so', async () => {
    const dir = await tempProject({ 'me.dsa.yaml': GOOD });
    const result = await runCli(['lint', ...AS_OF], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 with file:line:column findings, grouped by file', async () => {
    const dir = await tempProject({ 'a/bad.dsa.yaml': BAD, 'b/good.dsa.yml': GOOD });
    const result = await runCli(['lint', '.', ...AS_OF], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        // Not a terminal: wrapped at 80 columns, under the message column.
        'a/bad.dsa.yaml',
        '  4:1   error  Unknown key `retension` at the top level. Did you mean',
        '               `retention`?  schema',
        '  5:10  error  `version` must be text, but it is a number. Put it in quotes:',
        '               "1.2".  schema',
        '  note: The domain rules were not run because the agreement does not match the',
        '        format. Fix the schema findings and run dsalint again.',
        '  note: It is left out of the checks across agreements, and of the register,',
        '        until it matches the format.',
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 2 agreements. Dates judged as of 2026-11-01.',
        '',
      ].join('\n'),
    );
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    expect((await runCli(['lint', ...AS_OF], dir, {}, true)).stdout).toContain('\u001b[31merror');
    expect((await runCli(['lint', ...AS_OF], dir, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', '--no-color', ...AS_OF], dir, {}, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', ...AS_OF], dir, { FORCE_COLOR: '1' }, false)).stdout).toContain('\u001b[');
  });

  it('honours --fail-on and --max-warnings', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    expect((await runCli(['lint', '--fail-on', 'never', ...AS_OF], dir)).code).toBe(0);
    expect((await runCli(['lint', '--fail-on', 'info', ...AS_OF], dir)).code).toBe(1);
    const warnOnly = await tempProject({
      'bad.dsa.yaml': BAD,
      '.dsalint.yaml': 'rules:\n  schema: warning\n',
    });
    expect((await runCli(['lint', ...AS_OF], warnOnly)).code).toBe(0);
    expect((await runCli(['lint', '--fail-on', 'warning', ...AS_OF], warnOnly)).code).toBe(1);
    expect((await runCli(['lint', '--max-warnings', '2', ...AS_OF], warnOnly)).code).toBe(0);
    expect((await runCli(['lint', '--max-warnings', '1', ...AS_OF], warnOnly)).code).toBe(1);
  });

  it('--quiet shows errors only', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, '.dsalint.yaml': 'rules:\n  schema: warning\n' });
    const result = await runCli(['lint', '--quiet', ...AS_OF], dir);
    expect(result.stdout).not.toContain('schema');
    expect(result.stdout).toBe('✔ 1 agreement checked, no errors. Dates judged as of 2026-11-01.\n');
  });

  it('writes JSON and SARIF reports', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as { summary: { error: number }; files: { path: string; findings: { ruleId: string; range: unknown }[] }[] };
    expect(json.summary.error).toBe(2);
    expect(json.files[0]?.findings.map((f) => f.ruleId)).toEqual(['schema', 'schema']);
    expect(json.files[0]?.findings[0]?.range).toEqual({ start: { line: 4, column: 1 }, end: { line: 4, column: 10 } });
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif', ...AS_OF], dir)).stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['schema', 'schema']);
  });

  it('writes --output, replacing an earlier report, but never an agreement without --force', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, 'report.json': 'an earlier report' });
    const replaced = await runCli(['lint', '-f', 'json', '-o', 'report.json', ...AS_OF], dir);
    expect(replaced.code).toBe(1);
    expect(replaced.stdout).toBe('');
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toHaveProperty('summary');
    const refused = await runCli(['lint', '-f', 'json', '-o', 'bad.dsa.yaml', ...AS_OF], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('dsalint: could not write bad.dsa.yaml: it is an agreement, not a report; choose another file name (or add --force).\n');
    expect(await readFile(join(dir, 'bad.dsa.yaml'), 'utf8')).toBe(BAD);
    const fresh = await runCli(['lint', '-f', 'sarif', '-o', 'out.sarif', ...AS_OF], dir);
    expect(fresh.code).toBe(1);
    expect(await readFile(join(dir, 'out.sarif'), 'utf8')).toContain('"2.1.0"');
  });

  it('is deterministic: the same input gives byte-identical reports', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, 'good.dsa.yaml': GOOD });
    for (const format of ['stylish', 'json', 'sarif']) {
      const first = await runCli(['lint', '-f', format, ...AS_OF], dir);
      const second = await runCli(['lint', '-f', format, ...AS_OF], dir);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it('rejects a bad --as-of, an unknown option and an unknown format with exit 2', async () => {
    const dir = await tempProject({ 'good.dsa.yaml': GOOD });
    const badDate = await runCli(['lint', '--as-of', '2026-13-01'], dir);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("option '--as-of <date>' argument '2026-13-01' is invalid. must be a date written YYYY-MM-DD");
    expect((await runCli(['lint', '--frobnicate'], dir)).code).toBe(2);
    const badFormat = await runCli(['lint', '-f', 'pdf'], dir);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are stylish, json, sarif');
  });

  it('says so, with exit 2, when a folder holds no agreements', async () => {
    const dir = await tempProject({ 'notes.txt': 'hello', 'node_modules/x/skip.dsa.yaml': BAD });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dsalint: no agreement files found in . (looking for *.dsa.yaml, *.dsa.yml and *.dsa.md; node_modules and .git are skipped).\n');
  });

  it('reports an unreadable path with exit 2 and still lints the rest', async () => {
    const dir = await tempProject({ 'good.dsa.yaml': GOOD });
    const result = await runCli(['lint', 'missing.dsa.yaml', 'good.dsa.yaml', ...AS_OF], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('missing.dsa.yaml\n  error  missing.dsa.yaml could not be read: no such file or directory.');
    expect(result.stdout).toContain('1 file not linted in 2 agreements');
  });

  it('lints a file named on the command line whatever its name', async () => {
    const dir = await tempProject({ 'agreement.yaml': BAD });
    expect((await runCli(['lint', 'agreement.yaml', ...AS_OF], dir)).code).toBe(1);
  });

  it('turns binary, non-UTF-8 and oversized files into clear exit-2 messages without stopping the run', async () => {
    const dir = await tempProject({
      'binary.dsa.yaml': new Uint8Array([0x64, 0x00, 0x01, 0x02]),
      'latin1.dsa.yaml': Buffer.concat([Buffer.from('dsalint: 1\nid: EX\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'big.dsa.yaml': `${GOOD}# ${'x'.repeat(8000)}\n`,
      'good.dsa.yaml': GOOD,
      '.dsalint.yaml': 'max_file_size: 8KiB\n',
    });
    // Wide enough that each message stays on one line.
    const result = await runCli(['lint', ...AS_OF], dir, { COLUMNS: '200' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('binary.dsa.yaml looks like a binary file (it contains NUL bytes), not a YAML or Markdown agreement.');
    expect(result.stdout).toContain('latin1.dsa.yaml:3:11 is not valid UTF-8. Save the file as UTF-8 and try again.');
    expect(result.stdout).toMatch(/big\.dsa\.yaml is \d+(\.\d)? KiB, over the 8 KiB limit for one agreement; it was not read\./);
    expect(result.stdout).toContain('3 files not linted');
    const sarif = JSON.parse((await runCli(['lint', '-f', 'sarif', ...AS_OF], dir)).stdout) as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[];
    };
    const invocation = sarif.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications.map((n) => n.descriptor.id)).toEqual(['dsalint/too-large', 'dsalint/binary', 'dsalint/invalid-utf8']);
  });

  it('reports malformed YAML as a finding with the parser position, not a crash', async () => {
    const dir = await tempProject({ 'broken.dsa.yaml': 'dsalint: 1\nid: [unclosed\ntitle: T\n' });
    const result = await runCli(['lint', ...AS_OF], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.dsa\.yaml\n {2}\d+:\d+ +error +YAML syntax error: [^]+ yaml-syntax/);
    expect(result.stderr).toBe('');
  });

  // As root (who can read anything) the built command runs as the user nobody.
  it.skipIf(!permissionsTestable)('reports a file without read permission', async () => {
    const dir = await tempProject({ 'locked.dsa.yaml': GOOD });
    await chmod(join(dir, 'locked.dsa.yaml'), 0o000);
    const result = await runCliAsUser(['lint', ...AS_OF], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('permission denied');
  });
});

describe('config', () => {
  it('finds .dsalint.yaml by walking up from each file, and applies overrides by glob', async () => {
    const dir = await tempProject({
      '.dsalint.yaml': 'rules:\n  schema: warning\noverrides:\n  - files: ["strict/**"]\n    rules:\n      schema: error\n',
      'drafts/a.dsa.yaml': BAD,
      'strict/b.dsa.yaml': BAD,
    });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as { files: { path: string; findings: { severity: string }[] }[] };
    expect(json.files.map((f) => [f.path, f.findings.map((x) => x.severity)])).toEqual([
      ['drafts/a.dsa.yaml', ['warning', 'warning']],
      ['strict/b.dsa.yaml', ['error', 'error']],
    ]);
  });

  it('turns rules off, and --config overrides discovery', async () => {
    const dir = await tempProject({ 'bad.dsa.yaml': BAD, 'off.yaml': 'rules:\n  schema: "off"\n' });
    const result = await runCli(['lint', '--config', 'off.yaml', ...AS_OF], dir);
    expect(result.stdout).toBe(
      'bad.dsa.yaml\n  note: The domain rules were not run because the agreement does not match the\n        format; the schema rule is turned off, so turn it on to see why.\n\n✔ 1 agreement checked, no problems. Dates judged as of 2026-11-01.\n',
    );
  });

  it.each([
    ['an unknown top-level key', 'rule:\n  schema: warning\n', '.dsalint.yaml:1:1: unknown key "rule". Did you mean "rules"?'],
    ['an unknown rule', 'rules:\n  scheme: warning\n', '.dsalint.yaml:2:3: there is no rule "scheme". Did you mean "schema"?'],
    ['a bad severity', 'rules:\n  schema: fatal\n', '.dsalint.yaml:2:11: "fatal" is not a severity; use off, error, warning or info.'],
    ['a bad preset', 'extends: paranoid\n', '.dsalint.yaml:1:10: "paranoid" is not a preset, and no config file or npm package of that name was found from .dsalint.yaml; use recommended, strict, a path such as ./base.dsalint.yaml, or an installed package.'],
    ['a bad date', 'as_of: tomorrow\n', '.dsalint.yaml:1:8: "as_of" must be a date written YYYY-MM-DD, such as 2026-04-01.'],
    ['broken YAML', 'rules: [\n', '.dsalint.yaml:2:1: invalid YAML:'],
    ['options for a rule without options', 'rules:\n  schema: { options: { x: 1 } }\n', '.dsalint.yaml:2:13: the rule schema takes no options.'],
    ['an unknown option', 'rules:\n  vague-purpose: { options: { min_length: 5 } }\n', '.dsalint.yaml:2:31: unknown option "min_length". Did you mean "min_description_length"? The options are min_description_length, extra_phrases.'],
    ['a broken regular expression option', 'rules:\n  s251-approval-invalid:\n    options: { reference_pattern: "([" }\n', '.dsalint.yaml:3:35: option reference_pattern is not a valid regular expression.'],
  ])('rejects %s with exit 2 and the config position', async (_name, config, expected) => {
    const dir = await tempProject({ 'good.dsa.yaml': GOOD, '.dsalint.yaml': config });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`dsalint: invalid config: ${expected}`)).toBe(true);
  });

  it('uses as_of from the config unless --as-of is given', async () => {
    const dir = await tempProject({ 'good.dsa.yaml': GOOD, '.dsalint.yaml': 'as_of: 2026-05-01\n' });
    const printed = JSON.parse((await runCli(['print-config', 'good.dsa.yaml'], dir)).stdout) as { as_of: string };
    expect(printed.as_of).toBe('2026-05-01');
    const overridden = JSON.parse((await runCli(['print-config', 'good.dsa.yaml', '--as-of', '2026-06-01'], dir)).stdout) as { as_of: string };
    expect(overridden.as_of).toBe('2026-06-01');
  });

  it('print-config shows the effective rules for a file, after overrides', async () => {
    const dir = await tempProject({
      '.dsalint.yaml': 'extends: strict\nrules:\n  schema: warning\noverrides:\n  - files: ["x/**"]\n    rules: { duplicate-id: "off" }\n',
      'x/a.dsa.yaml': GOOD,
    });
    const result = await runCli(['print-config', 'x/a.dsa.yaml'], dir);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { config_file: string; extends: string[]; rules: Record<string, { severity: string }> };
    expect(printed.config_file).toBe('.dsalint.yaml');
    expect(printed.extends).toEqual(['strict']);
    expect(printed.rules['schema']).toEqual({ severity: 'warning', options: {} });
    expect(printed.rules['duplicate-id']).toBeUndefined();
    expect(printed.rules['yaml-syntax']).toEqual({ severity: 'error', options: {} });
  });
});

describe('waivers', () => {
  const FLOW_TO_UNKNOWN = (comment: string): string =>
    `dsalint: 1\nid: EX-1\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\nflows:\n${comment}  - { id: f1, from: surgery, to: meo }\n`;

  it('keeps an inline-waived finding, marked waived with its reason, and does not fail on it', async () => {
    const dir = await tempProject({
      'w.dsa.yaml': FLOW_TO_UNKNOWN('  # dsalint-disable-next-line reference-unresolved -- ME office joins in v2; approved by: Dr A, CG; expires: 2027-03-01\n'),
      '.dsalint.yaml': 'rules:\n' + ['yaml-syntax', 'schema', 'reference-unresolved', 'waiver-invalid'].map((r) => `  ${r}: error\n`).join('') + 'extends: recommended\n',
    });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', '--config', '.dsalint.yaml', 'w.dsa.yaml', ...AS_OF], dir)).stdout) as {
      files: { findings: { ruleId: string; suppression: { source: string; reason: string } | null }[] }[];
    };
    const waived = json.files[0]!.findings.filter((f) => f.ruleId === 'reference-unresolved');
    expect(waived).toHaveLength(1);
    expect(waived[0]!.suppression).toMatchObject({ source: 'inline', reason: 'ME office joins in v2', approvedBy: 'Dr A, CG', expires: '2027-03-01' });
  });

  it('a waiver without a reason suppresses nothing and is itself a finding', async () => {
    const dir = await tempProject({ 'w.dsa.yaml': FLOW_TO_UNKNOWN('  # dsalint-disable-next-line reference-unresolved\n') });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'w.dsa.yaml', ...AS_OF], dir)).stdout) as {
      files: { findings: { ruleId: string; messageId: string; suppression: unknown; range: { start: { line: number } } }[] }[];
    };
    const findings = json.files[0]!.findings;
    expect(findings.find((f) => f.ruleId === 'waiver-invalid')).toMatchObject({ messageId: 'no-reason', range: { start: { line: 7 } } });
    expect(findings.find((f) => f.ruleId === 'reference-unresolved')?.suppression).toBeNull();
  });

  it('config waivers suppress until they expire, and report missing approvers and lapsed dates in the config file', async () => {
    const config = (expires: string): string =>
      `waivers:\n  - rule: reference-unresolved\n    files: ["*.dsa.yaml"]\n    at: flows[0]\n    reason: The ME office is being onboarded\n    approved_by: Dr A Example, Caldicott Guardian\n    expires: ${expires}\n  - rule: duplicate-id\n    files: ["*.dsa.yaml"]\n`;
    const dir = await tempProject({ 'w.dsa.yaml': FLOW_TO_UNKNOWN(''), '.dsalint.yaml': config('2026-12-31') });
    type Json = { files: { path: string; findings: { ruleId: string; messageId: string; suppression: { source: string; approvedBy: string } | null }[] }[] };
    const current = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as Json;
    const agreement = current.files.find((f) => f.path === 'w.dsa.yaml')!;
    expect(agreement.findings.find((f) => f.ruleId === 'reference-unresolved')?.suppression).toMatchObject({ source: 'config', approvedBy: 'Dr A Example, Caldicott Guardian' });
    const configFile = current.files.find((f) => f.path === '.dsalint.yaml')!;
    expect(configFile.findings.map((f) => f.messageId)).toEqual(['no-reason']);

    await writeFile(join(dir, '.dsalint.yaml'), config('2026-10-31'));
    const lapsed = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as Json;
    expect(lapsed.files.find((f) => f.path === 'w.dsa.yaml')!.findings.find((f) => f.ruleId === 'reference-unresolved')?.suppression).toBeNull();
    expect(lapsed.files.find((f) => f.path === '.dsalint.yaml')!.findings.map((f) => f.messageId)).toEqual(['no-reason', 'expired']);
  });
});

describe('other commands', () => {
  it('rules lists every rule; --format json gives ids, severities and presets', async () => {
    const dir = await tempProject({});
    const table = await runCli(['rules'], dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^RULE +SEVERITY +PRESET +TITLE\n/);
    expect(table.stdout).toMatch(/\nschema +error {5}recommended  The agreement must follow the dsalint format\n/);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'], dir)).stdout) as { id: string; presets: string[] }[];
    expect(json.find((r) => r.id === 'schema')).toMatchObject({ id: 'schema', severity: 'error', presets: ['recommended', 'strict'] });
  });

  it('explain prints the rule doc; an unknown rule is exit 2 with a suggestion', async () => {
    const dir = await tempProject({});
    const known = await runCli(['explain', 'yaml-duplicate-key'], dir);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^yaml-duplicate-key: A key must not appear twice in the same mapping\n/);
    expect(known.stdout).toContain('Why it matters');
    expect(known.stdout).toContain('How to fix');
    const unknown = await runCli(['explain', 'yaml-duplicate-keys'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('dsalint: there is no rule "yaml-duplicate-keys". Did you mean "yaml-duplicate-key"? Run dsalint rules for the list.\n');
  });

  it('init writes a starter that lints clean, with the schema modeline, and never overwrites without --force', async () => {
    const dir = await tempProject({});
    const first = await runCli(['init'], dir);
    expect(first.code).toBe(0);
    const written = await readFile(join(dir, 'agreement.dsa.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_ID}`);
    // The starter is dated today, so it is judged as of today.
    expect((await runCli(['lint', 'agreement.dsa.yaml'], dir)).code).toBe(0);
    await writeFile(join(dir, 'agreement.dsa.yaml'), 'mine');
    const again = await runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(await readFile(join(dir, 'agreement.dsa.yaml'), 'utf8')).toBe('mine');
    expect((await runCli(['init', '--force'], dir)).code).toBe(0);
    expect((await runCli(['init', 'other.dsa.yaml'], dir)).code).toBe(0);
  });

  it('schema prints the committed agreement schema; --config the config schema', async () => {
    const dir = await tempProject({});
    const agreement = await runCli(['schema'], dir);
    expect(agreement.stdout).toBe(readFileSync(new URL('../schema/agreement.schema.json', import.meta.url), 'utf8'));
    const config = JSON.parse((await runCli(['schema', '--config'], dir)).stdout) as { title: string };
    expect(config.title).toBe('dsalint configuration');
  });

  it('--version and --help exit 0', async () => {
    const dir = await tempProject({});
    const version = await runCli(['--version'], dir);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lint [options] [paths...]');
  });

  it('an unknown command is exit 2', async () => {
    const dir = await tempProject({});
    expect((await runCli(['frobnicate'], dir)).code).toBe(2);
  });
});

describe('the starter agreement', () => {
  it.each([
    ['2026-06-29', '2024-25'],
    ['2026-06-30', '2025-26'],
    ['2026-11-22', '2025-26'],
    ['2027-01-01', '2025-26'],
  ])('written on %s names DSPT year %s', async (date, year) => {
    const { latestDsptYear } = await import('../src/core/starter.js');
    expect(latestDsptYear(date)).toBe(year);
    expect(starterAgreement(date)).toContain(`year: ${year} }`);
  });

  it('is current whatever day it is written: dated that day, expiring a year later', () => {
    const text = starterAgreement('2028-02-29');
    expect(text).toContain('effective_from: 2028-02-29\n  expires: 2029-02-28\n  review_by: 2028-12-29');
  });
});

describe('the judging date in reports', () => {
  it('is the as_of every agreement was judged by, from config when --as-of is not given', async () => {
    const dir = await tempProject({ 'a/good.dsa.yaml': starterAgreement('2026-07-01'), 'a/.dsalint.yaml': 'as_of: 2026-09-01\n' });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'a'], dir)).stdout) as { asOf: string };
    expect(json.asOf).toBe('2026-09-01');
    const overridden = JSON.parse((await runCli(['lint', '-f', 'json', '--as-of', '2026-10-01', 'a'], dir)).stdout) as { asOf: string };
    expect(overridden.asOf).toBe('2026-10-01');
  });
});

describe('unused waivers', () => {
  const AGREEMENT = 'dsalint: 1\nid: EX-1\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\nflows:\n  - { id: f1, from: surgery, to: meo }\n';
  const CONFIG = 'waivers:\n  - rule: duplicate-id\n    files: ["a/*.dsa.yaml"]\n    reason: Accepted\n    approved_by: Dr A Example\n    expires: 2027-01-01\n';

  it('are reported when their agreements were linted and nothing matched', async () => {
    const dir = await tempProject({ 'a/x.dsa.yaml': AGREEMENT, 'b/y.dsa.yaml': AGREEMENT, '.dsalint.yaml': CONFIG });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as { files: { path: string; findings: { messageId: string }[] }[] };
    expect(json.files.find((f) => f.path === '.dsalint.yaml')?.findings.map((f) => f.messageId)).toEqual(['unused']);
  });

  it('are not reported when this run did not lint the agreements they cover', async () => {
    const dir = await tempProject({ 'a/x.dsa.yaml': AGREEMENT, 'b/y.dsa.yaml': AGREEMENT, '.dsalint.yaml': CONFIG });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'b', ...AS_OF], dir)).stdout) as { files: { path: string }[] };
    expect(json.files.map((f) => f.path)).toEqual(['b/y.dsa.yaml']);
  });
});

describe('what gets read', () => {
  it('skips files matched by ignore when found in a folder, but lints them when named', async () => {
    const dir = await tempProject({ 'live/a.dsa.yaml': BAD, 'archive/old.dsa.yaml': BAD, '.dsalint.yaml': 'ignore: ["archive/**"]\n' });
    const found = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as { files: { path: string }[] };
    expect(found.files.map((f) => f.path)).toEqual(['live/a.dsa.yaml']);
    const named = JSON.parse((await runCli(['lint', '-f', 'json', 'archive/old.dsa.yaml', ...AS_OF], dir)).stdout) as { files: { path: string }[] };
    expect(named.files.map((f) => f.path)).toEqual(['archive/old.dsa.yaml']);
  });

  it('does not follow symbolic links inside a folder, so nothing outside the given paths is read', async () => {
    const outside = await tempProject({ 'secret.dsa.yaml': BAD });
    const dir = await tempProject({ 'repo/good.dsa.yaml': GOOD });
    await symlink(join(outside, 'secret.dsa.yaml'), join(dir, 'repo', 'linked.dsa.yaml'));
    await symlink(outside, join(dir, 'repo', 'linked-folder'));
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'repo', ...AS_OF], dir)).stdout) as { files: { path: string }[] };
    expect(json.files.map((f) => f.path)).toEqual(['repo/good.dsa.yaml']);
  });
});

describe('Markdown waivers', () => {
  it('an HTML comment waives a finding on the next line of the body', async () => {
    const body = 'The data will also be retained indefinitely.';
    const md = (comment: string): string =>
      `---\n${GOOD.replace(/^# yaml-language-server.*\n/, '')}---\n\n# Agreement\n\n${comment}${body}\n`;
    const dir = await tempProject({
      'waived.dsa.md': md('<!-- dsalint-disable-next-line prose-widens-scope -- The archive copy is governed by the county archive agreement; approved by: Dr A, CG; expires: 2027-03-01 -->\n'),
      'plain.dsa.md': md(''),
    });
    type Json = { files: { path: string; findings: { ruleId: string; suppression: { source: string; reason: string } | null }[] }[] };
    const json = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as Json;
    const prose = (path: string) => json.files.find((f) => f.path === path)!.findings.filter((f) => f.ruleId === 'prose-widens-scope');
    expect(prose('plain.dsa.md').map((f) => f.suppression)).toEqual([null]);
    expect(prose('waived.dsa.md').map((f) => f.suppression)).toEqual([
      expect.objectContaining({ source: 'inline', reason: 'The archive copy is governed by the county archive agreement' }),
    ]);
  });
});

describe('config files in reports', () => {
  it('are never counted as agreements, whatever --config names them', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': GOOD, 'policy.yaml': 'waivers:\n  - rule: schema\n    files: ["*.dsa.yaml"]\n' });
    const result = await runCli(['lint', '--config', 'policy.yaml', 'a.dsa.yaml', ...AS_OF], dir);
    expect(result.stdout).toContain('policy.yaml\n');
    expect(result.stdout).toMatch(/in 1 agreement\. Dates judged as of \d{4}-\d{2}-\d{2}\.\n$/);
  });
});
