import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'international-transfer-without-mechanism';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const party = (country: string) =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: icb, name: Example ICB, org_type: icb, role: controller }\n' +
  `  - { id: acme, name: Acme Analytics Inc, org_type: commercial_supplier, role: processor, country: ${country} }\n`;

const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  describe('parties outside the UK', () => {
    it('reports a party abroad with no transfer recorded, at its country', async () => {
      const text = party('US');
      expect(await lint(text)).toEqual([`party ${rangeOf(text, 'US')}`]);
    });

    it('treats GB and UK as the United Kingdom', async () => {
      expect(await lint(party('GB'))).toEqual([]);
      expect(await lint(party('UK'))).toEqual([]);
    });

    it('is quiet when a transfer to the party is recorded with a mechanism, with or without a country', async () => {
      expect(await lint(`${party('US')}international_transfers:\n  - { to: acme, country: US, mechanism: idta, reference: TRA-1 }\n`)).toEqual([]);
      expect(await lint(`${party('US')}international_transfers:\n  - { to: acme, mechanism: idta }\n`)).toEqual([]);
    });

    it('still reports a party when the recorded transfer is to another country or another party', async () => {
      const elsewhere = `${party('US')}international_transfers:\n  - { to: acme, country: IN, mechanism: idta }\n`;
      expect(await lint(elsewhere)).toEqual([`party ${rangeOf(elsewhere, 'US')}`]);
      const other = `${party('US')}international_transfers:\n  - { to: icb, country: US, mechanism: idta }\n`;
      expect(await lint(other)).toEqual([`party ${rangeOf(other, 'US')}`]);
    });

    it('says where and how to record the transfer', async () => {
      const outcome = await lintText(party('US'), { rules: [ruleById(RULE)] });
      expect(outcome.findings[0]?.message).toContain('Add an entry with to: acme, country: US and the mechanism');
    });
  });

  describe('sub-processors outside the UK', () => {
    const sub = (transfers = '') =>
      `${party('GB')}processors:\n  - party: acme\n    sub_processors:\n      - { name: Offshore Support Pvt, country: IN, authorised: true }\n${transfers}`;

    it('reports a sub-processor abroad at its country', async () => {
      expect(await lint(sub())).toEqual([`sub-processor ${rangeOf(sub(), 'IN')}`]);
    });

    it('is quiet when the transfer is recorded against the processor that engages it', async () => {
      expect(await lint(sub('international_transfers:\n  - { to: acme, country: IN, mechanism: uk_addendum_eu_sccs }\n'))).toEqual([]);
    });
  });

  describe('flows outside the UK', () => {
    const flow = (transfers = '') => `${party('GB')}flows:\n  - { id: f1, from: icb, to: acme, destination_country: US }\n${transfers}`;

    it('reports a flow to another country at its destination', async () => {
      expect(await lint(flow())).toEqual([`flow ${rangeOf(flow(), 'US')}`]);
    });

    it('reports a flow to a party abroad once, at the party', async () => {
      const text = `${party('US')}flows:\n  - { id: f1, from: icb, to: acme, destination_country: US }\n`;
      expect(await lint(text)).toEqual([`party ${rangeOf(text, 'US')}`]);
      const elsewhere = `${party('US')}flows:\n  - { id: f1, from: icb, to: acme, destination_country: IN }\n`;
      expect(await lint(elsewhere)).toEqual([`party ${rangeOf(elsewhere, 'US')}`, `flow ${rangeOf(elsewhere, 'IN')}`]);
    });

    it('is quiet when the transfer to the recipient is recorded, and for a flow to GB', async () => {
      expect(await lint(flow('international_transfers:\n  - { to: acme, country: US, mechanism: uk_adequacy_regulations }\n'))).toEqual([]);
      expect(await lint(`${party('GB')}flows:\n  - { id: f1, from: icb, to: acme, destination_country: GB }\n`)).toEqual([]);
    });
  });

  describe('transfer entries', () => {
    it('reports an entry with no mechanism at its first line, without also reporting the party', async () => {
      const text = `${party('US')}international_transfers:\n  - to: acme\n    country: US\n`;
      expect(await lint(text)).toEqual([`no-mechanism ${rangeOf(text, 'to: acme')}`]);
    });

    it('reports an exception that is not named, and is quiet once it is', async () => {
      const unnamed = `${party('US')}international_transfers:\n  - { to: acme, country: US, mechanism: exception }\n`;
      expect(await lint(unnamed)).toEqual([`exception-unnamed ${rangeOf(unnamed, 'exception')}`]);
      expect(await lint(`${party('US')}international_transfers:\n  - { to: acme, country: US, mechanism: exception, exception: Art 49(1)(a) explicit consent }\n`)).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
