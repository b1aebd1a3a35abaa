import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'party-identity-unclear';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n';
const lint = (text: string) => lintWithRule(RULE, text);
const parties = (...lines: string[]) => HEAD + lines.map((l) => `  - { ${l} }\n`).join('');

describe(RULE, () => {
  it.each(['Provider', 'The Practice', 'Housing (local authority)', 'Medical Examiner Office', 'Partner organisations', 'NHS Trust'])('reports "%s" as a name by type only', async (name) => {
    const text = parties('id: a, name: Riverside Surgery', `id: b, name: "${name}"`);
    expect(await lint(text)).toEqual([`generic-name ${rangeOf(text, `"${name}"`)}`]);
  });

  it.each(['Riverside Surgery', 'Medical Examiner Office, Riverside Hospitals NHS Foundation Trust', 'NHS England', 'Acme Health Insights Ltd'])('accepts "%s"', async (name) => {
    expect(await lint(parties(`id: a, name: "${name}"`))).toEqual([]);
  });

  it('reports a council department listed beside its council', async () => {
    const text = parties('id: la, name: Riverside Borough Council', 'id: csc, name: Riverside Children\'s Services, org_type: local_authority_childrens_services');
    expect(await lint(text)).toEqual([`department ${rangeOf(text, 'Riverside Children\'s Services')}`]);
  });

  it('does not take another organisation in the same place for a department', async () => {
    expect(await lint(parties('id: la, name: Riverside Borough Council', 'id: me, name: Riverside Medical Examiner Service, org_type: medical_examiner_office'))).toEqual([]);
    expect(await lint(parties('id: la, name: Riverside Borough Council', 'id: asc, name: Northtown Adult Social Care, org_type: local_authority_adult_social_care'))).toEqual([]);
  });

  it('reports the same organisation twice, by ODS code or by name', async () => {
    let text = parties('id: a, name: Riverside Surgery, ods_code: Y01234', 'id: b, name: The Riverside Practice, ods_code: Y01234');
    expect(await lint(text)).toEqual([`same-organisation ${rangeOf(text, 'Y01234', 2)}`]);
    text = parties('id: a, name: Riverside Hospitals NHS Foundation Trust', 'id: b, name: Riverside Hospitals');
    expect(await lint(text)).toEqual([`same-organisation ${rangeOf(text, 'Riverside Hospitals', 2)}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});

describe(`${RULE}: groups, blanks and legal names`, () => {
  it('does not ask a name of a blank in a template or a group described by its members', async () => {
    expect(await lint(parties('id: a, name: "[Practice]", placeholder: true'))).toEqual([]);
    expect(await lint(parties('id: a, name: Member practices, group: { description: Every member practice of Riverside PCN }'))).toEqual([]);
  });

  it('accepts a generic everyday name with a specific legal name, and matches duplicates by legal name', async () => {
    expect(await lint(parties('id: a, name: The Practice, legal_name: Riverside Medical Partnership'))).toEqual([]);
    const text = parties('id: a, name: Riverside Surgery, legal_name: Riverside Medical Partnership', 'id: b, name: Riverside Medical Partnership');
    expect(await lint(text)).toEqual([`same-organisation ${rangeOf(text, 'Riverside Medical Partnership', 2)}`]);
  });
});
