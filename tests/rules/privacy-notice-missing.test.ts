import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';

const RULE = 'privacy-notice-missing';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const agreement = (opts: { meo?: string; data?: string; access?: string; notices?: string } = {}): string =>
  'dsalint: 1\nid: EX-001\ntitle: Example\nparties:\n' +
  '  - { id: surgery, name: Example Surgery, role: controller }\n' +
  `  - { id: meo, name: Medical Examiner Office${opts.meo ?? ', role: controller'} }\n` +
  `data:\n  - { id: d, categories: [nhs_number, diagnoses_problems]${opts.data ?? ''} }\n` +
  `flows:\n  - { id: f1, from: surgery, to: meo, data: [d]${opts.access ?? ''} }\n` +
  `transparency:\n  privacy_notices:\n    - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }\n${opts.notices ?? ''}`;
const lint = (text: string) => lintWithRule(RULE, text);

describe(RULE, () => {
  it('reports a receiving controller with no notice, at its id, pointing at the flow', async () => {
    const text = agreement();
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'meo')}`]);
    expect(rangeOf(text, 'meo')).toBe('6:11-6:14');
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toBe(
      'Medical Examiner Office receives patient data (flow "f1"), but no privacy notice of its own is listed. Add an entry under ' +
        '`transparency.privacy_notices` with party: meo and the `url` of a privacy notice that describes this sharing.',
    );
    expect(outcome.findings[0]?.related.map((r) => r.path)).toEqual(['flows[0].to']);
  });

  it('reports a disclosing controller with no notice', async () => {
    const text = agreement({ notices: '    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }\n' }).replace(
      '    - { party: surgery, url: "https://example-surgery.nhs.uk/privacy" }\n',
      '',
    );
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'surgery')}`]);
    const outcome = await lintText(text, { rules: [ruleById(RULE)] });
    expect(outcome.findings[0]?.message).toMatch(/^Example Surgery discloses patient data/);
  });

  it('reports every controller when there is no transparency section', async () => {
    const text = agreement().replace(/transparency:[\s\S]*$/, '');
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'surgery')}`, `missing ${rangeOf(text, 'meo')}`]);
  });

  it('is quiet when each controller lists a notice', async () => {
    expect(await lint(agreement({ notices: '    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }\n' }))).toEqual([]);
  });

  it('reports a notice with no address, at the entry', async () => {
    const text = agreement({ notices: '    - { party: meo }\n' });
    expect(await lint(text)).toEqual([`no-url ${rangeOf(text, '{ party: meo }')}`]);
  });

  it('accepts one notice with an address among several', async () => {
    expect(await lint(agreement({ notices: '    - { party: meo }\n    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }\n' }))).toEqual([]);
  });

  it('counts a party with no role as a controller, but not a processor', async () => {
    let text = agreement({ meo: '' });
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'meo')}`]);
    text = agreement({ meo: ', role: processor' });
    expect(await lint(text)).toEqual([]);
  });

  it('does not ask it when the flow carries only aggregate data, but does for live access', async () => {
    const aggregate = (opts: { access?: string } = {}) => agreement({ data: ', identifiability: aggregate', ...opts }).replace('[nhs_number, diagnoses_problems]', '[diagnoses_problems]');
    expect(await lint(aggregate())).toEqual([]);
    const text = aggregate({ access: ', access: { mode: live_system_access }' });
    expect(await lint(text)).toEqual([`missing ${rangeOf(text, 'meo')}`]);
    // An aggregate label on data that carries NHS numbers does not count.
    const labelled = agreement({ data: ', identifiability: aggregate' });
    expect(await lint(labelled)).toEqual([`missing ${rangeOf(labelled, 'meo')}`]);
  });

  it('does not ask it of a controller that takes part in no flow', async () => {
    const text = agreement({ notices: '    - { party: meo, url: "https://example-trust.nhs.uk/privacy" }\n' }).replace(
      'parties:\n',
      'parties:\n  - { id: other, name: Other Practice, role: controller }\n',
    );
    expect(await lint(text)).toEqual([]);
  });

  it('is quiet on the starter agreement', async () => {
    expect(await lint(STARTER)).toEqual([]);
  });
});
