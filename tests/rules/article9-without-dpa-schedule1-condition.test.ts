import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'article9-without-dpa-schedule1-condition';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const lint = (text: string) => lintWithRule(RULE, text);

interface Shape {
  art9?: string;
  sch1?: string;
  owner?: string | null;
  surgeryApd?: boolean;
  teamApd?: boolean;
  vital?: string;
  flows?: string;
}
const agreement = (s: Shape = {}) => {
  const basis = [`article_6: e_public_task`, ...(s.art9 ? [`article_9: ${s.art9}`] : []), ...(s.sch1 ? [`dpa_schedule_1: ${s.sch1}`] : [])].join(', ');
  const owner = s.owner === null ? '' : `    owner: ${s.owner ?? 'surgery'}\n`;
  return (
    'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
    `  - { id: surgery, name: Example Surgery, org_type: gp_practice${s.surgeryApd ? ', appropriate_policy_document: APD-1' : ''} }\n` +
    `  - { id: team, name: Example Safeguarding Team, org_type: safeguarding_team${s.teamApd ? ', appropriate_policy_document: APD-2' : ''} }\n` +
    `purposes:\n  - id: use\n    category: safeguarding\n${owner}    lawful_basis: { ${basis} }\n` +
    (s.vital ? `population: { scope: per_case, vital_status: ${s.vital} }\n` : '') +
    (s.flows ?? '')
  );
};

describe(RULE, () => {
  describe('missing Schedule 1 condition', () => {
    it.each(['b_employment_social_protection', 'g_substantial_public_interest', 'h_health_or_social_care', 'i_public_health', 'j_archiving_research_statistics'])(
      'reports %s with no Schedule 1 condition at the lawful_basis key',
      async (art9) => {
        const text = agreement({ art9 });
        expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'lawful_basis')}`]);
      },
    );

    it.each(['a_explicit_consent', 'c_vital_interests', 'd_not_for_profit', 'e_made_public', 'f_legal_claims'])('does not ask %s for one', async (art9) => {
      expect(await lint(agreement({ art9 }))).toEqual([]);
    });

    it('lists the Schedule 1 conditions that would complete it, with the Article 9 condition as related', async () => {
      const text = agreement({ art9: 'h_health_or_social_care' });
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('Art 9(2)(h) health or social care');
      expect(finding?.message).toContain('part1_para2 for Part 1 para 2 (health or social care purposes)');
      expect(finding?.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)).toEqual([rangeOf(text, 'h_health_or_social_care').split('-')[0]]);
    });
  });

  describe('mismatch', () => {
    it('reports a Schedule 1 condition that cannot complete the Article 9 condition, at the Schedule 1 value', async () => {
      const text = agreement({ art9: 'h_health_or_social_care', sch1: 'part2_para18', surgeryApd: true });
      expect(await lint(text)).toEqual([`mismatch ${rangeOf(text, 'part2_para18')}`]);
    });

    it.each([
      ['b_employment_social_protection', 'part1_para1'],
      ['h_health_or_social_care', 'part1_para2'],
      ['i_public_health', 'part1_para3'],
      ['j_archiving_research_statistics', 'part1_para4'],
      ['g_substantial_public_interest', 'part2_para18'],
      ['g_substantial_public_interest', 'part2_para10'],
    ])('accepts %s with %s', async (art9, sch1) => {
      expect(await lint(agreement({ art9, sch1, surgeryApd: true }))).toEqual([]);
    });

    it('does not judge a Schedule 1 condition given with a condition that needs none', async () => {
      expect(await lint(agreement({ art9: 'a_explicit_consent', sch1: 'part1_para2' }))).toEqual([]);
    });
  });

  describe('appropriate policy document', () => {
    it('warns at the owner party when a Part 2 condition has no policy document, with careful wording', async () => {
      const text = agreement({ art9: 'g_substantial_public_interest', sch1: 'part2_para18' });
      expect(await lint(text)).toEqual([`no-policy-document-part2 ${rangeOf(text, '{ id: surgery, name: Example Surgery, org_type: gp_practice }')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toContain('check whether this condition is an exception');
    });

    it('warns plainly for Part 1 para 1, whose own text requires a policy document', async () => {
      const text = agreement({ art9: 'b_employment_social_protection', sch1: 'part1_para1' });
      expect(await lint(text)).toEqual([`no-policy-document ${rangeOf(text, '{ id: surgery, name: Example Surgery, org_type: gp_practice }')}`]);
    });

    it('does not ask for one for the health, public health or research conditions', async () => {
      expect(await lint(agreement({ art9: 'h_health_or_social_care', sch1: 'part1_para2' }))).toEqual([]);
      expect(await lint(agreement({ art9: 'i_public_health', sch1: 'part1_para3' }))).toEqual([]);
    });

    it('asks the disclosing parties when the purpose has no owner, once per party', async () => {
      const flows =
        'flows:\n  - { id: f1, from: team, to: surgery, purposes: [use] }\n  - { id: f2, from: team, to: surgery, purposes: [use] }\n' +
        '  - { id: f3, from: surgery, to: team, purposes: [use] }\n';
      const text = agreement({ art9: 'g_substantial_public_interest', sch1: 'part2_para18', owner: null, flows });
      expect(await lint(text)).toEqual([
        `no-policy-document-part2 ${rangeOf(text, '{ id: surgery, name: Example Surgery, org_type: gp_practice }')}`,
        `no-policy-document-part2 ${rangeOf(text, '{ id: team, name: Example Safeguarding Team, org_type: safeguarding_team }')}`,
      ]);
      expect(await lint(agreement({ art9: 'g_substantial_public_interest', sch1: 'part2_para18', owner: null, flows, surgeryApd: true, teamApd: true }))).toEqual([]);
    });

    it('asks nobody when there is no owner and no flow', async () => {
      expect(await lint(agreement({ art9: 'g_substantial_public_interest', sch1: 'part2_para18', owner: null }))).toEqual([]);
    });

    it('does not ask an undeclared owner', async () => {
      expect(await lint(agreement({ art9: 'g_substantial_public_interest', sch1: 'part2_para18', owner: 'nobody' }))).toEqual([]);
    });
  });

  it('is quiet when every patient has died (UK GDPR does not apply), but not for both', async () => {
    expect(await lint(agreement({ art9: 'h_health_or_social_care', vital: 'deceased' }))).toEqual([]);
    expect(await lint(agreement({ art9: 'h_health_or_social_care', vital: 'both' }))).toHaveLength(1);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
