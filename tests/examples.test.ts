/**
 * The examples are the proof that the catalogue is right: the good ones lint clean under
 * `strict`, the bad ones raise what an IG reviewer would raise, and the full set of
 * findings (file, range, rule, message id) is pinned in tests/examples.expected.txt so that
 * any change in behaviour shows up in review.
 *
 * After an intended change, regenerate the expected file with
 *   UPDATE_EXPECTED=1 npx vitest run tests/examples.test.ts
 * and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runLint } from '../src/core/run.js';
import type { FileResult } from '../src/core/types.js';
import { formatRange } from './helpers/lint.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const expectedPath = join(root, 'tests', 'examples.expected.txt');

const run = await runLint({ paths: ['examples'], cwd: root });
const byPath = new Map(run.files.map((f) => [f.path, f]));

function file(path: string): FileResult {
  const result = byPath.get(path);
  if (!result) throw new Error(`${path} was not linted`);
  return result;
}

/** `rule-id messageId L:C-L:C` for each finding in a file. */
function findings(path: string): string[] {
  return file(path).findings.map((f) => `${f.ruleId} ${f.messageId} ${formatRange(f.location.range)}`);
}

function rulesOf(path: string): Set<string> {
  return new Set(file(path).findings.map((f) => f.ruleId));
}

function corpusText(): string {
  const lines = run.files.flatMap((f) => [
    ...(f.failure ? [`${f.path}  failure  ${f.failure.code}`] : []),
    ...f.findings.map((x) => `${f.path}  ${formatRange(x.location.range)}  ${x.suppression ? 'waived' : x.kind === 'review' ? 'review' : x.severity}  ${x.ruleId}  ${x.messageId}`),
  ]);
  return `${lines.join('\n')}\n`;
}

const GOOD = [
  'examples/medical-examiner/me-scrutiny.dsa.yaml',
  'examples/safeguarding/per-case-requests.dsa.yaml',
  'examples/population-health/icb-phm-s251.dsa.yaml',
  'examples/research/diabetes-study-extract.dsa.md',
  'examples/gp-processor/document-workflow-processor.dsa.yaml',
  'examples/shared-care-record/riverside-care-record.dsa.yaml',
  'examples/coroner/coroner-requests.dsa.yaml',
  'examples/public-health/notifiable-diseases.dsa.yaml',
  'examples/tiered-safeguarding/overarching-protocol.dsa.yaml',
  'examples/tiered-safeguarding/mash-referrals.dsa.yaml',
  'examples/templates/model-direct-care-dsa.dsa.yaml',
  'examples/gp-processor/appointment-reminders-processing.dsa.yaml',
  'examples/research/cohort-linkage-release.dsa.yaml',
];

