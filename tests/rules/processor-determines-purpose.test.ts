import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'processor-determines-purpose';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const HEAD =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: icb, name: Example ICB, org_type: icb, role: controller }\n' +
  '  - { id: gp, name: Example Surgery, org_type: gp_practice, role: controller }\n' +
  '  - { id: acme, name: Acme Analytics Ltd, org_type: commercial_supplier, role: processor }\n';
const ACTS_FOR_ICB = 'processors:\n  - { party: acme, acting_for: [icb] }\n';

const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  describe('purpose owners', () => {
    it('reports a purpose owned by a processor, at the owner', async () => {
      const text = `${HEAD}purposes:\n  - { id: analytics, category: commercial, owner: acme }\n${ACTS_FOR_ICB}`;
      expect(await lint(text)).toEqual([`owns-purpose ${rangeOf(text, 'acme', 2)}`]);
    });

    it('is quiet when a controller owns the purpose', async () => {
      expect(await lint(`${HEAD}purposes:\n  - { id: planning, owner: icb }\n${ACTS_FOR_ICB}`)).toEqual([]);
    });
  });

  describe('flows to a processor', () => {
    const purposes = 'purposes:\n  - { id: planning, owner: icb }\n  - { id: care, owner: gp }\n  - { id: unowned }\n';

    it('is quiet for a purpose owned by a controller it acts for', async () => {
      expect(await lint(`${HEAD}${purposes}flows:\n  - { id: f1, from: icb, to: acme, purposes: [planning] }\n${ACTS_FOR_ICB}`)).toEqual([]);
    });

    it('reports a purpose owned by a controller it does not act for, at that purpose', async () => {
      const text = `${HEAD}${purposes}flows:\n  - { id: f1, from: icb, to: acme, purposes: [planning, care] }\n${ACTS_FOR_ICB}`;
      expect(await lint(text)).toEqual([`uninstructed-purpose ${rangeOf(text, 'care', 2)}`]);
    });

    it('takes an unowned purpose to be set by the controller the processor acts for, whoever sends the data', async () => {
      // A practice sending data to the ICB's processor for an unowned purpose is the usual shape, not a processor deciding purposes.
      const fromIcb = `${HEAD}${purposes}flows:\n  - { id: f1, from: icb, to: acme, purposes: [unowned] }\n${ACTS_FOR_ICB}`;
      expect(await lint(fromIcb)).toEqual([]);
      const fromGp = `${HEAD}${purposes}flows:\n  - { id: f1, from: gp, to: acme, purposes: [unowned] }\n${ACTS_FOR_ICB}`;
      expect(await lint(fromGp)).toEqual([]);
    });

    it('names the processor, the purpose and its controllers', async () => {
      const text = `${HEAD}${purposes}flows:\n  - { id: f1, from: icb, to: acme, purposes: [care] }\n${ACTS_FOR_ICB}`;
      const outcome = await lintText(text, { rules: [ruleById(RULE)] });
      expect(outcome.findings.map((f) => f.message)).toEqual([
        'Flow "f1" sends data to Acme Analytics Ltd, a processor, for the purpose "care", which none of the controllers it acts for (Example ICB) ' +
          'has set. A processor may only use data for its controllers\' purposes: add the controller that owns this purpose to its `acting_for`, or ' +
          'remove the purpose from the flow.',
      ]);
    });

    it('does not judge flows to a processor whose controllers are not recorded', async () => {
      const text = `${HEAD}${purposes}flows:\n  - { id: f1, from: gp, to: acme, purposes: [care] }\n`;
      expect(await lint(text)).toEqual([]);
    });
  });

  describe('arrangements without controllers', () => {
    it('reports a missing acting_for at the first line of the entry, and an empty one at its value', async () => {
      const missing = `${HEAD}processors:\n  - party: acme\n`;
      expect(await lint(missing)).toEqual([`no-controllers ${rangeOf(missing, 'party: acme')}`]);
      const empty = `${HEAD}processors:\n  - { party: acme, acting_for: [] }\n`;
      expect(await lint(empty)).toEqual([`no-controllers ${rangeOf(empty, '[]')}`]);
    });
  });

  describe('retention', () => {
    const retention = (controller: string, processor: string, extra = '') =>
      `${HEAD}retention:\n  - { party: icb, data: [d1], period: ${controller} }\n  - { party: acme, data: [d1], period: ${processor} }\n${extra}${ACTS_FOR_ICB}`;

    it('reports a processor keeping data longer than its controller, with the controller\'s period as related', async () => {
      const text = retention('P1Y', 'P8Y');
      expect(await lint(text)).toEqual([`longer-retention ${rangeOf(text, 'P8Y')}`]);
      const outcome = await lintText(text, { rules: [ruleById(RULE)] });
      expect(outcome.findings[0]?.message).toContain('keeps this data for 8 years, longer than Example ICB keeps it (1 year)');
      expect(outcome.findings[0]?.related.map((r) => r.message)).toEqual(['Example ICB keeps the same data for 1 year.']);
    });

    it('compares periods written in different units', async () => {
      expect(await lint(retention('P1Y', 'P18M'))).toEqual([`longer-retention ${rangeOf(retention('P1Y', 'P18M'), 'P18M')}`]);
      expect(await lint(retention('P18M', 'P1Y'))).toEqual([]);
      expect(await lint(retention('P12M', 'P1Y'))).toEqual([]);
    });

    it('is quiet for equal periods, and for a shorter one', async () => {
      expect(await lint(retention('P8Y', 'P8Y'))).toEqual([]);
      expect(await lint(retention('P8Y', 'P1Y'))).toEqual([]);
    });

    it('treats indefinite as longer than any period', async () => {
      const text = retention('P8Y', 'indefinite');
      expect(await lint(text)).toEqual([`longer-retention ${rangeOf(text, 'indefinite')}`]);
      expect(await lint(retention('indefinite', 'P20Y'))).toEqual([]);
    });

    it('compares only entries for the same data, or entries naming no data', async () => {
      const other = `${HEAD}retention:\n  - { party: icb, data: [d1], period: P1Y }\n  - { party: acme, data: [d2], period: P8Y }\n${ACTS_FOR_ICB}`;
      expect(await lint(other)).toEqual([]);
      const all = `${HEAD}retention:\n  - { party: icb, period: P1Y }\n  - { party: acme, data: [d2], period: P8Y }\n${ACTS_FOR_ICB}`;
      expect(await lint(all)).toEqual([`longer-retention ${rangeOf(all, 'P8Y')}`]);
    });

    it('compares with the longest period among the controllers it acts for, and ignores other controllers', async () => {
      const two = `${HEAD}retention:\n  - { party: icb, period: P1Y }\n  - { party: gp, period: P10Y }\n  - { party: acme, period: P8Y }\nprocessors:\n  - { party: acme, acting_for: [icb, gp] }\n`;
      expect(await lint(two)).toEqual([]);
      const notItsController = `${HEAD}retention:\n  - { party: icb, period: P1Y }\n  - { party: gp, period: P10Y }\n  - { party: acme, period: P8Y }\n${ACTS_FOR_ICB}`;
      expect(await lint(notItsController)).toEqual([`longer-retention ${rangeOf(notItsController, 'P8Y')}`]);
    });
  });

  describe('sub-processors', () => {
    it('reports a sub-processor not authorised, or with no authorisation recorded', async () => {
      const refused = `${HEAD}processors:\n  - party: acme\n    acting_for: [icb]\n    sub_processors:\n      - { name: Cloud Hosting Ltd, authorised: false }\n`;
      expect(await lint(refused)).toEqual([`unauthorised-sub-processor ${rangeOf(refused, 'false')}`]);
      const unstated = `${HEAD}processors:\n  - party: acme\n    acting_for: [icb]\n    sub_processors:\n      - name: Cloud Hosting Ltd\n`;
      expect(await lint(unstated)).toEqual([`unauthorised-sub-processor ${rangeOf(unstated, 'name: Cloud Hosting Ltd')}`]);
    });

    it('is quiet for an authorised sub-processor', async () => {
      expect(await lint(`${HEAD}processors:\n  - party: acme\n    acting_for: [icb]\n    sub_processors:\n      - { name: Cloud Hosting Ltd, authorised: true }\n`)).toEqual([]);
    });
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
