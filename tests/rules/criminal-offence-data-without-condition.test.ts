import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'criminal-offence-data-without-condition';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const lint = (text: string) => lintWithRule(RULE, text);
const agreement = (basis: string, data = 'data:\n  - { id: d, categories: [nhs_number, criminal_offence_data] }\nflows:\n  - { id: f, from: a, to: b, data: [d], purposes: [p] }\n') =>
  `${HEAD}purposes:\n  - { id: p, category: law_enforcement${basis} }\n${data}`;

describe(RULE, () => {
  it('reports a purpose using criminal offence data with no Article 10 basis, at its id or its lawful basis', async () => {
    let text = agreement('');
    expect(await lint(text)).toEqual(['missing 5:11-5:12']);
    text = agreement(', lawful_basis: { article_6: e_public_task }');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, '{ article_6: e_public_task }')}`]);
  });

  it('warns when the basis names no Schedule 1 condition or official authority', async () => {
    const text = agreement(', lawful_basis: { article_10: Article 10 UK GDPR }');
    expect(await lint(text)).toEqual([`no-condition ${rangeOf(text, 'Article 10 UK GDPR')}`]);
  });

  it('accepts a Schedule 1 paragraph or official authority, however written', async () => {
    for (const basis of ['DPA 2018 Schedule 1 Part 2 paragraph 10', 'Sch. 1 para 18', 'Official authority under the Police Act 1996']) {
      expect(await lint(agreement(`, lawful_basis: { article_10: ${basis} }`))).toEqual([]);
    }
  });

  it('finds the data through the item\'s own purposes too', async () => {
    const text = agreement('', 'data:\n  - { id: d, categories: [criminal_offence_data], purposes: [p] }\n');
    expect(await lint(text)).toHaveLength(1);
  });

  it('is quiet for anonymised criminal data, other data, and an agreement about the deceased only', async () => {
    expect(await lint(agreement('', 'data:\n  - { id: d, categories: [criminal_offence_data], identifiability: aggregate, purposes: [p] }\n'))).toEqual([]);
    expect(await lint(agreement('', 'data:\n  - { id: d, categories: [nhs_number, safeguarding], purposes: [p] }\n'))).toEqual([]);
    expect(await lint(agreement('').replace('title: Example\n', 'title: Example\npopulation: { vital_status: deceased }\n'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
