import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'onward-sharing-uncontrolled';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const lint = (text: string) => lintWithRule(RULE, text);
const messages = async (text: string) => (await lintText(text, { rules: [ruleById(RULE)] })).findings.map((f) => f.message);

describe(RULE, () => {
  it('reports onward sharing or sublicensing with no recipients named, at the section', async () => {
    for (const [section, what] of [
      ['{ allowed: true }', 'share the data onward'],
      ['{ sublicensing: true }', 'sublicense the data'],
      ['{ allowed: true, sublicensing: true, to: [] }', 'share the data onward and sublicense it'],
    ]) {
      const text = `${HEAD}onward_sharing: ${section}\n`;
      expect(await lint(text)).toEqual([`unnamed-recipients ${rangeOf(text, section!)}`]);
      expect((await messages(text))[0]).toContain(`lets recipients ${what} but does not say to whom`);
    }
  });

  it('is quiet when recipients are named or onward sharing is not allowed', async () => {
    expect(await lint(`${HEAD}onward_sharing: { allowed: true, to: [Riverside Hospice] }\n`)).toEqual([]);
    expect(await lint(`${HEAD}onward_sharing: { allowed: false }\n`)).toEqual([]);
  });

  it('asks for both consent and a privacy notice for commercial use', async () => {
    const notice = 'transparency:\n  privacy_notices:\n    - { party: gp, url: "https://example.nhs.uk/privacy" }\n';
    let text = `${HEAD}commercial_use: { allowed: true }\n`;
    expect(await lint(text)).toEqual([`commercial-without-consent-and-notice ${rangeOf(text, '{ allowed: true }')}`]);
    expect((await messages(text))[0]).toContain('but no consent is recorded and no privacy notice tells patients.');
    text = `${HEAD}commercial_use: { allowed: true }\n${notice}`;
    expect((await messages(text))[0]).toContain('but no consent is recorded.');
    expect(await lint(`${HEAD}commercial_use: { allowed: true, consent: Opt-in form }\n${notice}`)).toEqual([]);
    expect(await lint(`${HEAD}commercial_use: { allowed: false }\n`)).toEqual([]);
  });

  it('asks nothing of an agreement that shares only anonymised data', async () => {
    expect(await lint(`${HEAD}data:\n  - { id: d, categories: [diagnoses_problems], identifiability: aggregate }\nonward_sharing: { allowed: true }\n`)).toEqual([]);
  });

  it('is not fooled by an "anonymised" label on data with direct identifiers', async () => {
    const text = `${HEAD}data:\n  - { id: d, categories: [nhs_number, diagnoses_problems], identifiability: anonymised }\nonward_sharing: { allowed: true }\n`;
    expect(await lint(text)).toEqual([`unnamed-recipients ${rangeOf(text, '{ allowed: true }')}`]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
