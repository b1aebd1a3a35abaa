import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'article6-basis-missing-or-invalid';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

interface Shape {
  top?: string;
  population?: string;
  purpose: string;
  item?: string;
  from?: string;
}

function agreement(s: Shape): string {
  return (
    `dsalint: 1\nid: EX-001\ntitle: Example\n${s.top ?? ''}parties:\n` +
    '  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n  - { id: firm, name: Example Analytics Ltd, org_type: commercial_supplier }\n' +
    `${s.population ?? 'population: { scope: per_case, vital_status: living }\n'}` +
    `purposes:\n  - ${s.purpose}\ndata:\n  - { id: d1, ${s.item ?? 'categories: [nhs_number, diagnoses_problems]'} }\n` +
    `flows:\n  - { id: f1, from: ${s.from ?? 'surgery'}, to: firm, data: [d1], purposes: [p1] }\n`
  );
}

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  describe('missing', () => {
    it('reports a purpose with no Article 6 basis, at the purpose, as an error', async () => {
      const text = agreement({ purpose: '{ id: p1, category: individual_care }' });
      expect(await lint(text)).toEqual([`missing ${rangeOf(text, '{ id: p1, category: individual_care }')}`]);
      const [f] = await findings(text);
      expect(f?.severity).toBe('error');
      expect(f?.message).toBe(
        'Purpose individual (direct) care ("p1") has no UK GDPR Article 6 lawful basis, but personal data of living patients is shared for it. ' +
          'Record it in lawful_basis.article_6 (for NHS bodies and GP practices usually e_public_task).',
      );
    });

    it('reports at lawful_basis when it has other bases', async () => {
      const text = agreement({ purpose: '{ id: p1, category: individual_care, lawful_basis: { common_law: implied_consent } }' });
      expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
    });

    it('applies to living, living-and-deceased and unstated populations, not to deceased patients only', async () => {
      const purpose = '{ id: p1, category: medical_examiner_scrutiny }';
      expect(await lint(agreement({ purpose, population: 'population: { scope: per_case, vital_status: both }\n' }))).toHaveLength(1);
      expect(await lint(agreement({ purpose, population: '' }))).toHaveLength(1);
      expect(await lint(agreement({ purpose, population: 'population: { scope: per_case, vital_status: deceased }\n' }))).toEqual([]);
    });

    it('only applies where personal data is shared for the purpose', async () => {
      const purpose = '{ id: p1, category: planning_commissioning }';
      expect(await lint(agreement({ purpose, item: 'categories: [appointments_activity], identifiability: aggregate' }))).toEqual([]);
      expect(await lint(agreement({ purpose, item: 'categories: [appointments_activity], identifiability: pseudonymised' }))).toHaveLength(1);
      const noFlow = agreement({ purpose, item: 'categories: [nhs_number], purposes: [p1]' }).replace(/flows:\n.*\n$/, '');
      expect(await lint(noFlow)).toHaveLength(1);
      const nothing = agreement({ purpose }).replace(/flows:\n.*\n$/, '');
      expect(await lint(nothing)).toEqual([]);
    });
  });

  describe('legitimate interests and public authorities', () => {
    it('reports a public-authority owner relying on legitimate interests, with the party as related', async () => {
      const text = agreement({ purpose: '{ id: p1, category: individual_care, owner: surgery, lawful_basis: { article_6: f_legitimate_interests } }' });
      expect(await lint(text)).toEqual([`public-authority ${rangeOf(text, 'f_legitimate_interests')}`]);
      const [f] = await findings(text);
      expect(f?.message).toBe(
        'Purpose individual (direct) care ("p1") relies on Art 6(1)(f) legitimate interests, but Example Surgery is a public authority, which cannot rely on legitimate interests ' +
          'for processing in performance of its tasks. Use the basis for the task, usually e_public_task or c_legal_obligation.',
      );
      expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'gp_practice')]);
    });

    it('uses the disclosing parties when no owner is named', async () => {
      const text = agreement({ purpose: '{ id: p1, category: research, lawful_basis: { article_6: f_legitimate_interests } }' });
      expect(await lint(text)).toEqual([`public-authority ${rangeOf(text, 'f_legitimate_interests')}`]);
      expect(await lint(agreement({ purpose: '{ id: p1, category: research, lawful_basis: { article_6: f_legitimate_interests } }', from: 'firm' }))).toEqual([]);
    });

    it('is quiet for a private owner, or a party declared not to be a public authority', async () => {
      expect(await lint(agreement({ purpose: '{ id: p1, category: research, owner: firm, lawful_basis: { article_6: f_legitimate_interests } }' }))).toEqual([]);
      const declared = agreement({ purpose: '{ id: p1, category: research, owner: surgery, lawful_basis: { article_6: f_legitimate_interests } }' }).replace(
        'org_type: gp_practice }',
        'org_type: gp_practice, public_authority: false }',
      );
      expect(await lint(declared)).toEqual([]);
    });

    it('points at public_authority when the party declares it', async () => {
      const text = agreement({ purpose: '{ id: p1, category: research, owner: firm, lawful_basis: { article_6: f_legitimate_interests } }' }).replace(
        'org_type: commercial_supplier }',
        'org_type: commercial_supplier, public_authority: true }',
      );
      const [f] = await findings(text);
      expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, 'true')]);
    });

    it('treats recognised legitimate interests (ea) like (f) for a public authority', async () => {
      const text = agreement({ top: 'legal_framework: uk_gdpr_post_duaa_2026\n', purpose: '{ id: p1, category: safeguarding, owner: surgery, lawful_basis: { article_6: ea_recognised_legitimate_interest } }' });
      expect(await lint(text)).toEqual([`public-authority ${rangeOf(text, 'ea_recognised_legitimate_interest')}`]);
    });

    it('accepts public task', async () => {
      expect(await lint(agreement({ purpose: '{ id: p1, category: individual_care, owner: surgery, lawful_basis: { article_6: e_public_task } }' }))).toEqual([]);
    });
  });

  describe('Art 6(1)(ea) before 5 February 2026', () => {
    const ea = (top: string) => agreement({ top, purpose: '{ id: p1, category: safeguarding, owner: firm, lawful_basis: { article_6: ea_recognised_legitimate_interest } }' });

    it('reports it for an agreement effective the day before, not on the day or after', async () => {
      const before = ea('dates: { effective_from: 2026-02-04 }\n');
      expect(await lint(before)).toEqual([`ea-before-duaa ${rangeOf(before, 'ea_recognised_legitimate_interest')}`]);
      expect((await findings(before))[0]?.message).toContain('which exists only from 5 February 2026');
      expect(await lint(ea('dates: { effective_from: 2026-02-05 }\n'))).toEqual([]);
      expect(await lint(ea('dates: { effective_from: 2026-02-06 }\n'))).toEqual([]);
    });

    it('reports it under a declared pre-DUAA framework, but not for an agreement with no date or framework', async () => {
      const text = ea('legal_framework: uk_gdpr_pre_duaa\n');
      expect(await lint(text)).toEqual([`ea-before-duaa ${rangeOf(text, 'ea_recognised_legitimate_interest')}`]);
      expect(await lint(ea(''))).toEqual([]);
    });

    it('reports both faults when a public authority also relies on it', async () => {
      const text = agreement({ top: 'legal_framework: uk_gdpr_pre_duaa\n', purpose: '{ id: p1, category: safeguarding, owner: surgery, lawful_basis: { article_6: ea_recognised_legitimate_interest } }' });
      const range = rangeOf(text, 'ea_recognised_legitimate_interest');
      expect((await lint(text)).sort()).toEqual([`ea-before-duaa ${range}`, `public-authority ${range}`]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
