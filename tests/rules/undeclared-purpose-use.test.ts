import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatRange, lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'undeclared-purpose-use';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (itemPurposes: string, flow: string) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery }\n  - { id: icb, name: Example ICB }\n' +
  'purposes:\n  - { id: care, category: individual_care }\n  - { id: planning, category: planning_commissioning }\n  - { id: audit, category: national_clinical_audit }\n' +
  `data:\n  - { id: record, categories: [diagnoses_problems]${itemPurposes} }\n  - { id: other, categories: [medications], purposes: [care, planning] }\n` +
  `flows:\n  - ${flow}\n`;

const lint = (text: string) => lintWithRule(RULE, text);
const findings = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings;

describe(RULE, () => {
  it('reports a data item sent for a purpose it does not list, at the data reference, naming every extra purpose', async () => {
    const text = agreement(', purposes: [care]', '{ id: f1, from: surgery, to: icb, data: [other, record], purposes: [care, planning, audit] }');
    expect(await lint(text)).toEqual([`creep ${rangeOf(text, 'other', 2)}`, `creep ${rangeOf(text, 'record', 2)}`]);
    const [g, f] = await findings(text);
    expect(g?.message).toContain('Flow "f1" sends data item "other" for national clinical audit ("audit"), but "other" is declared only for "care" and "planning".');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'Flow "f1" sends data item "record" for planning and commissioning ("planning") and national clinical audit ("audit"), but "record" is declared only for "care". ' +
        'Add the purpose to the item\'s purposes and justification if the item is really needed for it, or stop sending "record" for it.',
    );
    expect(f?.related.map((r) => formatRange(r.range))).toEqual([rangeOf(text, '[care]')]);
  });

  it('reports one finding per data item, and none for items that list every flow purpose', async () => {
    const text = agreement(', purposes: [care]', '{ id: f1, from: surgery, to: icb, data: [record, other], purposes: [care, planning] }');
    expect(await lint(text)).toEqual([`creep ${rangeOf(text, 'record', 2)}`]);
  });

  it('reports a flow with no purposes, or an empty list', async () => {
    const missing = agreement(', purposes: [care]', '{ id: f1, from: surgery, to: icb, data: [record] }');
    expect(await lint(missing)).toEqual([`no-purpose ${rangeOf(missing, '{ id: f1, from: surgery, to: icb, data: [record] }')}`]);
    const empty = agreement(', purposes: [care]', '{ id: f1, from: surgery, to: icb, data: [record], purposes: [] }');
    expect(await lint(empty)).toEqual([`no-purpose ${rangeOf(empty, '[]')}`]);
  });

  it('leaves items with no purposes to data-without-purpose, and unknown purpose ids to reference-unresolved', async () => {
    expect(await lint(agreement('', '{ id: f1, from: surgery, to: icb, data: [record], purposes: [planning] }'))).toEqual([]);
    expect(await lint(agreement(', purposes: [care]', '{ id: f1, from: surgery, to: icb, data: [record], purposes: [care, nonsense] }'))).toEqual([]);
  });

  it('is quiet when every item lists the flow purposes', async () => {
    expect(await lint(agreement(', purposes: [care, planning]', '{ id: f1, from: surgery, to: icb, data: [record, other], purposes: [planning] }'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
