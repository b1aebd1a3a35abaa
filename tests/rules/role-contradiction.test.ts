import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintWithRule } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'role-contradiction';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD = 'dsalint: 1\nid: EX-001\ntitle: Example\n';
const lint = (text: string, markdown = false) => lintWithRule(RULE, text, { markdown });

describe(RULE, () => {
  it('reports a controller or joint controller with a processor arrangement, at the arrangement', async () => {
    for (const role of ['controller', 'joint_controller']) {
      const text = `${HEAD}parties:\n  - { id: icb, name: ICB, role: ${role} }\n  - { id: csu, name: CSU, role: ${role} }\nprocessors:\n  - { party: csu, acting_for: [icb] }\n`;
      expect(await lint(text)).toEqual([`controller-and-processor ${rangeOf(text, 'csu', 2)}`]);
    }
  });

  it('reports a care provider cast as the processor of the organisation it sends its patients\' records to', async () => {
    const text =
      `${HEAD}parties:\n  - { id: gp, name: Riverside Surgery, org_type: gp_practice, role: processor }\n  - { id: clinic, name: Eye Clinic Ltd, org_type: independent_health_provider }\n` +
      'data:\n  - { id: referral, categories: [nhs_number, diagnoses_problems] }\n' +
      'flows:\n  - { id: refer, from: gp, to: clinic, data: [referral] }\nprocessors:\n  - { party: gp, acting_for: [clinic] }\n';
    expect(await lint(text)).toEqual([`referrer-as-processor ${rangeOf(text, 'processor')}`]);
    // A commercial processor returning results to its controller is the normal shape.
    expect(await lint(text.replace('org_type: gp_practice', 'org_type: commercial_supplier'))).toEqual([]);
  });

  it('warns of a single joint controller', async () => {
    const text = `${HEAD}parties:\n  - { id: a, name: A, role: joint_controller }\n  - { id: b, name: B, role: controller }\n`;
    expect(await lint(text)).toEqual([`lone-joint-controller ${rangeOf(text, 'joint_controller')}`]);
    expect(await lint(text.replace('role: controller', 'role: joint_controller'))).toEqual([]);
  });

  it('reports prose calling the parties joint controllers when nothing records it', async () => {
    const md = `---\n${HEAD}---\n\nThe parties act as joint controllers for this sharing.\n`;
    expect(await lint(md, true)).toEqual([`joint-in-prose ${rangeOf(md, 'joint controllers')}`]);
    expect(await lint(`---\n${HEAD}---\n\nThe parties are separate controllers, not joint controllers.\n`, true)).toEqual([]);
    expect(await lint(`---\n${HEAD}joint_controller_arrangement: { reference: JCA-1 }\n---\n\nThe parties act as joint controllers.\n`, true)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});

describe(`${RULE}: roles by purpose`, () => {
  const PARTIES = 'parties:\n  - { id: icb, name: ICB, role: controller }\n  - { id: csu, name: CSU, role: controller }\n';

  it('accepts a processor arrangement for a party that a purpose makes a processor', async () => {
    const text = `${HEAD}${PARTIES}purposes:\n  - { id: p, roles: [{ party: csu, role: processor }] }\nprocessors:\n  - { party: csu, acting_for: [icb] }\n`;
    expect(await lint(text)).toEqual([]);
  });

  it('reports one purpose giving one party two roles', async () => {
    const text = `${HEAD}${PARTIES}purposes:\n  - { id: p, roles: [{ party: csu, role: processor }, { party: csu, role: joint_controller }] }\n`;
    expect(await lint(text)).toEqual([`two-roles-one-purpose ${rangeOf(text, 'joint_controller')}`]);
  });
});
