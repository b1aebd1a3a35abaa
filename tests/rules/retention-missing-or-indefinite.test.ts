import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'retention-missing-or-indefinite';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

const agreement = (retention: string, flows?: string, identifiability = 'identifiable') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }\n' +
  'data:\n' +
  `  - { id: summary, categories: [nhs_number, diagnoses_problems], identifiability: ${identifiability} }\n` +
  '  - { id: letters, categories: [correspondence_documents], identifiability: identifiable }\n' +
  (flows ?? 'flows:\n  - { id: f1, from: surgery, to: meo, data: [summary] }\n') +
  retention;

describe(RULE, () => {
  describe('recipients without retention', () => {
    it('reports a recipient with no retention entry at the flow\'s recipient', async () => {
      const text = agreement('');
      expect(await lint(text)).toEqual([`no-retention ${rangeOf(text, 'meo', 2)}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('Medical Examiner Office receives "summary" in flow "f1"');
    });

    it('accepts an entry for the recipient naming the data, or naming no data', async () => {
      expect(await lint(agreement('retention:\n  - { party: meo, data: [summary], period: P10Y, starts: case_closed }\n'))).toEqual([]);
      expect(await lint(agreement('retention:\n  - { party: meo, period: P10Y, starts: case_closed }\n'))).toEqual([]);
    });

    it('does not count another party\'s entry, or an entry for other data', async () => {
      const text = agreement('retention:\n  - { party: surgery, data: [summary], period: P10Y, starts: case_closed }\n  - { party: meo, data: [letters], period: P10Y, starts: case_closed }\n');
      expect(await lint(text)).toEqual([`no-retention ${rangeOf(text, 'meo', 2)}`]);
    });

    it('lists only the items not covered', async () => {
      const flows = 'flows:\n  - { id: f1, from: surgery, to: meo, data: [summary, letters] }\n';
      const text = agreement('retention:\n  - { party: meo, data: [summary], period: P10Y, starts: case_closed }\n', flows);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('receives "letters" in flow');
    });

    it('reports a recipient once for the same data over several flows', async () => {
      const flows = 'flows:\n  - { id: f1, from: surgery, to: meo, data: [summary] }\n  - { id: f2, from: surgery, to: meo, data: [summary] }\n';
      const text = agreement('', flows);
      expect(await lint(text)).toEqual([`no-retention ${rangeOf(text, 'meo', 2)}`]);
    });

    it('ignores anonymised or aggregate data', async () => {
      expect(await lint(agreement('', undefined, 'aggregate').replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]'))).toEqual([]);
      // An aggregate label on data that carries NHS numbers does not take it out of the check.
      expect(await lint(agreement('', undefined, 'aggregate'))).toHaveLength(1);
    });

    it('counts live access, which needs some entry for the recipient', async () => {
      const flows = 'flows:\n  - { id: f1, from: surgery, to: meo, access: { mode: live_system_access } }\n';
      const text = agreement('', flows);
      expect(await lint(text)).toEqual([`no-retention ${rangeOf(text, 'meo', 2)}`]);
      expect(await lint(agreement('retention:\n  - { party: meo, period: P1Y, starts: case_closed }\n', flows))).toEqual([]);
    });

    it('leaves unresolved recipients to reference-unresolved', async () => {
      expect(await lint(agreement('', 'flows:\n  - { id: f1, from: surgery, to: nobody, data: [summary] }\n'))).toEqual([]);
    });
  });

  describe('retention entries', () => {
    const entry = (fields: string) => agreement(`retention:\n  - { party: meo, data: [summary]${fields} }\n`);

    it('reports an indefinite period at the period', async () => {
      const text = entry(', period: indefinite, starts: receipt');
      expect(await lint(text)).toEqual([`indefinite ${rangeOf(text, 'indefinite')}`]);
    });

    it('reports a period of more than 100 years as an error, in words', async () => {
      const text = entry(', period: P999Y, starts: receipt');
      expect(await lint(text)).toEqual([`absurd-period ${rangeOf(text, 'P999Y')}`]);
      const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(f?.severity).toBe('error');
      expect(f?.message).toContain('keeps data for 999 years, longer than anyone lives');
      expect(await lint(entry(', period: P100Y, starts: receipt'))).toEqual([]);
      expect(await lint(entry(', period: P1200M, starts: receipt'))).toEqual([]);
      expect(await lint(entry(', period: P1201M, starts: receipt'))).toHaveLength(1);
    });

    it('still holds an audit log, which has no Code period, to a finite period', async () => {
      const text = entry(', period: P150Y, starts: creation, record_type: audit_log');
      expect(await lint(text)).toEqual([`absurd-period ${rangeOf(text, 'P150Y')}`]);
      expect(await lint(entry(', period: P8Y, starts: creation, record_type: audit_log'))).toEqual([]);
      const indefinite = entry(', period: indefinite, starts: creation, record_type: audit_log');
      expect(await lint(indefinite)).toEqual([`indefinite ${rangeOf(indefinite, 'indefinite')}`]);
    });

    it('reports a missing period at the entry', async () => {
      const text = entry(', starts: receipt');
      expect(await lint(text)).toEqual([`no-period ${rangeOf(text, '{ party: meo, data: [summary], starts: receipt }')}`]);
    });

    it('reports a period with no start at the entry', async () => {
      const text = entry(', period: P8Y');
      expect(await lint(text)).toEqual([`no-start ${rangeOf(text, '{ party: meo, data: [summary], period: P8Y }')}`]);
    });

    it('passes a finite period with a start', async () => {
      expect(await lint(entry(', period: P8Y, starts: last_contact'))).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
