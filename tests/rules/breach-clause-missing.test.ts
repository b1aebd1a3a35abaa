import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'breach-clause-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');
const HEAD =
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n  - { id: surgery, name: Example Surgery, role: controller }\n' +
  '  - { id: acme, name: Acme Hosting Ltd, role: processor }\n';
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports an agreement with no breach section at its first key', async () => {
    expect(await lint(HEAD)).toEqual(['missing 1:1-1:8']);
  });

  it('reports a missing contact and a missing ICO owner at the breach key (ordered by message)', async () => {
    const text = `${HEAD}breach:\n  notify_parties_within: PT24H\n`;
    expect(await lint(text)).toEqual([`no-owner ${rangeOf(text, 'breach')}`, `no-contact ${rangeOf(text, 'breach')}`]);
  });

  it('reports only what is missing', async () => {
    let text = `${HEAD}breach:\n  ico_notification_owner: surgery\n`;
    expect(await lint(text)).toEqual([`no-contact ${rangeOf(text, 'breach')}`]);
    text = `${HEAD}breach:\n  contact: dpo@example.nhs.uk\n`;
    expect(await lint(text)).toEqual([`no-owner ${rangeOf(text, 'breach')}`]);
  });

  it('reports a processor named as the ICO notification owner, at the owner', async () => {
    const text = `${HEAD}breach:\n  ico_notification_owner: acme\n  contact: dpo@example.nhs.uk\n`;
    expect(await lint(text)).toEqual([`owner-is-processor ${rangeOf(text, 'acme', 2)}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toContain('Acme Hosting Ltd is a processor, so it cannot own reports to the ICO');
  });

  it('is quiet with a contact and a controller as owner', async () => {
    expect(await lint(`${HEAD}breach:\n  ico_notification_owner: surgery\n  contact: dpo@example.nhs.uk\n`)).toEqual([]);
  });

  it('leaves an owner that names no party to reference-unresolved', async () => {
    expect(await lint(`${HEAD}breach:\n  ico_notification_owner: nobody\n  contact: dpo@example.nhs.uk\n`)).toEqual([]);
  });

  it('does not ask it when the agreement shares only anonymised or aggregate data', async () => {
    expect(await lint(`${HEAD}data:\n  - { id: d, categories: [diagnoses_problems], identifiability: aggregate }\n`)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
