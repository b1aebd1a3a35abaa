import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'secondary-use-on-direct-care-basis';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (category: string | undefined, basis: string) =>
  `dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - id: p1\n${category ? `    category: ${category}\n` : ''}    lawful_basis:\n${basis}`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports implied consent for a purpose beyond care, at the basis, as an error', async () => {
    const text = agreement('safeguarding_review', '      common_law: implied_consent\n');
    expect(await lint(text)).toEqual([`implied-consent ${rangeOf(text, 'implied_consent')}`]);
    const [f] = await findings(text);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('Purpose safeguarding review (SAR, child safeguarding practice review, DHR) ("p1") is not individual care, but relies on implied consent.');
  });

  it('treats mixed and safeguarding purposes as beyond care', async () => {
    for (const category of ['population_health_management', 'safeguarding', 'research', 'medical_examiner_scrutiny']) {
      const text = agreement(category, '      common_law: implied_consent\n');
      expect(await lint(text)).toEqual([`implied-consent ${rangeOf(text, 'implied_consent')}`]);
    }
  });

  it('is quiet for implied consent for direct care, and for purposes with no category (vague-purpose asks for one)', async () => {
    expect(await lint(agreement('individual_care', '      common_law: implied_consent\n'))).toEqual([]);
    expect(await lint(agreement('clinical_audit_local', '      common_law: implied_consent\n'))).toEqual([]);
    expect(await lint(agreement(undefined, '      common_law: implied_consent\n'))).toEqual([]);
  });

  it('reports the s251B duty to share cited in the legislation, at that entry, however it is written', async () => {
    for (const citation of ['Health and Social Care Act 2012 s251B', 'HSCA 2012 section 251B', 'HSCA 2012 s.251 B', 'the duty to share']) {
      const text = agreement('planning_commissioning', `      common_law: s251_support\n      legislation: [NHS Act 2006 s251, ${citation}]\n`);
      expect(await lint(text)).toEqual([`duty-to-share ${rangeOf(text, citation)}`]);
      expect((await findings(text))[0]?.message).toContain(`cites the duty to share ("${citation}")`);
    }
  });

  it('does not mistake section 251 support for the s251B duty', async () => {
    expect(await lint(agreement('research', '      common_law: s251_support\n      legislation: [NHS Act 2006 s251, COPI Regulations 2002 reg 5]\n'))).toEqual([]);
  });

  it('reports the duty to share in the explanation when the legislation does not cite it', async () => {
    const text = agreement('service_evaluation', '      common_law: legal_requirement\n      explanation: We rely on the duty to share in the 2015 Act.\n');
    expect(await lint(text)).toEqual([`duty-to-share ${rangeOf(text, 'We rely on the duty to share in the 2015 Act.')}`]);
  });

  it('reports both faults on one purpose', async () => {
    const text = agreement('planning_commissioning', '      common_law: implied_consent\n      legislation: [HSCA 2012 s251B]\n');
    expect(await lint(text)).toEqual([`implied-consent ${rangeOf(text, 'implied_consent')}`, `duty-to-share ${rangeOf(text, 'HSCA 2012 s251B')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
