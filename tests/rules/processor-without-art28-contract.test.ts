import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'processor-without-art28-contract';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const ALL_TERMS =
  'documented_instructions, confidentiality, security, sub_processor_conditions, data_subject_rights_assistance, assist_controller_arts32_36, end_of_contract_delete_or_return, audits_information';

const HEAD =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: icb, name: Example ICB, org_type: icb, role: controller }\n' +
  '  - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }\n';

const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a processor with no processors entry, at its role', async () => {
    expect(await lint(HEAD)).toEqual([`no-arrangement ${rangeOf(HEAD, 'processor')}`]);
    expect(rangeOf(HEAD, 'processor')).toBe('6:80-6:89');
  });

  it('reports a sub-processor with no processors entry', async () => {
    const text = HEAD + '  - { id: cloud, name: Cloud Hosting Ltd, org_type: commercial_supplier, role: sub_processor }\n' +
      `processors:\n  - { party: acme, acting_for: [icb], contract: { reference: C-1, terms: [${ALL_TERMS}] } }\n`;
    expect(await lint(text)).toEqual([`no-arrangement ${rangeOf(text, 'sub_processor')}`]);
  });

  it('is quiet for a processor whose contract has a reference and all eight terms', async () => {
    const text = `${HEAD}processors:\n  - party: acme\n    acting_for: [icb]\n    contract:\n      reference: CON-2026-07\n      terms: [${ALL_TERMS}]\n`;
    expect(await lint(text)).toEqual([]);
  });

  it('reports an arrangement with no contract at the first line of the entry', async () => {
    const text = `${HEAD}processors:\n  - party: acme\n    acting_for: [icb]\n`;
    expect(await lint(text)).toEqual([`no-contract ${rangeOf(text, 'party: acme')}`]);
  });

  it('reports a contract with no reference at the contract key', async () => {
    const text = `${HEAD}processors:\n  - party: acme\n    contract:\n      terms: [${ALL_TERMS}]\n`;
    expect(await lint(text)).toEqual([`no-reference ${rangeOf(text, 'contract')}`]);
  });

  it('reports a contract with no terms at the contract key, and one missing some terms at the terms', async () => {
    const none = `${HEAD}processors:\n  - party: acme\n    contract:\n      reference: C-1\n`;
    expect(await lint(none)).toEqual([`missing-terms ${rangeOf(none, 'contract')}`]);
    const some = `${HEAD}processors:\n  - party: acme\n    contract:\n      reference: C-1\n      terms: [documented_instructions, confidentiality]\n`;
    expect(await lint(some)).toEqual([`missing-terms ${rangeOf(some, '[documented_instructions, confidentiality]')}`]);
  });

  it('names the missing terms and how many there are', async () => {
    const text = `${HEAD}processors:\n  - party: acme\n    contract:\n      reference: C-1\n      terms: [documented_instructions, confidentiality, security, sub_processor_conditions, data_subject_rights_assistance, assist_controller_arts32_36]\n`;
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings.map((f) => f.message)).toEqual([
      'The contract with Acme Analytics Ltd does not record 2 of the eight terms UK GDPR Art 28(3) requires: end_of_contract_delete_or_return ' +
        '(deletes or returns data at the end of the contract); audits_information (provides information and allows audits). Check the contract ' +
        'contains them and list them under `terms`, or have the contract amended before data is shared.',
    ]);
    const security = `${HEAD}processors:\n  - party: acme\n    contract: { reference: C-1, terms: [documented_instructions] }\n`;
    const [finding] = (await lintText(security, { rules: [ruleById(RULE)] })).findings;
    expect(finding?.message).toContain('security (Art 32 security measures)');
  });

  it('checks the contract of every arrangement, even for a party not marked as a processor', async () => {
    const text = 'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: csu, name: Example CSU }\nprocessors:\n  - { party: csu, contract: { terms: [' + ALL_TERMS + '] } }\n';
    expect(await lint(text)).toEqual([`no-reference ${rangeOf(text, 'contract')}`]);
  });

  it('leaves controllers alone', async () => {
    expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: icb, name: Example ICB, role: controller }\n  - { id: gp, name: Example Surgery }\n')).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
