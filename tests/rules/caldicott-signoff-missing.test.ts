import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'caldicott-signoff-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (opts: { version?: string; surgery?: string; data?: string; approvals?: string } = {}): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\n' +
  (opts.version === undefined ? 'version: 1.1.0\n' : opts.version) +
  'parties:\n' +
  `  - { id: surgery, name: Example Surgery${opts.surgery ?? ', org_type: gp_practice, role: controller'} }\n` +
  '  - { id: meo, name: Medical Examiner Office, org_type: medical_examiner_office, role: controller }\n' +
  `data:\n  - { id: summary, categories: [nhs_number, diagnoses_problems]${opts.data ?? ', identifiability: identifiable'} }\n` +
  'flows:\n  - { id: f1, from: surgery, to: meo, data: [summary] }\n' +
  (opts.approvals ?? '');

const approval = (fields: string): string => `approvals:\n  - { party: surgery, role: caldicott_guardian, name: Dr A Example${fields} }\n`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a disclosing controller with no Caldicott Guardian approval, at its id', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`none ${rangeOf(text, 'surgery')}`]);
    expect(rangeOf(text, 'surgery')).toBe('6:11-6:18');
  });

  it('names the party, the flow and the version to record, and points at the flow', async () => {
    const outcome = await lintText(agreement(), { rules: [ruleById(RULE)] });
    const [finding] = outcome.findings;
    expect(finding?.message).toBe(
      'Example Surgery discloses confidential patient information (flow "f1"), but no approval by its Caldicott Guardian is recorded. Ask its ' +
        'Caldicott Guardian to review the agreement, then add an entry under `approvals` with party: surgery, role: caldicott_guardian, version: 1.1.0.',
    );
    expect(finding?.severity).toBe('error');
    expect(finding?.related.map((r) => r.path)).toEqual(['flows[0].from']);
  });

  it('reports an approval of an earlier version, naming it and pointing at it', async () => {
    const text = agreement({ approvals: approval(', date: 2025-03-20, version: 1.0.0') });
    expect(await lint(text)).toEqual([`other-version ${rangeOf(text, 'surgery')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('approved version 1.0.0, not the current version 1.1.0');
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['flows[0].from', 'approvals[0].version']);
  });

  it('names the latest of several earlier approvals', async () => {
    const text = agreement({
      approvals:
        'approvals:\n  - { party: surgery, role: caldicott_guardian, version: 1.0.0 }\n  - { party: surgery, role: caldicott_guardian, version: 0.9.0 }\n',
    });
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings.map((f) => f.message)).toEqual([expect.stringContaining('approved version 1.0.0,')]);
    expect(outcome.findings[0]?.related[1]?.path).toBe('approvals[0].version');
  });

  it('reports an approval that does not name a version when the agreement has one', async () => {
    const text = agreement({ approvals: approval(', date: 2026-03-20') });
    expect(await lint(text)).toEqual([`unversioned ${rangeOf(text, 'surgery')}`]);
  });

  it('is quiet when the Caldicott Guardian approved the current version', async () => {
    expect(await lint(agreement({ approvals: approval(', version: 1.1.0') }))).toEqual([]);
  });

  it('is quiet when an earlier approval sits beside a current one', async () => {
    const text = agreement({
      approvals:
        'approvals:\n  - { party: surgery, role: caldicott_guardian, version: 1.0.0 }\n  - { party: surgery, role: caldicott_guardian, version: 1.1.0 }\n',
    });
    expect(await lint(text)).toEqual([]);
  });

  it('compares versions by number, so 1.1 is 1.1.0', async () => {
    expect(await lint(agreement({ approvals: approval(', version: "1.1"') }))).toEqual([]);
  });

  it('accepts any Caldicott Guardian approval when the agreement has no version', async () => {
    expect(await lint(agreement({ version: '', approvals: approval('') }))).toEqual([]);
    const outcome = await lintText(agreement({ version: '' }), { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toMatch(/role: caldicott_guardian\.$/);
  });

  it('does not count a DPO approval, or a Caldicott Guardian approval for another party', async () => {
    const text = agreement({
      approvals: 'approvals:\n  - { party: surgery, role: dpo, version: 1.1.0 }\n  - { party: meo, role: caldicott_guardian, version: 1.1.0 }\n',
    });
    expect(await lint(text)).toEqual([`none ${rangeOf(text, 'surgery')}`]);
  });

  it('does not ask it of the receiving party', async () => {
    const text = agreement({ approvals: approval(', version: 1.1.0') });
    expect(await lint(text)).toEqual([]);
  });

  it('asks it of a joint controller, and of a party whose role is not stated', async () => {
    for (const surgery of [', org_type: gp_practice, role: joint_controller', ', org_type: gp_practice']) {
      const text = agreement({ surgery });
      expect(await lint(text)).toEqual([`none ${rangeOf(text, 'surgery')}`]);
    }
  });

  it('never treats a sender whose organisation type is not stated as a health or care body', async () => {
    expect(await lint(agreement({ surgery: ', role: controller' }))).toEqual([]);
  });

  it('asks it of hospices, dental practices, pharmacies and optometrists, which hold confidential patient information', async () => {
    for (const type of ['hospice', 'voluntary_care_provider', 'dental_practice', 'community_pharmacy', 'optometrist']) {
      const text = agreement({ surgery: `, org_type: ${type}, role: controller` });
      expect(await lint(text)).toEqual([`none ${rangeOf(text, 'surgery')}`]);
    }
  });

  it('never asks it of a council, government department or housing provider', async () => {
    for (const type of ['district_council', 'county_council', 'unitary_council', 'dwp', 'government_department', 'registered_housing_provider', 'fire_and_rescue', 'probation', 'school_or_academy']) {
      expect(await lint(agreement({ surgery: `, org_type: ${type}, role: controller` }))).toEqual([]);
    }
  });

  it('does not ask it of a processor, or of a sender that is not a health or care organisation', async () => {
    expect(await lint(agreement({ surgery: ', org_type: gp_practice, role: processor' }))).toEqual([]);
    expect(await lint(agreement({ surgery: ', org_type: police, role: controller' }))).toEqual([]);
  });

  it('does not ask it when the data is anonymised or only identifiers', async () => {
    expect(await lint(agreement({ data: ', identifiability: anonymised' }).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]'))).toEqual([]);
    // The label alone does not count: NHS numbers make the data identifiable whatever it is called.
    const labelled = agreement({ data: ', identifiability: anonymised' });
    expect(await lint(labelled)).toEqual([`none ${rangeOf(labelled, 'surgery')}`]);
    const identifiersOnly = agreement().replace('[nhs_number, diagnoses_problems]', '[nhs_number, name]');
    expect(await lint(identifiersOnly)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
