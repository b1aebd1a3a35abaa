import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'retention-exceeds-code-period';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string, options?: Record<string, unknown>) => lintWithRule(RULE, text, options ? { options: { [RULE]: options } } : {});

const agreement = (period: string, recordType = 'gp_patient_record_deceased', extra = '') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }\n' +
  `retention:\n  - { party: meo, period: ${period}, starts: death, record_type: ${recordType}${extra} }\n`;

describe(RULE, () => {
  describe('longer than the Code period with no justification (10 years for a deceased GP record)', () => {
    it('passes up to the Code period and warns just beyond it', async () => {
      expect(await lint(agreement('P9Y11M'))).toEqual([]);
      expect(await lint(agreement('P10Y'))).toEqual([]);
      expect(await lint(agreement('P120M'))).toEqual([]);
      expect(await lint(agreement('P10Y1D'))).toEqual([`unjustified ${rangeOf(agreement('P10Y1D'), 'P10Y1D')}`]);
      expect(await lint(agreement('P121M'))).toEqual([`unjustified ${rangeOf(agreement('P121M'), 'P121M')}`]);
    });

    it('is a warning naming both periods in words, with the record type as related', async () => {
      const text = agreement('P12Y');
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('keeps data (GP record of a deceased patient) for 12 years, longer than the 10 years');
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'gp_patient_record_deceased').split('-')[0]]);
    });

    it('accepts a longer period with a justification', async () => {
      expect(await lint(agreement('P15Y', undefined, ', justification: Linked to an ongoing inquest'))).toEqual([]);
    });
  });

  describe('beyond the Code period plus the extension (20 years by default)', () => {
    it('warns beyond 30 years for a 10-year record even with a justification: boundary at 30 years', async () => {
      const justified = (period: string) => agreement(period, undefined, ', justification: Needed');
      expect(await lint(justified('P30Y'))).toEqual([]);
      expect(await lint(justified('P30Y1D'))).toEqual([`beyond-extension ${rangeOf(justified('P30Y1D'), 'P30Y1D')}`]);
      expect(await lint(agreement('P31Y'))).toEqual([`beyond-extension ${rangeOf(agreement('P31Y'), 'P31Y')}`]);
    });

    it('follows the max_extension_years option', async () => {
      const text = agreement('P15Y', undefined, ', justification: Needed');
      expect(await lint(text, { max_extension_years: 5 })).toEqual([]);
      expect(await lint(text, { max_extension_years: 4 })).toEqual([`beyond-extension ${rangeOf(text, 'P15Y')}`]);
      expect(await lint(agreement('P10Y1M', undefined, ', justification: Needed'), { max_extension_years: 0 })).toHaveLength(1);
    });
  });

  it('uses the record type of the entry\'s data items when the entry gives none', async () => {
    const text =
      'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: trust, name: Trust }\n' +
      'data:\n  - { id: notes, record_type: adult_health_record }\n  - { id: more, record_type: adult_health_record }\n  - { id: other }\n' +
      'retention:\n  - { party: trust, data: [notes, more], period: P9Y, starts: last_contact }\n  - { party: trust, data: [notes, other], period: P9Y, starts: last_contact }\n';
    const findings = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(findings.map((f) => `${f.messageId} ${f.location.range.start.line}`)).toEqual(['unjustified 11']);
    expect(findings[0]?.related.map((r) => r.range.start.line)).toEqual([7]);
  });

  it('ignores record types with no fixed Code period, indefinite periods and entries with no record type', async () => {
    expect(await lint(agreement('P50Y', 'gp_patient_record'))).toEqual([]);
    expect(await lint(agreement('P50Y', 'medical_examiner_case_file'))).toEqual([]);
    expect(await lint(agreement('indefinite'))).toEqual([]);
    expect(await lint(agreement('P50Y').replace(', record_type: gp_patient_record_deceased', ''))).toEqual([]);
  });

  it('compares no Code period for the record types whose period could not be verified, and says so in its docs', async () => {
    for (const type of ['mental_health_record', 'safeguarding_record', 'medical_examiner_case_file', 'research_dataset', 'audit_log']) {
      expect(await lint(agreement('P60Y', type))).toEqual([]);
    }
    const rationale = ruleById(RULE).meta.rationale;
    expect(rationale).toContain(
      'It compares none for mental health record, safeguarding record, medical examiner case file, research dataset and audit log of access to records (audit trail): ' +
        'no period for them could be read in a primary source',
    );
  });

  describe('children\'s records, by age', () => {
    const children = (period: string, ages = '') => agreement(period, 'childrens_record').replace('retention:', `${ages}retention:`);

    it('allows until the 26th birthday of the youngest patient covered', async () => {
      expect(await lint(children('P26Y'))).toEqual([]);
      const text = children('P27Y');
      expect(await lint(text)).toEqual([`unjustified ${rangeOf(text, 'P27Y')}`]);
      const older = children('P20Y', 'population: { age_range: { min: 10, max: 17 } }\n');
      expect(await lint(older)).toEqual([`unjustified ${rangeOf(older, 'P20Y')}`]);
      expect(await lint(children('P16Y', 'population: { age_range: { min: 10, max: 17 } }\n'))).toEqual([]);
    });

    it('reads a period counted from the date of birth as an age', async () => {
      const text = children('P25Y', 'population: { age_range: { min: 10, max: 17 } }\n').replace('starts: death', 'starts: date_of_birth');
      expect(await lint(text)).toEqual([]);
      const late = text.replace('P25Y', 'P27Y');
      expect(await lint(late)).toEqual([`unjustified ${rangeOf(late, 'P27Y')}`]);
    });

    it('does not apply the children\'s period to a population of adults', async () => {
      expect(await lint(children('P40Y', 'population: { age_range: { min: 18 } }\n'))).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
