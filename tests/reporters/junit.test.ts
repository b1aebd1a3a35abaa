/**
 * JUnit XML for Azure DevOps and GitLab: well-formed, escaped, and counted right.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, junitXml } from '../../src/reporters/junit.js';
import type { LintRun } from '../../src/core/types.js';
import { range, sampleRun } from './fixtures/run.js';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function parse(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as Node;
}

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b', 'a &amp; b'],
    ['<x>', '&lt;x&gt;', '&lt;x&gt;'],
    ['"q"', '"q"', '&quot;q&quot;'],
    ['a\nb\tc\r', 'a\nb\tc&#13;', 'a&#10;b&#9;c&#13;'],
    ['bell\u0007 and lone \uD800 surrogate', 'bell[U+0007] and lone \uFFFD surrogate', 'bell[U+0007] and lone \uFFFD surrogate'],
    ['hidden \u202Eevil', 'hidden [U+202E]evil', 'hidden [U+202E]evil'],
    ['emoji 😀 stays', 'emoji 😀 stays', 'emoji 😀 stays'],
  ])('%j → text %j, attribute %j', (input, text, attribute) => {
    expect(escapeXml(input, false)).toBe(text);
    expect(escapeXml(input, true)).toBe(attribute);
  });
});

describe('junit reporter', () => {
  const doc = parse(junitXml(sampleRun()));
  const suites = doc['testsuites'].testsuite as Node[];

  it('has one suite per file, named after the file', () => {
    expect(suites.map((s) => s['name'])).toEqual([
      '.dsalint.yaml',
      'agreements/North East/icb-whole-system.dsa.yaml',
      'agreements/broken.dsa.yaml',
      'agreements/me-scrutiny.dsa.yaml',
      'agreements/not-yet.dsa.md',
    ]);
  });

  it('has one test case per finding: errors and warnings fail, review and waived are skipped, info passes', () => {
    const bad = suites[1]!;
    const cases = bad['testcase'] as Node[];
    expect(cases.map((c) => c['name'])).toEqual([
      'vague-purpose at purposes[0].description (line 24)',
      'whole-system-access at flows[0].access.mode (line 46)',
      'caldicott-judgement at purposes[0].category (line 22)',
      'retention-excessive at line 1',
      'vague-purpose at purposes[0] (line 21)',
      'whole-system-access at flows[1] (line 50)',
    ]);
    expect(cases.map((c) => (c['failure'] ? `failure:${c['failure'].type}` : c['skipped'] ? 'skipped' : 'passed'))).toEqual([
      'failure:warning',
      'failure:error',
      'skipped',
      'passed',
      'skipped',
      'skipped',
    ]);
    expect(bad).toMatchObject({ tests: '6', failures: '2', errors: '0', skipped: '3' });
    expect(doc['testsuites']).toMatchObject({ tests: '10', failures: '4', errors: '1', skipped: '3', time: '0' });
  });

  it('keeps the message (with its line break and special characters) and a body with location and fix', () => {
    const failure = (suites[1]!['testcase'] as Node[])[1]!['failure'];
    expect(failure.message).toBe('Flow "icb-live" gives Example Integrated Care Board standing live access to the whole record of every registered patient.\nLine two: 100% of patients, key: value, a,b.');
    expect(failure['#text']).toContain('Where: agreements/North East/icb-whole-system.dsa.yaml:46:21 to 46:39 (flows[0].access.mode)');
    expect(failure['#text']).toContain('Law and guidance: UK GDPR Art 5(1)(c); ICO letter to Lincolnshire LMC');
    expect(failure['#text']).toContain('How to fix: Share only the named items each purpose needs, per case.');
  });

  it('gives the waiver justification for waived findings', () => {
    const skipped = (suites[1]!['testcase'] as Node[])[5]!['skipped'];
    expect(skipped.message).toBe('Waived: Agreed by the ICB Caldicott Guardian while the shared care record replaces it; approved by ICB Caldicott Guardian; until 2027-01-31 (waived in .dsalint.yaml line 4)');
  });

  it('shows a passing test for a clean agreement and an error for a file it could not read', () => {
    expect(suites[3]!['testcase']).toEqual([{ name: 'follows every enabled dsalint rule', classname: 'agreements/me-scrutiny.dsa.yaml', file: 'agreements/me-scrutiny.dsa.yaml', time: '0' }]);
    expect(suites[2]!['testcase'][0]['error']).toMatchObject({ type: 'invalid-utf8' });
  });

  it('makes test names unique within a suite', () => {
    const base = sampleRun();
    const file = base.files.find((f) => f.path === 'agreements/not-yet.dsa.md')!;
    const twice = [file.findings[0]!, { ...file.findings[0]!, location: { ...file.findings[0]!.location, range: range(9, 15, 9, 25) } }];
    const run: LintRun = { ...base, files: [{ ...file, findings: twice }] };
    const cases = parse(junitXml(run))['testsuites'].testsuite[0].testcase as Node[];
    expect(cases.map((c) => c['name'])).toEqual(['schema at parties[0].org_type (line 9)', 'schema at parties[0].org_type (line 9) #2']);
  });

  it('stays well-formed whatever the agreement text holds', () => {
    const base = sampleRun();
    const file = base.files.find((f) => f.path === 'agreements/not-yet.dsa.md')!;
    const nasty = { ...file.findings[0]!, message: ']]> <!-- & \u0000 \u001b[31m "\'' };
    const run: LintRun = { ...base, files: [{ ...file, path: 'a&b <c>.dsa.yaml', findings: [nasty] }] };
    const doc2 = parse(junitXml(run));
    expect(doc2['testsuites'].testsuite[0].name).toBe('a&b <c>.dsa.yaml');
  });
});
