import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'joint-controller-arrangement-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const PARTIES =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: icb, name: Example ICB, role: joint_controller }\n' +
  '  - { id: council, name: Example Council, role: joint_controller }\n';
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports two joint controllers with no arrangement, naming them and pointing at each', async () => {
    expect(await lint(PARTIES)).toEqual(['missing 1:1-1:8']);
    const outcome = await lintText(PARTIES, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toMatch(/^Example ICB and Example Council are joint controllers/);
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['parties[0].role', 'parties[1].role']);
  });

  it('names three joint controllers in a list', async () => {
    const text = PARTIES + '  - { id: trust, name: Example Trust, role: joint_controller }\n';
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toMatch(/^Example ICB, Example Council and Example Trust are joint controllers/);
  });

  it('does not ask it with fewer than two joint controllers', async () => {
    expect(await lint(PARTIES.replace('role: joint_controller }\n  - { id: council', 'role: controller }\n  - { id: council'))).toEqual([]);
  });

  it('reports an arrangement missing both Art 26 responsibilities, at the list', async () => {
    const text = `${PARTIES}joint_controller_arrangement:\n  responsibilities: [security, dpia]\n  essence_published: true\n`;
    expect(await lint(text)).toEqual([`responsibilities-missing ${rangeOf(text, '[security, dpia]')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'The joint controller arrangement does not allocate handling data subjects\' rights requests and giving privacy information (Arts 13 and 14), ' +
        'which UK GDPR Art 26 requires. Add rights_requests and privacy_information to `responsibilities`.',
    );
  });

  it('reports a missing rights_requests responsibility', async () => {
    const text = `${PARTIES}joint_controller_arrangement:\n  responsibilities: [privacy_information]\n  essence_published: true\n`;
    expect(await lint(text)).toEqual([`responsibilities-missing ${rangeOf(text, '[privacy_information]')}`]);
  });

  it('reports no responsibilities and an unpublished essence at the arrangement key (ordered by message)', async () => {
    const text = `${PARTIES}joint_controller_arrangement:\n  reference: JCA-1\n`;
    const key = rangeOf(text, 'joint_controller_arrangement');
    expect(await lint(text)).toEqual([`essence-not-published ${key}`, `responsibilities-missing ${key}`]);
  });

  it('reports essence_published false at the value', async () => {
    const text = `${PARTIES}joint_controller_arrangement:\n  responsibilities: [rights_requests, privacy_information]\n  essence_published: false\n`;
    expect(await lint(text)).toEqual([`essence-not-published ${rangeOf(text, 'false')}`]);
  });

  it('is quiet with a complete, published arrangement', async () => {
    expect(await lint(`${PARTIES}joint_controller_arrangement:\n  responsibilities: [rights_requests, privacy_information]\n  essence_published: true\n`)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
