/**
 * ajv errors become one plain-English finding per real mistake, at the offending node.
 */
import { describe, expect, it } from 'vitest';
import { lintText, ruleById, formatRange } from './helpers/lint.js';

const schemaRule = ruleById('schema');

async function schemaFindings(text: string): Promise<string[]> {
  const outcome = await lintText(text, { rules: [schemaRule] });
  return outcome.findings.map((f) => `${formatRange(f.location.range)} ${f.messageId}: ${f.message}`);
}

const HEAD = 'dsalint: 1\nid: EX-1\ntitle: Example\n';

describe('schema findings', () => {
  it('suggests the nearest key for an unknown key, at the key', async () => {
    expect(await schemaFindings(`${HEAD}retension: []\n`)).toEqual(['4:1-4:10 unknown-key: Unknown key `retension` at the top level. Did you mean `retention`?']);
  });

  it('lists the allowed keys when nothing is close', async () => {
    const [finding] = await schemaFindings(`${HEAD}dates:\n  zzz: 2026-01-01\n`);
    expect(finding).toBe('5:3-5:6 unknown-key: Unknown key `zzz` in `dates`. Allowed keys: `effective_from`, `expires`, `review_by`, `last_reviewed`, `initial_term`, `renewal`, `renewal_term`.');
  });

  it('reports a missing required key at its parent, with the key described', async () => {
    expect(await schemaFindings(`${HEAD}parties:\n  - id: a\n`)).toEqual([
      "5:5-5:10 missing: `parties[0]` is missing `name`: the organisation's full legal name.",
    ]);
  });

  it('reports missing top-level keys at the first key', async () => {
    expect(await schemaFindings('dsalint: 1\n')).toEqual([
      "1:1-1:8 missing: The agreement is missing `id`: the agreement's reference, such as NEL-ME-2026-014.",
      '1:1-1:8 missing: The agreement is missing `title`: a title a patient would understand.',
    ]);
  });

  it('suggests a controlled value for a misspelt one', async () => {
    expect(await schemaFindings(`${HEAD}parties:\n  - { id: a, name: A, role: controler }\n`)).toEqual([
      '5:29-5:38 bad-value: `parties[0].role` is "controler", which is not an allowed value. Did you mean `controller`?',
    ]);
  });

  it('says to quote a number where text is expected, without a cascade of pattern errors', async () => {
    expect(await schemaFindings(`${HEAD}version: 1.2\n`)).toEqual(['4:10-4:13 wrong-type: `version` must be text, but it is a number. Put it in quotes: "1.2".']);
  });

  it('explains ISO 8601 durations and dates in words', async () => {
    expect(await schemaFindings(`${HEAD}retention:\n  - { party: a, period: 8 years }\ndates: { expires: 31/03/2027 }\n`)).toEqual([
      '5:25-5:32 bad-format: `retention[0].period` must be an ISO 8601 duration such as P8Y; it is "8 years".',
      '6:19-6:29 bad-format: `dates.expires` must be a date written YYYY-MM-DD, such as 2026-04-01, or a month such as 2016-04; it is "31/03/2027".',
    ]);
  });

  it('rejects an impossible calendar date', async () => {
    expect(await schemaFindings(`${HEAD}dates: { expires: 2027-02-30 }\n`)).toEqual([
      '4:19-4:29 bad-format: `dates.expires` must be a date written YYYY-MM-DD, such as 2026-04-01, or a month such as 2016-04; it is "2027-02-30".',
    ]);
    expect(await schemaFindings(`${HEAD}dates: { expires: 2027-02-29, review_by: 2028-02-29, effective_from: 2016-13 }\n`)).toEqual([
      '4:19-4:29 bad-format: `dates.expires` must be a date written YYYY-MM-DD, such as 2026-04-01, or a month such as 2016-04; it is "2027-02-29".',
      '4:70-4:77 bad-format: `dates.effective_from` must be a date written YYYY-MM-DD, such as 2026-04-01, or a month such as 2016-04; it is "2016-13".',
    ]);
  });

  it('accepts the shapes real agreements need: kinds, frameworks, groups, per-purpose scope, month dates', async () => {
    const text =
      `${HEAD}kind: sharing_agreement\nframework: { id: ISP-1, path: ../isp.dsa.yaml, inherits: [security, retention] }\n` +
      'legal_framework: dpa_1998\nbinding: true\nacceptance: signed\nsupersedes: [ISP-0]\n' +
      'dates: { effective_from: 2016-04, last_reviewed: 2019-05-01, initial_term: P12M, renewal: automatic, renewal_term: P1Y }\n' +
      'parties:\n  - { id: hosp, name: St Example Hospice, org_type: hospice, charity_number: "1012345", company_number: "01234567" }\n' +
      '  - id: practices\n    name: Every member practice of Example PCN\n    org_type: gp_practice\n    group: { count: 7, members: [{ name: A Surgery, ods_code: A12345 }] }\n' +
      'purposes:\n  - id: me\n    category: medical_examiner_scrutiny\n    population: { scope: per_case, vital_status: deceased }\n' +
      '    roles: [{ party: hosp, role: processor }]\n' +
      '    lawful_basis: { copi_notice: { reference: COPI 2020, expires: 2022-06-30 }, statutory_gateways: [{ provision: Health and Care Act 2022 s96, in_force_from: 2022-07-01 }] }\n' +
      'onward_sharing: { allowed: false, sublicensing: false }\ncommercial_use: { allowed: false }\n' +
      'flows:\n  - { id: f, from: practices, to: hosp, access: { mode: secure_data_environment } }\n' +
      'retention:\n  - { party: hosp, period: P25Y, starts: date_of_birth }\n' +
      'transparency: { privacy_notices: [{ publisher: NHS England, url: "https://www.nhs.uk/your-nhs-data-matters/" }, { annex: Annex C }] }\n';
    expect(await schemaFindings(text)).toEqual([]);
  });

  it('reports a list item given twice', async () => {
    expect(await schemaFindings(`${HEAD}data:\n  - { id: d, categories: [name, name] }\n`)).toEqual([
      '5:33-5:37 duplicate-item: `data[0].categories` lists "name" more than once.',
    ]);
  });

  it('reports the wrong format version', async () => {
    expect(await schemaFindings('dsalint: 2\nid: EX-1\ntitle: T\n')).toEqual(['1:10-1:11 bad-value: `dsalint` must be 1, not 2.']);
  });

  it('reports an empty file once, with what to do', async () => {
    expect(await schemaFindings('')).toEqual([
      '1:1-1:1 empty: The agreement is empty. It needs at least `dsalint: 1`, `id` and `title`; run `dsalint init` for a starter agreement.',
    ]);
    expect(await schemaFindings('# only a comment\n')).toHaveLength(1);
  });

  it('reports a file that is a list rather than a mapping', async () => {
    expect(await schemaFindings('- a\n- b\n')).toEqual([
      '1:1-3:1 not-a-mapping: An agreement must be a mapping of keys to values starting with `dsalint: 1`, but this file holds a list.',
    ]);
  });

  it('gives one finding per problem when several are present', async () => {
    const findings = await schemaFindings(`${HEAD}parties:\n  - { id: a, org_type: gp_practise, role: controller, country: gb }\n`);
    expect(findings.map((f) => f.slice(0, f.indexOf(':', f.indexOf(' '))))).toEqual(['5:5-5:68 missing', '5:24-5:35 bad-value', '5:64-5:66 bad-format']);
  });

  it('skips the domain rules, saying why, when the schema fails', async () => {
    const outcome = await lintText(`${HEAD}retension: []\n`);
    expect(outcome.notes).toEqual([
      'The domain rules were not run because the agreement does not match the format. Fix the schema findings and run dsalint again.',
    ]);
    expect(outcome.agreement).toBeUndefined();
  });
});

describe('schema hints', () => {
  it('explains that prose as a key is a value split at a comma inside { }', async () => {
    const findings = await schemaFindings(`${HEAD}population: { description: Patients who died, named in each notice, scope: per_case }\n`);
    expect(findings).toEqual([
      '4:47-4:67 unknown-key: Unknown key `named in each notice` in `population`: this looks like part of a value. A value that contains a comma inside `{ }` or `[ ]` must be in quotes.',
    ]);
  });
});

describe('the vocabulary\'s criminal offence data flag', () => {
  it('is set on criminal offence data and on safeguarding records, which routinely record alleged offences', async () => {
    const { DATA_CATEGORIES } = await import('../src/vocabulary.js');
    expect(DATA_CATEGORIES.filter((c) => c.criminal).map((c) => c.value).sort()).toEqual(['criminal_offence_data', 'safeguarding']);
  });
});
