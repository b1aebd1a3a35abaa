/**
 * The across-agreements stage through the real run: findings in every file involved, related
 * locations in the other files, config severities, waivers and off switches per file, and
 * files the format rejects left out with a note.
 */
import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/core/run.js';
import { sarif } from '../../src/reporters/sarif.js';
import { formatRange } from '../helpers/lint.js';
import { tempProject } from '../helpers/cli.js';
import { SHARING } from '../helpers/agreements.js';
import type { LintRun } from '../../src/core/types.js';

const AS_OF = '2026-11-01';

const ACROSS = new Set(['agreement-id-conflict', 'overlapping-flow-terms', 'recipient-access-aggregates', 'estate-renewals-due']);

/** `file rule messageId L:C-L:C [waived]` for each across-agreements finding of the run. */
function acrossFindings(run: LintRun): string[] {
  return run.files.flatMap((file) =>
    file.findings.filter((f) => ACROSS.has(f.ruleId)).map((f) => `${file.path} ${f.ruleId} ${f.messageId} ${formatRange(f.location.range)}${f.suppression ? ' waived' : ''}`),
  );
}

async function lintDir(files: Record<string, string>): Promise<LintRun> {
  const cwd = await tempProject(files);
  return runLint({ paths: ['.'], cwd, asOf: AS_OF });
}

