import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'outdated-law-reference';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const lint = (text: string, markdown = false) => lintWithRule(RULE, text, { markdown });
const legislation = (text: string, head = HEAD) => `${head}purposes:\n  - id: p\n    lawful_basis:\n      legislation: [${text}]\n`;
const messages = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings.map((f) => f.message);

describe(RULE, () => {
  it.each([
    ['Data Protection Act 1998 s29', 'Data Protection Act 1998'],
    ['DPA 1998 Sch 3', 'DPA 1998'],
    ['sensitive personal data', 'sensitive personal data'],
    ['EU GDPR Art 6(1)(e)', 'EU GDPR'],
    ['Regulation (EU) 2016/679', 'Regulation (EU) 2016/679'],
    ['Information Governance Toolkit level 2', 'Information Governance Toolkit'],
    ['Research Governance Framework 2005', 'Research Governance Framework'],
    ['the seven Caldicott principles', 'seven Caldicott principles'],
    ['Caldicott Principles (2013)', 'Caldicott Principles (2013)'],
    ['NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000', 'NHS Trusts and Primary Care Trusts (Sexually Transmitted Diseases) Directions 2000'],
    ['Directive 95/46/EC', 'Directive 95/46/EC'],
    ['NHS Digital DARS approval', 'NHS Digital'],
    ['Public Health England guidance', 'Public Health England'],
    ['North Riverside CCG', 'CCG'],
  ])('reports "%s" at the words', async (cited, words) => {
    const text = legislation(cited);
    expect(await lint(text)).toEqual([`outdated ${rangeOf(text, words)}`]);
  });

  it('names what replaced it', async () => {
    expect(await messages(legislation('Data Protection Act 1998'))).toEqual([
      '"Data Protection Act 1998" is out of date: that Act was repealed on 25 May 2018. Cite the Data Protection Act 2018 and UK GDPR, and check ' +
        'the bases were reassessed under them instead.',
    ]);
  });

  it('reports Art 6(4) only for an agreement under the law as amended on 5 February 2026', async () => {
    const after = legislation('UK GDPR Art 6(4) compatibility assessment', `${HEAD}legal_framework: uk_gdpr_post_duaa_2026\n`);
    expect(await lint(after)).toEqual([`outdated ${rangeOf(after, 'Art 6(4)')}`]);
    expect(await lint(legislation('UK GDPR Art 6(4)', `${HEAD}dates: { effective_from: 2025-06-01 }\n`))).toEqual([]);
  });

  it('does not report the EU GDPR for an agreement that took effect before 2021', async () => {
    expect(await lint(legislation('EU GDPR', `${HEAD}dates: { effective_from: 2019-06-01 }\n`))).toEqual([]);
  });

  it('is quiet on current law, on sentences that record the change, and on the version history', async () => {
    expect(await lint(legislation('Data Protection Act 2018, UK GDPR, the eight Caldicott Principles'))).toEqual([]);
    expect(await lint(legislation('"Data Protection Act 2018, which replaced the Data Protection Act 1998"'))).toEqual([]);
    expect(await lint(`${HEAD}history:\n  - { version: 1.0.0, summary: Written under the Data Protection Act 1998 }\n`)).toEqual([]);
  });

  it('reports a term once, at its first place, listing the others', async () => {
    const text = legislation('DPA 1998 s29, DPA 1998 s35');
    expect(await lint(text)).toEqual([`outdated ${rangeOf(text, 'DPA 1998')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toMatch(/It appears once more\.$/);
    expect(outcome.findings[0]?.related).toHaveLength(1);
  });

  it('reads the prose of a Markdown agreement, and a phrase folded over two lines', async () => {
    const md = `---\n${HEAD}---\n\n# Security\n\nEach party keeps its **IG Toolkit** score at level 2 and follows the Data\nProtection Act 1998.\n`;
    expect(await lint(md, true)).toEqual([`outdated ${rangeOf(md, 'IG Toolkit')}`, `outdated ${rangeOf(md, 'Data\nProtection Act 1998')}`]);
    const folded = `${HEAD}purposes:\n  - id: p\n    description: >-\n      Processed under the Data Protection\n      Act 1998.\n`;
    expect(await lint(folded)).toEqual([`outdated ${rangeOf(folded, 'Data Protection\n      Act 1998')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});

describe(`${RULE}: agreements that have ended`, () => {
  it('asks nothing of an agreement that has expired, been withdrawn or been superseded', async () => {
    for (const extra of ['status: expired\n', 'status: withdrawn\n', 'superseded_by: RIV-ME-2026-014\n']) {
      expect(await lint(legislation('Data Protection Act 1998', `${HEAD}${extra}`))).toEqual([]);
    }
  });
});
