import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
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

  it('is quiet when measures are listed, training and an audit route among them', async () => {
    expect(await lint(`${HEAD}${DATA}security:\n  measures: [mfa, staff_training, audit_logging]\n`)).toEqual([]);
    expect(await lint(`${HEAD}${DATA}security:\n  measures: [staff_training, access_review]\n`)).toEqual([]);
  });

  it('asks for training and an audit route for identifiable health data, naming the recipients', async () => {
    const parties = 'parties:\n  - { id: gp, name: Example Surgery }\n  - { id: la, name: Example Council }\n';
    const flow = 'flows:\n  - { id: f, from: gp, to: la, data: [d] }\n';
    const text = `${HEAD}${parties}${DATA}${flow}security:\n  measures: [penetration_testing, encryption_in_transit]\n`;
    expect(await lint(text)).toEqual([`health-baseline ${rangeOf(text, '[penetration_testing, encryption_in_transit]')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'Identifiable health data is shared with Example Council, but the security measures do not include staff data protection training or a way ' +
        'to audit who accessed the data. Ask each recipient to confirm its staff are trained in data protection for their role and every access is ' +
        'logged and reviewed so unlawful access is found, then list staff_training and audit_logging under `measures`; another measure does not stand in for these.',
    );
    expect(outcome.findings[0]?.severity).toBe('warning');
    const trained = `${HEAD}${DATA}security:\n  measures: [staff_training]\n`;
    expect(await lint(trained)).toEqual([`health-baseline ${rangeOf(trained, '[staff_training]')}`]);
  });

  it('does not ask the baseline for data with no health information', async () => {
    expect(await lint(`${HEAD}data:\n  - { id: d, categories: [name, contact_details] }\nsecurity:\n  measures: [mfa]\n`)).toEqual([]);
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
