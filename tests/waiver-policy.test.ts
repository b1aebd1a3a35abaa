/**
 * Governed waivers: an inline waiver of an error needs an approver and an expiry by default;
 * the config can forbid inline waivers and name rules no waiver may suppress; a waiver naming
 * several rules reports the part it did not use.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli, tempProject } from './helpers/cli.js';
import { rangeOf } from './helpers/text-range.js';

const AS_OF = ['--as-of', '2026-11-01'];
const EXAMPLE = readFileSync(new URL('../examples/medical-examiner/whole-system-access.dsa.yaml', import.meta.url), 'utf8');
const ACCESS_LINE = '    access: { mode: live_system_access,';

/** The example with a comment on the line before the whole-system access. */
const waived = (comment: string): string => EXAMPLE.replace(ACCESS_LINE, `    # ${comment}\n${ACCESS_LINE}`);

interface JsonFinding {
  ruleId: string;
  messageId: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  suppression: { source: string; reason: string; approvedBy: string | null; expires: string | null } | null;
}

async function lint(files: Record<string, string>): Promise<{ code: number; findings: JsonFinding[] }> {
  const dir = await tempProject(files);
  const result = await runCli(['lint', '-f', 'json', ...AS_OF, 'a.dsa.yaml'], dir);
  const json = JSON.parse(result.stdout) as { files: { path: string; findings: JsonFinding[] }[] };
  return { code: result.code, findings: json.files.find((f) => f.path === 'a.dsa.yaml')!.findings };
}

const fmt = (f: JsonFinding): string => `${f.ruleId} ${f.messageId} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`;
const about = (findings: JsonFinding[], ...rules: string[]): JsonFinding[] => findings.filter((f) => rules.includes(f.ruleId));

describe('inline waivers of errors', () => {
  it('refuses one with no approver or expiry: the finding stands and the waiver is reported', async () => {
    const text = waived('dsalint-disable-next-line whole-system-access -- ICB asked for it');
    const { findings } = await lint({ 'a.dsa.yaml': text });
    const gate = about(findings, 'whole-system-access', 'waiver-invalid');
    expect(gate.map(fmt)).toEqual([
      `whole-system-access whole-system ${rangeOf(text, 'live_system_access')}`,
      `waiver-invalid needs-approval ${rangeOf(text, '# dsalint-disable-next-line whole-system-access -- ICB asked for it')}`,
    ]);
    expect(gate[0]!.suppression).toBeNull();
    expect(gate[1]!.message).toBe(
      'This waiver would hide an error from whole-system-access, which needs an accountable approver and an expiry date: end the comment with ' +
        '"; approved by: <name and role>; expires: YYYY-MM-DD". Until then the finding stands.',
    );
  });

  it('accepts one with an approver and an expiry, recording both', async () => {
    const text = waived('dsalint-disable-next-line whole-system-access -- Pilot for six months; approved by: Dr A Patel, Caldicott Guardian; expires: 2027-03-31');
    const { findings } = await lint({ 'a.dsa.yaml': text });
    const gate = about(findings, 'whole-system-access', 'waiver-invalid');
    expect(gate.map(fmt)).toEqual([`whole-system-access whole-system ${rangeOf(text, 'live_system_access')}`]);
    expect(gate[0]!.suppression).toEqual({
      source: 'inline',
      reason: 'Pilot for six months',
      approvedBy: 'Dr A Patel, Caldicott Guardian',
      expires: '2027-03-31',
      file: 'a.dsa.yaml',
      range: expect.anything(),
    });
  });

  it('lets an expired one lapse', async () => {
    const text = waived('dsalint-disable-next-line whole-system-access -- Pilot; approved by: Dr A Patel; expires: 2026-10-31');
    const { findings } = await lint({ 'a.dsa.yaml': text });
    expect(about(findings, 'whole-system-access', 'waiver-invalid').map((f) => `${f.messageId} ${f.suppression === null}`)).toEqual(['whole-system true', 'inline-expired true']);
  });

  it('no longer needs an approver when the config says so', async () => {
    const text = waived('dsalint-disable-next-line whole-system-access -- ICB asked for it');
    const { findings } = await lint({ 'a.dsa.yaml': text, '.dsalint.yaml': 'waiver_policy:\n  inline_errors_need_approval: false\n' });
    expect(about(findings, 'whole-system-access', 'waiver-invalid').map((f) => `${f.messageId} ${f.suppression?.source ?? 'active'}`)).toEqual(['whole-system inline']);
  });
});

