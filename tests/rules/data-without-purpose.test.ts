import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'data-without-purpose';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (item: string) => `dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - { id: care, category: individual_care }\ndata:\n${item}`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a missing purposes list and justification at the item, as warnings', async () => {
    const text = agreement('  - id: summary\n    categories: [diagnoses_problems]\n');
    expect(await lint(text)).toEqual([`no-purposes ${rangeOf(text, 'id: summary')}`, `no-justification ${rangeOf(text, 'id: summary')}`]);
    const found = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(found.map((f) => f.message)).toEqual([
      'Data item "summary" does not say which purposes it is needed for. List them (by id) in its purposes, or remove the item if no purpose needs it.',
      'Data item "summary" does not say why it is needed. Explain in its justification why each of its purposes needs this data.',
    ]);
  });

  it('reports an empty purposes list at the list', async () => {
    const text = agreement('  - id: summary\n    purposes: []\n    justification: Needed to confirm the cause of death.\n');
    expect(await lint(text)).toEqual([`no-purposes ${rangeOf(text, '[]')}`]);
  });

  it('reports a missing justification alone', async () => {
    const text = agreement('  - { id: summary, purposes: [care] }\n');
    expect(await lint(text)).toEqual([`no-justification ${rangeOf(text, '{ id: summary, purposes: [care] }')}`]);
  });

  it('is quiet for an item with purposes and a justification', async () => {
    expect(await lint(agreement('  - { id: summary, purposes: [care], justification: The care team needs the problem list. }\n'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
