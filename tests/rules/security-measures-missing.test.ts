import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'security-measures-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const DATA = 'data:\n  - { id: d, categories: [nhs_number, diagnoses_problems] }\n';
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports an agreement with no security section at its first key', async () => {
    expect(await lint(HEAD + DATA)).toEqual(['missing 1:1-1:8']);
  });

  it('reports an empty list of measures at the list, and a section with no measures at its key', async () => {
    let text = `${HEAD}${DATA}security:\n  measures: []\n`;
    expect(await lint(text)).toEqual([`empty ${rangeOf(text, '[]')}`]);
    text = `${HEAD}${DATA}security:\n  notes: We are careful.\n`;
    expect(await lint(text)).toEqual([`empty ${rangeOf(text, 'security')}`]);
  });

  it('is quiet when measures are listed', async () => {
    expect(await lint(`${HEAD}${DATA}security:\n  measures: [mfa]\n`)).toEqual([]);
  });

  it('asks it of an agreement that declares no data yet', async () => {
    expect(await lint(HEAD)).toEqual(['missing 1:1-1:8']);
  });

  it('does not ask it when all the data shared is anonymised or aggregate', async () => {
    const text = `${HEAD}data:\n  - { id: d, categories: [diagnoses_problems], identifiability: aggregate }\n  - { id: e, categories: [ethnicity], identifiability: anonymised }\n`;
    expect(await lint(text)).toEqual([]);
  });

  it('asks it when anonymised data sits beside live access to a system', async () => {
    const text =
      `${HEAD}data:\n  - { id: d, categories: [diagnoses_problems], identifiability: aggregate }\n` +
      'flows:\n  - { id: f, from: a, to: b, access: { mode: live_system_access } }\n';
    expect(await lint(text)).toEqual(['missing 1:1-1:8']);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
