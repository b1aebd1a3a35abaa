/**
 * GitHub workflow-command annotations, escaped as @actions/core escapes them.
 */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github, githubAnnotations, workflowCommand } from '../../src/reporters/github.js';
import { cleanRun, sampleRun } from './fixtures/run.js';

describe('escaping, as the Actions toolkit does it', () => {
  it.each([
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['key: value', 'key: value', 'key%3A value'],
    ['a,b', 'a,b', 'a%2Cb'],
    ['%0A', '%250A', '%250A'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('%j → data %j, property %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });

  it('shows hidden characters in messages and titles as [U+XXXX]', () => {
    expect(workflowCommand('error', { title: 'a\u202Eb' }, 'x\u200By')).toBe('::error title=a[U+202E]b::x[U+200B]y');
  });

  it('escapes % before the sequences it introduces, so nothing is decoded twice', () => {
    expect(escapeData('%0D\r')).toBe('%250D%0D');
  });

  it('builds a command with escaped properties and message and skips empty properties', () => {
    expect(workflowCommand('warning', { file: 'North East/a,b.dsa.yaml', line: 3, col: undefined, title: 'T: x' }, 'm\n%')).toBe(
      '::warning file=North East/a%2Cb.dsa.yaml,line=3,title=T%3A x::m%0A%25',
    );
    expect(workflowCommand('error', {}, 'x')).toBe('::error::x');
  });
});

describe('github reporter', () => {
  const lines = githubAnnotations(sampleRun());

  it('writes one annotation per active finding and per unreadable file, none for waived findings', () => {
    expect(lines).toHaveLength(7);
    expect(lines.filter((l) => l.includes('Flow "legacy"'))).toEqual([]);
    expect(lines.filter((l) => l.includes('has no owner'))).toEqual([]);
  });

  it('writes errors first, then warnings, then notices (GitHub shows only the first 10 of each level)', () => {
    expect(lines.map((l) => l.slice(2, l.indexOf(' ')))).toEqual(['error', 'error', 'error', 'warning', 'warning', 'notice', 'notice']);
  });

  it('gives file, line, column, end line and end column for a one-line finding', () => {
    const line = lines.find((l) => l.includes('whole-system-access'))!;
    expect(line).toMatch(
      /^::error file=agreements\/North East\/icb-whole-system\.dsa\.yaml,line=46,col=21,endLine=46,endColumn=39,title=Access must be limited to what the purpose needs \(whole-system-access\)::/,
    );
    // The message keeps its line break and % as escapes, then the fix and the link.
    expect(line).toContain('registered patient.%0ALine two: 100%25 of patients, key: value, a,b.%0A%0AHow to fix: Share only the named items');
    expect(line.endsWith('%0AMore: https://github.com/dsalint/dsalint/blob/main/rules/whole-system-access.md')).toBe(true);
    // Nothing in an annotation is a raw line break: one command per line.
    for (const l of lines) expect(l).not.toMatch(/[\r\n]/);
  });

  it('leaves out columns when a finding spans lines, as GitHub ignores them there', () => {
    const line = lines.find((l) => l.includes('waiver-invalid'))!;
    expect(line).toContain('::warning file=.dsalint.yaml,line=8,endLine=11,title=Waivers must name a rule%2C give a reason%2C and be current (waiver-invalid)::');
  });

  it('marks needs-review findings as notices titled "Needs review"', () => {
    expect(lines.find((l) => l.includes('caldicott-judgement'))).toMatch(/^::notice .*title=Needs review%3A A Caldicott Guardian must judge this sharing \(caldicott-judgement\)::/);
  });

  it('reports an unreadable file as an error on the file', () => {
    expect(lines[0]).toBe('::error file=agreements/broken.dsa.yaml,title=dsalint could not check this file::agreements/broken.dsa.yaml is not valid UTF-8 (byte 0xff at offset 12); save it as UTF-8.');
  });

  it('ends with a plain summary line that is not a command', () => {
    const out = github(sampleRun(), { color: false, quiet: false }).trimEnd().split('\n');
    expect(out.at(-1)).toBe('dsalint: 2 errors, 2 warnings, 1 point to review, 1 note, 2 waived, 1 file not checked. Dates judged as of 2026-11-01.');
    expect(github(cleanRun(), { color: false, quiet: false })).toBe('dsalint: 0 errors, 0 warnings, 0 points to review, 0 notes. Dates judged as of 2026-11-01.\n');
  });
});
