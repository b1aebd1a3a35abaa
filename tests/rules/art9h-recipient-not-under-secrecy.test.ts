import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'art9h-recipient-not-under-secrecy';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  recipient?: string;
  basis?: string;
  categories?: string;
  identifiability?: string;
  vital?: string;
}
const agreement = (s: Shape = {}) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  `  - { id: other, name: Other Organisation${s.recipient ?? ', org_type: vcse'} }\n` +
  `purposes:\n  - { id: care, category: individual_care, lawful_basis: ${s.basis ?? '{ article_9: h_health_or_social_care, dpa_schedule_1: part1_para2 }'} }\n` +
  (s.vital ? `population: { scope: per_case, vital_status: ${s.vital} }\n` : '') +
  `data:\n  - { id: needs, categories: [${s.categories ?? 'nhs_number, diagnoses_problems'}], identifiability: ${s.identifiability ?? 'identifiable'} }\n` +
  'flows:\n  - { id: f1, from: surgery, to: other, data: [needs], purposes: [care] }\n';

describe(RULE, () => {
  it('warns at the flow recipient when its organisation type is not bound by confidentiality', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`org-type ${rangeOf(text, 'other', 2)}`]);
    const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('voluntary, community or social enterprise organisation');
    expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'h_health_or_social_care').split('-')[0]]);
  });

  it.each(['police', 'commercial_supplier', 'university_or_researcher', 'coroner', 'safeguarding_adults_board'])('warns for a %s recipient', async (type) => {
    expect(await lint(agreement({ recipient: `, org_type: ${type}` }))).toHaveLength(1);
  });

  it.each(['nhs_trust_acute', 'local_authority_adult_social_care', 'icb', 'medical_examiner_office', 'community_pharmacy'])('is quiet for a %s recipient', async (type) => {
    expect(await lint(agreement({ recipient: `, org_type: ${type}` }))).toEqual([]);
  });

  it('is quiet when the recipient declares a duty of confidentiality', async () => {
    expect(await lint(agreement({ recipient: ', org_type: vcse, duty_of_confidentiality: true' }))).toEqual([]);
  });

  it('warns, with the declaration as related, when a recipient declares its staff are not bound', async () => {
    const text = agreement({ recipient: ', org_type: nhs_trust_acute, duty_of_confidentiality: false' });
    const findings = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(findings.map((f) => f.messageId)).toEqual(['declared-false']);
    expect(findings[0]?.related).toHaveLength(2);
  });

  it('does not guess about a recipient with no organisation type', async () => {
    expect(await lint(agreement({ recipient: '' }))).toEqual([]);
  });

  it('also covers Schedule 1 para 2 and para 3 relied on without Art 9(2)(h)', async () => {
    expect(await lint(agreement({ basis: '{ dpa_schedule_1: part1_para2 }' }))).toHaveLength(1);
    expect(await lint(agreement({ basis: '{ article_9: i_public_health, dpa_schedule_1: part1_para3 }' }))).toHaveLength(1);
  });

  it('ignores other conditions', async () => {
    expect(await lint(agreement({ basis: '{ article_9: a_explicit_consent }' }))).toEqual([]);
    expect(await lint(agreement({ basis: '{ article_9: g_substantial_public_interest, dpa_schedule_1: part2_para18 }' }))).toEqual([]);
    expect(await lint(agreement({ basis: '{ article_6: e_public_task }' }))).toEqual([]);
  });

  it('ignores flows with no identifiable special category data', async () => {
    expect(await lint(agreement({ categories: 'nhs_number, name' }))).toEqual([]);
    expect(await lint(agreement({ categories: 'diagnoses_problems', identifiability: 'aggregate' }))).toEqual([]);
  });

  it('is not fooled by an aggregate label on data that carries NHS numbers', async () => {
    const text = agreement({ identifiability: 'aggregate' });
    expect(await lint(text)).toEqual([`org-type ${rangeOf(text, 'other', 2)}`]);
  });

  it('is quiet when every patient has died', async () => {
    expect(await lint(agreement({ vital: 'deceased' }))).toEqual([]);
    expect(await lint(agreement({ vital: 'both' }))).toHaveLength(1);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
