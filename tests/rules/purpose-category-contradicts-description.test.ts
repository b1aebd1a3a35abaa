import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'purpose-category-contradicts-description';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const purpose = (category: string, description: string) => `dsalint: 1\nid: EX-001\ntitle: Example\npurposes:\n  - { id: p, category: ${category}, description: ${description} }\n`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it.each([
    ['individual_care', 'Service planning and commissioning for the ICB.', 'planning'],
    ['individual_care', 'A research study of diabetes outcomes.', 'research'],
    ['research', 'Sharing with the police to detect crime.', 'law enforcement'],
    ['planning_commissioning', 'Developing commercial products with a partner.', 'commercial use'],
  ])('asks a reviewer to look at %s described as %s', async (category, description, named) => {
    const text = purpose(category, description);
    expect(await lint(text)).toEqual([`contradicts ${rangeOf(text, category)}`]);
    const [f] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
    expect(f?.kind).toBe('review');
    expect(f?.message).toContain(`speaks of ${named}.`);
  });

  it('is quiet when the description names the category\'s own kind, names none, or the category has no kind', async () => {
    expect(await lint(purpose('research', 'A research study comparing two treatment pathways.'))).toEqual([]);
    expect(await lint(purpose('individual_care', 'Filing hospital letters into the record.'))).toEqual([]);
    expect(await lint(purpose('safeguarding', 'Answering police enquiries about a child at risk.'))).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