describe('examples', () => {
  it('judges the examples as of the fixed day in examples/.dsalint.yaml', () => {
    expect(run.asOf).not.toBe('');
    expect(run.files.every((f) => !f.failure)).toBe(true);
  });

  // A reminder that a review or expiry date is coming up is planning, not a fault in the agreement.
  it.each(GOOD)('%s lints clean under strict (approved waivers and renewal reminders aside)', (path) => {
    expect(file(path).findings.filter((f) => !f.suppression && f.ruleId !== 'estate-renewals-due').map((f) => `${f.ruleId} ${f.messageId}`)).toEqual([]);
    expect(file(path).notes).toEqual([]);
  });

  it('records the shared care record\'s approved waiver with its justification, approver and expiry', () => {
    const waived = file('examples/shared-care-record/riverside-care-record.dsa.yaml').findings;
    expect(findings('examples/shared-care-record/riverside-care-record.dsa.yaml')).toEqual(['review-date-missing-or-overdue interval-too-long 15:14-15:24']);
    expect(waived[0]?.suppression).toMatchObject({
      source: 'config',
      approvedBy: 'Dr A Patel, Caldicott Guardian, for the Riverside Care Record board',
      expires: '2028-06-30',
      file: 'examples/.dsalint.yaml',
    });
    expect(waived[0]?.suppression?.reason).toMatch(/^The care record board reviews every partner agreement together in June 2028/);
  });

  it('flags the whole-system medical examiner request the LMC refused, at the access grant', () => {
    const path = 'examples/medical-examiner/whole-system-access.dsa.yaml';
    expect(findings(path)).toContain('whole-system-access whole-system 55:21-55:39');
    for (const rule of ['all-fields-scope', 'population-exceeds-purpose', 'medical-examiner-scope', 'caldicott-signoff-missing', 'retention-missing-or-indefinite', 'vague-purpose']) {
      expect(rulesOf(path)).toContain(rule);
    }
  });

  it('flags the standing Smartcard safeguarding access, its basis and its retention', () => {
    const path = 'examples/safeguarding/standing-smartcard-access.dsa.yaml';
    expect(findings(path)).toContain('whole-system-access whole-system 58:21-58:39');
    for (const rule of [
      'all-fields-scope',
      'population-exceeds-purpose',
      'secondary-use-on-direct-care-basis',
      'article6-basis-missing-or-invalid',
      'vague-purpose',
      'retention-missing-or-indefinite',
      'breach-notification-window',
      'agreement-expired-or-no-term',
    ]) {
      expect(rulesOf(path)).toContain(rule);
    }
  });

  it('judges the national arrangement\'s medical examiner purpose on its own per-death population', () => {
    const path = 'examples/national-direct-care/gp-record-access.dsa.yaml';
    expect(findings(path)).toEqual(['free-text-or-third-party-unprotected unprotected 85:142-85:162']);
  });

  it('says what an IG reviewer would of a DPA 1998 protocol still in force', () => {
    const path = 'examples/pre-2018/community-safety-protocol.dsa.md';
    for (const rule of ['legal-framework-superseded', 'review-date-missing-or-overdue', 'article6-basis-missing-or-invalid']) expect(rulesOf(path)).toContain(rule);
    // A council, police, fire, probation and housing are not health bodies: no Caldicott Guardian or DSPT is asked of them.
    for (const rule of ['caldicott-signoff-missing', 'dspt-status-insufficient']) expect(rulesOf(path).has(rule)).toBe(false);
  });

  it('does not flag the shared care record for whole-system access', () => {
    expect(rulesOf('examples/shared-care-record/riverside-care-record.dsa.yaml').has('whole-system-access')).toBe(false);
  });

  it('lists the review coming up within 90 days of the fixed day, relating the estate\'s other dates', () => {
    expect(findings('examples/coroner/coroner-requests.dsa.yaml')).toEqual(['estate-renewals-due review 10:70-10:80']);
  });

  it('finds whole-system access in the safeguarding estate, though no one of its three agreements gives it', () => {
    const paths = ['monthly-extract', 'per-case-records', 'standing-alerts-access'].map((name) => `examples/safeguarding-estate/${name}.dsa.yaml`);
    const places = ['75:21-75:28', '76:21-76:32', '75:21-75:39'];
    paths.forEach((path, i) => {
      const found = file(path).findings.filter((f) => f.ruleId === 'recipient-access-aggregates');
      expect(found.map((f) => `${f.messageId} ${formatRange(f.location.range)}`)).toEqual([`whole-system ${places[i]}`]);
      // Each finding relates the two other agreements' flows, in their own files.
      expect(found[0]!.related.map((r) => `${r.file} ${formatRange(r.range)}`)).toEqual(paths.flatMap((other, j) => (j === i ? [] : [`${other} ${places[j]}`])));
      expect(rulesOf(path).has('whole-system-access')).toBe(path.endsWith('standing-alerts-access.dsa.yaml'));
    });
  });

  it('matches the pinned corpus of findings (tests/examples.expected.txt)', async () => {
    const actual = corpusText();
    if (process.env['UPDATE_EXPECTED']) await writeFile(expectedPath, actual);
    expect(actual).toBe(await readFile(expectedPath, 'utf8'));
  });
});
