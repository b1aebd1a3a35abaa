import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'transfer-unencrypted';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (transfer: string, data = ''): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: meo, name: Medical Examiner Office }\n' +
  `data:\n  - { id: d, categories: [nhs_number, diagnoses_problems]${data} }\n` +
  `flows:\n  - { id: f1, from: surgery, to: meo, data: [d], transfer: ${transfer} }\n`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports each weak method at the method', async () => {
    for (const method of ['unencrypted_email', 'fax', 'post_unsecured', 'removable_media_unencrypted']) {
      const text = agreement(`{ method: ${method} }`);
      expect(await lint(text)).toEqual([`weak-method ${rangeOf(text, method)}`]);
    }
    expect(rangeOf(agreement('{ method: fax }'), 'fax')).toBe('10:70-10:73');
  });

  it('names the method in plain words', async () => {
    const outcome = await lintText(agreement('{ method: unencrypted_email }'), { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'Flow "f1" sends patient data by unencrypted email, which is not secure. Use a secure, encrypted route such as NHSmail or secure file transfer.',
    );
  });

  it('reports a weak method once, even when also stated unencrypted, and even when stated encrypted', async () => {
    let text = agreement('{ method: fax, encrypted: false }');
    expect(await lint(text)).toEqual([`weak-method ${rangeOf(text, 'fax')}`]);
    text = agreement('{ method: unencrypted_email, encrypted: true }');
    expect(await lint(text)).toEqual([`weak-method ${rangeOf(text, 'unencrypted_email')}`]);
  });

  it('reports a secure method stated not to be encrypted, at encrypted', async () => {
    const text = agreement('{ method: api, encrypted: false }');
    expect(await lint(text)).toEqual([`not-encrypted ${rangeOf(text, 'false')}`]);
    const noMethod = agreement('{ encrypted: false }');
    expect(await lint(noMethod)).toEqual([`not-encrypted ${rangeOf(noMethod, 'false')}`]);
  });

  it('is quiet for secure methods', async () => {
    for (const method of ['nhsmail', 'secure_file_transfer', 'api', 'shared_care_record', 'clinical_system']) {
      expect(await lint(agreement(`{ method: ${method}, encrypted: true }`))).toEqual([]);
      expect(await lint(agreement(`{ method: ${method} }`))).toEqual([]);
    }
  });

  it('does not ask it of a flow carrying only aggregate or anonymised data', async () => {
    const deidentified = (transfer: string, data: string) => agreement(transfer, data).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]');
    expect(await lint(deidentified('{ method: fax }', ', identifiability: aggregate'))).toEqual([]);
    expect(await lint(deidentified('{ method: unencrypted_email }', ', identifiability: anonymised'))).toEqual([]);
    // "Anonymised" data that keeps the NHS number is still personal data.
    expect(await lint(agreement('{ method: unencrypted_email }', ', identifiability: anonymised'))).toHaveLength(1);
  });

  it('asks it of pseudonymised data', async () => {
    const text = agreement('{ method: fax }', ', identifiability: pseudonymised');
    expect(await lint(text)).toEqual([`weak-method ${rangeOf(text, 'fax')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
