import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'agreement-not-final';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\nversion: 1.0.0\n';
const PARTIES = 'parties:\n  - { id: gp, name: Riverside Surgery }\n';
const lint = (text: string, markdown = false) => lintWithRule(RULE, text, { markdown });
const signed = (status: string, from: string, date: string, version = '1.0.0') =>
  `${HEAD}status: ${status}\ndates: { effective_from: ${from} }\n${PARTIES}approvals:\n  - { party: gp, role: caldicott_guardian, date: ${date}, version: ${version} }\n`;

describe(RULE, () => {
  describe('draft in force', () => {
    it('reports a signed draft that took effect in the past, at its status', async () => {
      const text = signed('draft', '2026-04-01', '2026-03-20');
      expect(await lint(text)).toEqual([`draft-in-force ${rangeOf(text, 'draft')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('took effect on 1 April 2026 and Riverside Surgery signed it');
      expect(finding?.severity).toBe('error');
    });

    it('counts only signatures of a party that discloses data, when flows say who does', async () => {
      const flows = 'flows:\n  - { id: f, from: la, to: gp }\n';
      expect(await lint(signed('draft', '2026-04-01', '2026-03-20') + flows)).toEqual([]);
      const text = signed('draft', '2026-04-01', '2026-03-20') + 'flows:\n  - { id: f, from: gp, to: la }\n';
      expect(await lint(text)).toEqual([`draft-in-force ${rangeOf(text, 'draft')}`]);
    });

    it('is quiet for a draft that takes effect later, or nobody has signed', async () => {
      expect(await lint(signed('draft', '2027-04-01', '2026-03-20'))).toEqual([]);
      expect(await lint(`${HEAD}status: draft\ndates: { effective_from: 2026-04-01 }\n`)).toEqual([]);
    });
  });

  describe('approved after sharing started', () => {
    it('warns at an approval of the current version dated after the effective date', async () => {
      const text = signed('active', '2026-04-01', '2026-05-10');
      expect(await lint(text)).toEqual([`approved-after-start ${rangeOf(text, '2026-05-10')}`]);
    });

    it('is quiet for approvals before the effective date, of an earlier version, or before it started', async () => {
      expect(await lint(signed('active', '2026-04-01', '2026-04-01'))).toEqual([]);
      expect(await lint(signed('active', '2026-04-01', '2026-05-10', '0.9.0'))).toEqual([]);
      expect(await lint(signed('active', '2026-12-01', '2026-12-10'))).toEqual([]);
    });
  });

  it('warns of a missing version at the first key', async () => {
    expect(await lint('dsalint: 1\nid: EX-001\ntitle: Example\n')).toEqual(['no-version 1:1-1:8']);
  });

  describe('template text', () => {
    it('reports placeholders in an agreement that is not a draft, once, listing the others', async () => {
      const text = `${HEAD}status: active\nparties:\n  - { id: gp, name: "[Insert practice name]", ods_code: XXXX }\n  - { id: la, name: Council <<LA NAME>> }\n`;
      expect(await lint(text)).toEqual([`template ${rangeOf(text, '[Insert practice name]')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)] })).findings;
      expect(finding?.message).toContain('is marked active but still contains template text ("[Insert practice name]") and 2 more placeholders.');
      expect(finding?.related).toHaveLength(2);
    });

    it('leaves placeholders in a draft alone, and does not mistake ordinary text for them', async () => {
      expect(await lint(`${HEAD}status: draft\nparties:\n  - { id: gp, name: "[Insert practice name]" }\n`)).toEqual([]);
      expect(await lint(`${HEAD}status: active\nparties:\n  - { id: gp, name: Riverside Surgery, ods_code: RXX01 }\n`)).toEqual([]);
    });

    it('finds them in Markdown prose', async () => {
      const md = `---\n${HEAD}status: active\n---\n\nSigned on behalf of [Organisation name] by TBC.\n`;
      expect(await lint(md, true)).toEqual([`template ${rangeOf(md, '[Organisation name]')}`]);
    });
  });

  it('asks a reviewer to look at wording that says the agreement binds no one', async () => {
    const md = `---\n${HEAD}---\n\nThis agreement is not legally binding on the parties.\n`;
    expect(await lint(md, true)).toEqual([`non-binding ${rangeOf(md, 'is not legally binding')}`]);
    const [finding] = (await lintText(md, { rules: [ruleById(RULE)], markdown: true })).findings;
    expect(finding?.kind).toBe('review');
  });

  it('reports contractors only encouraged to comply, and accepts a binding duty', async () => {
    const md = `---\n${HEAD}---\n\nContractors and suppliers are encouraged to comply with this agreement.\n\nProcessors must comply with this agreement under their Article 28 contract.\n`;
    expect(await lint(md, true)).toEqual([`encouraged-only ${rangeOf(md, 'Contractors and suppliers are encouraged to comply')}`]);
  });

  it('reports a party marked as a blank to fill in, and a document that says it binds no one', async () => {
    const text = `${HEAD}status: active\nparties:\n  - { id: gp, name: Practice name, placeholder: true }\n`;
    expect(await lint(text)).toEqual([`template ${rangeOf(text, 'Practice name')}`]);
    const policy = `${HEAD}binding: false\n`;
    expect(await lint(policy)).toEqual([`not-binding ${rangeOf(policy, 'false')}`]);
  });

  it('asks nothing of a published template', async () => {
    expect(await lint(`dsalint: 1\nid: EX-001\ntitle: Example\nkind: template\nparties:\n  - { id: gp, name: "[Practice name]", placeholder: true }\n`)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