describe('checks across agreements', () => {
  it('reports one agreement id with different content in both files, relating the other', async () => {
    const run = await lintDir({ 'a/sg.dsa.yaml': SHARING('P8Y'), 'b/sg.dsa.yaml': SHARING('P2Y') });
    expect(acrossFindings(run)).toEqual(['a/sg.dsa.yaml agreement-id-conflict different-content 2:5-2:20', 'b/sg.dsa.yaml agreement-id-conflict different-content 2:5-2:20']);
    const finding = run.files.find((f) => f.path === 'a/sg.dsa.yaml')!.findings.find((f) => f.ruleId === 'agreement-id-conflict')!;
    expect(finding.message).toContain('"RIV-SG-2026-007" (version 2.0.0) is also used by RIV-SG-2026-007 in b/sg.dsa.yaml');
    expect(finding.related.map((r) => `${r.file} ${formatRange(r.range)}`)).toEqual(['b/sg.dsa.yaml 2:5-2:20']);
    // Both files hold the same flow, but copies are the id rule's to report, not overlapping terms.
    expect(run.files.flatMap((f) => f.findings).some((f) => f.ruleId === 'overlapping-flow-terms')).toBe(false);
  });

  it('puts related locations in other files into SARIF relatedLocations with their own URIs', async () => {
    const run = await lintDir({ 'a/sg.dsa.yaml': SHARING('P8Y'), 'b/sg.dsa.yaml': SHARING('P2Y') });
    const log = JSON.parse(sarif(run, { color: false, quiet: false })) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const results = log.runs[0]!.results.filter((r) => r.ruleId === 'agreement-id-conflict');
    expect(results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.relatedLocations?.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`)])).toEqual([
      ['a/sg.dsa.yaml', ['b/sg.dsa.yaml:2']],
      ['b/sg.dsa.yaml', ['a/sg.dsa.yaml:2']],
    ]);
  });

  it('reports different retention for the same flow under two agreements, at each retention period', async () => {
    const run = await lintDir({ 'a.dsa.yaml': SHARING('P8Y'), 'b.dsa.yaml': SHARING('P2Y').replace('RIV-SG-2026-007', 'RIV-SG-2026-008') });
    expect(acrossFindings(run)).toEqual(['a.dsa.yaml overlapping-flow-terms retention 19:44-19:47', 'b.dsa.yaml overlapping-flow-terms retention 19:44-19:47']);
    const message = run.files[0]!.findings.find((f) => f.ruleId === 'overlapping-flow-terms')!.message;
    expect(message).toContain('Riverside Medical Practice to Riverside ICB Safeguarding Team for safeguarding an individual at risk');
    expect(message).toContain('here 8 years; there 2 years');
  });

  it('applies each file\'s config: severity, an off switch, and waivers (config and inline)', async () => {
    const config = [
      'rules:',
      '  agreement-id-conflict: warning',
      'overrides:',
      '  - files: ["c.dsa.yaml"]',
      '    rules: { agreement-id-conflict: off }',
      'waivers:',
      '  - rule: agreement-id-conflict',
      '    files: ["b.dsa.yaml"]',
      '    reason: The copy in b is being withdrawn this month.',
      '    approved_by: Dr A Patel',
      '    expires: 2027-01-31',
    ].join('\n');
    const inline = SHARING('P4Y').replace('id: RIV', '# dsalint-disable-next-line agreement-id-conflict -- kept for the audit trail\nid: RIV');
    const run = await lintDir({ '.dsalint.yaml': config, 'a.dsa.yaml': SHARING('P8Y'), 'b.dsa.yaml': SHARING('P2Y'), 'c.dsa.yaml': SHARING('P1Y'), 'd.dsa.yaml': inline });
    expect(acrossFindings(run)).toEqual([
      'a.dsa.yaml agreement-id-conflict different-content 2:5-2:20',
      'b.dsa.yaml agreement-id-conflict different-content 2:5-2:20 waived',
      'd.dsa.yaml agreement-id-conflict different-content 3:5-3:20 waived',
    ]);
    const a = run.files.find((f) => f.path === 'a.dsa.yaml')!.findings.find((f) => f.ruleId === 'agreement-id-conflict')!;
    expect(a.severity).toBe('warning');
    // c's config turns the rule off there, but c is still part of the estate a is compared with.
    expect(a.message).toContain('c.dsa.yaml');
    const d = run.files.find((f) => f.path === 'd.dsa.yaml')!.findings.find((f) => f.ruleId === 'agreement-id-conflict')!;
    expect(d.suppression).toMatchObject({ source: 'inline', reason: 'kept for the audit trail', file: 'd.dsa.yaml' });
    expect(formatRange(d.suppression!.range!)).toBe('2:1-2:78');
    // The config waiver was used by the across stage, so it is not reported as unused; the inline one neither.
    expect(run.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'waiver-invalid' && f.messageId === 'unused')).toEqual([]);
  });

  it('leaves an agreement the format rejects out, with a note, and compares the rest', async () => {
    const run = await lintDir({ 'a.dsa.yaml': SHARING('P8Y'), 'b.dsa.yaml': SHARING('P2Y'), 'broken.dsa.yaml': SHARING('P2Y').replace('retention:', 'retension:') });
    expect(acrossFindings(run)).toEqual(['a.dsa.yaml agreement-id-conflict different-content 2:5-2:20', 'b.dsa.yaml agreement-id-conflict different-content 2:5-2:20']);
    const broken = run.files.find((f) => f.path === 'broken.dsa.yaml')!;
    expect(broken.failure).toBeUndefined();
    expect(broken.notes).toContain('It is left out of the checks across agreements, and of the register, until it matches the format.');
  });

  it('gives the same findings and fingerprints whatever order the files are found in', async () => {
    const first = await lintDir({ 'a.dsa.yaml': SHARING('P8Y'), 'z.dsa.yaml': SHARING('P2Y') });
    const second = await lintDir({ 'z.dsa.yaml': SHARING('P8Y'), 'a.dsa.yaml': SHARING('P2Y') });
    const prints = (run: LintRun): string[] => run.files.flatMap((f) => f.findings.filter((x) => ACROSS.has(x.ruleId)).map((x) => x.fingerprint));
    expect(prints(first)).toHaveLength(2);
    expect(new Set(prints(first)).size).toBe(2);
    expect(acrossFindings(second)).toEqual(acrossFindings(first));
  });
});