describe('waiver_policy', () => {
  const approved = 'dsalint-disable-next-line whole-system-access -- Pilot; approved by: Dr A Patel; expires: 2027-03-31';

  it('inline: forbid turns every inline waiver into a finding that suppresses nothing', async () => {
    const text = waived(approved);
    const { code, findings } = await lint({ 'a.dsa.yaml': text, '.dsalint.yaml': 'waiver_policy:\n  inline: forbid\n' });
    expect(about(findings, 'whole-system-access', 'waiver-invalid').map(fmt)).toEqual([
      `whole-system-access whole-system ${rangeOf(text, 'live_system_access')}`,
      `waiver-invalid inline-forbidden ${rangeOf(text, `# ${approved}`)}`,
    ]);
    expect(code).toBe(1);
  });

  it('never_waive: neither an inline nor a config waiver suppresses the rule', async () => {
    const text = waived(approved);
    const config =
      'waiver_policy:\n  never_waive: [whole-system-access]\nwaivers:\n  - rule: whole-system-access\n    files: ["*.dsa.yaml"]\n    reason: Pilot\n    approved_by: Dr A\n    expires: 2027-01-01\n';
    const dir = await tempProject({ 'a.dsa.yaml': text, '.dsalint.yaml': config });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', ...AS_OF], dir)).stdout) as { files: { path: string; findings: JsonFinding[] }[] };
    const inFile = about(json.files.find((f) => f.path === 'a.dsa.yaml')!.findings, 'whole-system-access', 'waiver-invalid');
    expect(inFile.map((f) => `${f.messageId} ${f.suppression === null}`)).toEqual(['whole-system true', 'never-waivable true']);
    const inConfig = json.files.find((f) => f.path === '.dsalint.yaml')!.findings;
    expect(inConfig.map(fmt)).toEqual([`waiver-invalid config-never-waivable ${rangeOf(config, 'rule: whole-system-access\n    files: ["*.dsa.yaml"]\n    reason: Pilot\n    approved_by: Dr A\n    expires: 2027-01-01\n')}`]);
  });

  it('is checked when the config is read, with its place', async () => {
    const dir = await tempProject({ 'a.dsa.yaml': EXAMPLE, '.dsalint.yaml': 'waiver_policy:\n  never_waive: [whole-system]\n' });
    const result = await runCli(['lint', ...AS_OF], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dsalint: invalid config: .dsalint.yaml:2:17: there is no rule "whole-system". Did you mean "whole-system-access"?\n');
    const typo = await tempProject({ 'a.dsa.yaml': EXAMPLE, '.dsalint.yaml': 'waiver_policy:\n  inlines: forbid\n' });
    expect((await runCli(['lint', ...AS_OF], typo)).stderr).toBe('dsalint: invalid config: .dsalint.yaml:2:3: unknown key "inlines" in waiver_policy. Did you mean "inline"?\n');
  });
});

describe('a waiver naming several rules', () => {
  it('reports the part it did not use', async () => {
    const text = waived('dsalint-disable-next-line whole-system-access, transfer-unencrypted -- Pilot; approved by: Dr A Patel; expires: 2027-03-31');
    const { findings } = await lint({ 'a.dsa.yaml': text });
    const waiver = about(findings, 'waiver-invalid');
    expect(waiver.map((f) => f.messageId)).toEqual(['partly-unused']);
    expect(waiver[0]!.message).toBe('This waiver names transfer-unencrypted, which match no finding on the next line (it does apply to whole-system-access); remove transfer-unencrypted from it.');
  });
});
