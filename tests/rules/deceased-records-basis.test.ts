import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'deceased-records-basis';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

const CPI_FLOW =
  'data:\n  - { id: record, categories: [nhs_number, diagnoses_problems], identifiability: identifiable }\n' +
  'flows:\n  - { id: f1, from: surgery, to: meo, data: [record], purposes: [me] }\n';
const NON_CPI_FLOW =
  'data:\n  - { id: record, categories: [diagnoses_problems], identifiability: anonymised }\n' +
  'flows:\n  - { id: f1, from: surgery, to: meo, data: [record], purposes: [me] }\n';

const agreement = (vital: string | null, basis: string, rest = '') =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office }\n' +
  `purposes:\n  - { id: me, category: medical_examiner_scrutiny, lawful_basis: ${basis} }\n` +
  (vital === null ? '' : `population: { scope: per_case, vital_status: ${vital} }\n`) +
  rest;

describe(RULE, () => {
  describe('no common-law basis, and no flow that common-law-basis-missing would report', () => {
    it('warns at the lawful_basis key for deceased patients with only UK GDPR bases', async () => {
      const text = agreement('deceased', '{ article_6: e_public_task, article_9: h_health_or_social_care }');
      expect(await lint(text)).toEqual([`no-common-law ${rangeOf(text, 'lawful_basis')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('covers deceased patients');
      expect(finding?.message).toContain('Art 6(1)(e) public task and Art 9(2)(h) health or social care');
    });

    it('warns for living-and-deceased populations too', async () => {
      const text = agreement('both', '{ article_6: e_public_task }');
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.messageId).toBe('no-common-law');
      expect(finding?.message).toContain('covers living and deceased patients');
    });

    it('also warns when the only flow carries no confidential patient information', async () => {
      expect(await lint(agreement('deceased', '{ article_6: e_public_task }', NON_CPI_FLOW))).toEqual([
        `no-common-law ${rangeOf(agreement('deceased', '{ article_6: e_public_task }', NON_CPI_FLOW), 'lawful_basis')}`,
      ]);
    });
  });

  describe('a flow of confidential patient information (common-law-basis-missing reports the missing basis)', () => {
    it('notes at article_6 that UK GDPR bases do not apply when every patient has died', async () => {
      const text = agreement('deceased', '{ article_6: e_public_task, article_9: h_health_or_social_care }', CPI_FLOW);
      expect(await lint(text)).toEqual([`gdpr-not-applicable ${rangeOf(text, 'e_public_task')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('info');
    });

    it('points at article_9 when there is no article_6', async () => {
      const text = agreement('deceased', '{ article_9: h_health_or_social_care }', CPI_FLOW);
      expect(await lint(text)).toEqual([`gdpr-not-applicable ${rangeOf(text, 'h_health_or_social_care')}`]);
    });

    it('says nothing for living-and-deceased populations, where UK GDPR bases are needed', async () => {
      expect(await lint(agreement('both', '{ article_6: e_public_task }', CPI_FLOW))).toEqual([]);
    });
  });

  it('is quiet when a common-law basis is given alongside UK GDPR bases', async () => {
    expect(await lint(agreement('deceased', '{ article_6: e_public_task, common_law: legal_requirement }'))).toEqual([]);
    expect(await lint(agreement('deceased', '{ article_6: e_public_task, common_law: legal_requirement }', CPI_FLOW))).toEqual([]);
  });

  it('is quiet when no bases at all are given (other rules report that)', async () => {
    expect(await lint(agreement('deceased', '{ explanation: To be agreed }'))).toEqual([]);
  });

  it('is quiet for living patients or an unstated vital status', async () => {
    expect(await lint(agreement('living', '{ article_6: e_public_task }'))).toEqual([]);
    expect(await lint(agreement(null, '{ article_6: e_public_task }'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
