/**
 * `dsalint import`: each format built in the test, with exact assertions on the drafted
 * front matter, the body's clauses and the plain messages for documents that cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, tempProject } from '../helpers/cli.js';
import { importDocument } from '../../src/import/index.js';
import { AGREEMENT, agreementText, buildDocx, buildFullDocx, buildEncryptedPdf, buildOdt, buildScannedPdf, buildTextPdf, buildZipBomb } from './documents.js';

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return parse(m[1]!) as Record<string, unknown>;
}

const PARTIES_WITH_ODS = [
  { id: 'northshire-integrated', name: 'Northshire Integrated Care Board', ods_code: '15N', org_type: 'icb' },
  { id: 'riverside-medical', name: 'Riverside Medical Practice', ods_code: 'Y01234', org_type: 'gp_practice' },
];
const PARTIES = PARTIES_WITH_ODS.map(({ ods_code: _ods, ...rest }) => rest);

describe('importing a Word document', () => {
  it('drafts the front matter with the clause each value came from', async () => {
    const { text } = await importDocument(await buildDocx(), 'proposed.docx');
    expect(text.slice(0, text.indexOf('\n---\n') + 5)).toBe(
      [
        '---',
        '# Drafted by dsalint import from proposed.docx. The text below is what the parties sign; this front',
        '# matter is a draft read from it. Check each value against the clause named beside it.',
        'dsalint: 1',
        'id: "NS-DSA-2026-014"  # paragraph 1 under "Data Sharing Agreement: Medical Examiner Scrutiny"',
        'title: "Data Sharing Agreement: Medical Examiner Scrutiny"  # the heading "Data Sharing Agreement: Medical Examiner Scrutiny"',
        'version: "1.2"  # paragraph 2 under "Data Sharing Agreement: Medical Examiner Scrutiny"',
        'imported:',
        '  from: "proposed.docx"',
        'dates:',
        '  effective_from: 2026-04-01  # clause 1.2',
        '  review_by: 2027-03-31  # clause 1.2',
        'parties:',
        '  - id: northshire-integrated  # clause 1.1',
        '    name: "Northshire Integrated Care Board"',
        '    ods_code: 15N',
        '    org_type: icb  # read from the name',
        '  - id: riverside-medical  # clause 1.1',
        '    name: "Riverside Medical Practice"',
        '    ods_code: Y01234',
        '    org_type: gp_practice  # read from the name',
        // Clause 2.1 names two uses (research, service planning): a purpose, but no one category.
        // Clause 2.2 is negated; clause 4.1 keeps the data "as long as the ICB considers necessary": not drafted.
        'purposes:',
        '  - id: purpose  # clause 2.1',
        '    description: "The ICB will use the information for research and for service planning"',
        '# Not found in the document with enough confidence to draft, so left out (fill them in from the text',
        '# below, or ask the sender): dates.expires, the category of each purpose, the lawful basis of each',
        '# purpose, population, data, flows, retention, security, breach, dpia, transparency, approvals.',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('drafts purposes, lawful basis, data, flows and retention stated plainly, and nothing negated or open-ended', async () => {
    const { text } = await importDocument(await buildFullDocx(), 'me.docx');
    expect(text.slice(text.indexOf('\nparties:\n') + 1, text.indexOf('\n---\n') + 5)).toBe(
      [
        'parties:',
        '  - id: riverside-medical  # clause 1.1',
        '    name: "Riverside Medical Practice"',
        '    org_type: gp_practice  # read from the name',
        '  - id: northshire-medical  # clause 1.1',
        '    name: "Northshire Medical Examiner Office"',
        '    org_type: medical_examiner_office  # read from the name',
        // Not "research" from clause 2.2 (negated).
        'purposes:',
        '  - id: medical-examiner-scrutiny  # clause 2.1',
        '    description: "The information is shared for the scrutiny of deaths by the medical examiner, under Article 6(1)(e) and Article 9(2)(h) of the UK GDPR"',
        '    category: medical_examiner_scrutiny  # read from clause 2.1',
        '    lawful_basis:',
        '      article_6: e_public_task  # clause 2.1',
        '      article_9: h_health_or_social_care  # clause 2.1',
        // Not the whole record from clause 3.2 (negated).
        'data:',
        '  - id: shared-data  # clause 3.1',
        '    categories: [nhs_number, name, date_of_birth, diagnoses_problems, medications]',
        // Not the onward flow of clause 4.2 (negated).
        'flows:',
        '  - id: riverside-medical-to-northshire-medical  # clause 4.1',
        '    from: riverside-medical',
        '    to: northshire-medical',
        '    data: [shared-data]',
        '    purposes: [medical-examiner-scrutiny]',
        // Not the practice's "as long as the patient record is kept" of clause 5.2.
        'retention:',
        '  - party: northshire-medical',
        '    data: [shared-data]',
        '    period: P8Y  # clause 5.1: "retain the information for 8 years"',
        '    starts: receipt',
        '# Not found in the document with enough confidence to draft, so left out (fill them in from the text',
        '# below, or ask the sender): version, dates.effective_from, dates.expires, dates.review_by,',
        '# population, security, breach, dpia, transparency, approvals.',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('drafts terms that pass the schema and are judged as the clauses say', async () => {
    const dir = await tempProject({ 'me.docx': await buildFullDocx() });
    expect((await runCli(['import', 'me.docx'], dir)).code).toBe(0);
    const result = await runCli(['lint', 'me.dsa.md', '--format', 'json', '--as-of', '2026-11-01'], dir);
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; messageId: string }[] }[] };
    const ids = report.files[0]!.findings.map((f) => `${f.ruleId}:${f.messageId}`);
    // The drafted purpose, basis, flow and retention raise nothing; what the document never says is reported once per topic.
    expect(ids).toEqual([
      'prose-topic-missing:caldicott',
      'prose-topic-missing:dpia',
      'prose-topic-missing:breach',
      'agreement-not-final:no-version',
      'prose-topic-missing:dpo',
      'prose-topic-missing:termination',
      'prose-topic-missing:rights',
      'prose-topic-missing:review',
    ]);
  });

  it('keeps headings, numbered clauses, Word-numbered lists and tables in the body', async () => {
    const { text } = await importDocument(await buildDocx(), 'proposed.docx');
    const body = text.slice(text.indexOf('\n---\n') + 5);
    expect(body).toContain('\n# 4. Retention\n\n4.1 Information will be kept for as long as the ICB considers necessary.\n\n4.2 Summaries may be passed to Northshire County Council on request.\n');
    expect(body).toContain('\n# 6. Security\n\n1. Data is sent by NHSmail.\n\n2. Access is audited.\n');
    expect(body).toContain('| Organisation | ODS code |\n| --- | --- |\n| Northshire Integrated Care Board | 15N |\n| Riverside Medical Practice | Y01234 |\n');
    expect(body.startsWith('\n# Data Sharing Agreement: Medical Examiner Scrutiny\n\nReference: NS-DSA-2026-014\n\nVersion 1.2\n')).toBe(true);
  });
});

describe('drafting terms only when the clause is plain', () => {
  const draftOf = async (lines: string[]): Promise<Record<string, unknown>> =>
    frontMatter((await importDocument(new TextEncoder().encode(lines.join('\n\n')), 'a.txt')).text);

  it('leaves the lawful basis out when two purposes could own it, and a purpose naming two uses without a category', async () => {
    const fm = await draftOf([
      'Data Sharing Agreement',
      '1. Purposes',
      '1.1 The information is shared for safeguarding children at risk.',
      '1.2 The information is used for the planning of local services.',
      '2. Legal basis',
      '2.1 The parties rely on Article 6(1)(e) of the UK GDPR.',
    ]);
    expect(fm['purposes']).toEqual([
      { id: 'safeguarding', description: 'The information is shared for safeguarding children at risk', category: 'safeguarding' },
      { id: 'planning-commissioning', description: 'The information is used for the planning of local services', category: 'planning_commissioning' },
    ]);
  });

  it('takes the one basis cited for the one purpose, and no period from an open-ended or two-period clause', async () => {
    const fm = await draftOf([
      'Data Sharing Agreement',
      '1. Purpose',
      '1.1 The purpose of this agreement is direct care of patients.',
      '2. Legal basis',
      '2.1 Processing relies on Article 6(1)(e) and Article 9(2)(h).',
      '3. Retention',
      '3.1 Records are kept for as long as necessary.',
      '3.2 Records are retained for 6 months or 2 years, whichever is later.',
      '3.3 Records are retained for six years after the death of the patient.',
    ]);
    expect(fm['purposes']).toEqual([
      { id: 'individual-care', description: 'The purpose of this agreement is direct care of patients', category: 'individual_care', lawful_basis: { article_6: 'e_public_task', article_9: 'h_health_or_social_care' } },
    ]);
    expect(fm['retention']).toEqual([{ period: 'P6Y', starts: 'death' }]);
  });

  it('dates the first review from the start date and a regular review clause, and not when two intervals disagree', async () => {
    const lines = ['Data Sharing Agreement', '1. Term', '1.1 This agreement comes into force on 31 January 2026.', '1.2 The agreement will be reviewed annually by the parties.'];
    const { text } = await importDocument(new TextEncoder().encode(lines.join('\n\n')), 'a.txt');
    expect(text).toContain('\ndates:\n  effective_from: 2026-01-31  # clause 1.1\n  review_by: 2027-01-31  # clause 1.2, yearly from clause 1.1\n');
    expect((frontMatter(text)['dates'] as Record<string, string>)['review_by']).toBe('2027-01-31');
    const six = await draftOf([...lines.slice(0, 3), '1.2 It is reviewed every six months.']);
    expect(six['dates']).toEqual({ effective_from: '2026-01-31', review_by: '2026-07-31' });
    const both = await draftOf([...lines, '1.3 The data flows are reviewed every 6 months.']);
    expect(both['dates']).toEqual({ effective_from: '2026-01-31' });
  });
});

describe('importing a text PDF, an OpenDocument file and plain text', () => {
  it('reads the same facts from each', async () => {
    const pdf = await importDocument(await buildTextPdf(), 'proposed.pdf');
    const odt = await importDocument(buildOdt(), 'proposed.odt');
    const txt = await importDocument(new TextEncoder().encode(agreementText()), 'proposed.txt');
    for (const [result, parties, version] of [
      [pdf, PARTIES, '1.2'],
      [odt, PARTIES_WITH_ODS, undefined],
      [txt, PARTIES, '1.2'],
    ] as const) {
      const fm = frontMatter(result.text);
      expect(fm['id']).toBe(AGREEMENT.reference);
      expect(fm['title']).toBe(AGREEMENT.title);
      expect(fm['version']).toBe(version);
      expect(fm['dates']).toEqual({ effective_from: '2026-04-01', review_by: '2027-03-31' });
      expect(fm['parties']).toEqual(parties);
    }
  });

  it('turns larger PDF text into headings and each numbered line into a clause', async () => {
    const { text } = await importDocument(await buildTextPdf(), 'proposed.pdf');
    expect(text).toContain('\n# Data Sharing Agreement: Medical Examiner Scrutiny\n\nReference: NS-DSA-2026-014 Version 1.2\n\n## 1. Introduction\n\n1.1 This agreement');
    expect(text).toContain('\n## 3. Access\n\n3.1 The ICB will have full access to the clinical system of the practice.\n\n## 4. Retention\n');
  });

  it('numbers OpenDocument list items as clauses and keeps its tables', async () => {
    const { text } = await importDocument(buildOdt(), 'proposed.odt');
    expect(text).toContain('\n## 5. Security\n\n1. Data is sent by NHSmail.\n\n1.1 Using encryption.\n\n| Organisation | ODS code |\n');
  });

  it('escapes Markdown characters in the text so the body reads back as the same words', async () => {
    const { text } = await importDocument(new TextEncoder().encode('A title\n\nShare *only* the [summary] <b>\n\n# not a heading\n'), 'x.txt');
    expect(text.endsWith('A title\n\nShare \\*only\\* the \\[summary\\] \\<b\\>\n\n\\# not a heading\n')).toBe(true);
  });

  it('keeps a Markdown document\'s body as written', async () => {
    const md = '# Agreement\n\n1. The ICB will share data.\n';
    const { text } = await importDocument(new TextEncoder().encode(md), 'x.md');
    expect(text.endsWith(`---\n\n${md}`)).toBe(true);
    expect(frontMatter(text)['title']).toBe('Agreement');
  });
});

describe('documents that cannot be imported', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['encrypted.pdf', buildEncryptedPdf, 'dsalint: encrypted.pdf is protected by a password, so its text cannot be read. Ask the sender for an unprotected copy, or the Word version.\n'],
    ['scan.pdf', buildScannedPdf, 'dsalint: scan.pdf has no text layer: it looks like a scan, so its words cannot be read. Ask the sender for the Word version, or a PDF saved from it.\n'],
    ['corrupt.docx', async () => (await buildDocx()).slice(0, 2000), 'dsalint: corrupt.docx is damaged: its zip archive could not be read. Save it again from the program that made it.\n'],
    ['bomb.docx', buildZipBomb, 'dsalint: bomb.docx was not read: its part word/document.xml would expand to far more than any agreement needs (a "zip bomb"?).\n'],
    ['renamed.docx', buildTextPdf, 'dsalint: renamed.docx does not hold what its name says: it is a PDF. Rename it with the right extension, or save it again.\n'],
    ['notes.pdf', () => new TextEncoder().encode('just some text, not a PDF'), 'dsalint: notes.pdf does not hold what its name says: it is plain text. Rename it with the right extension, or save it again.\n'],
    ['old.doc', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'dsalint: old.doc is an old-style Word (.doc) file, which dsalint cannot read. Open it in Word and save it as .docx.\n'],
    ['damaged.pdf', () => new TextEncoder().encode('%PDF-1.4\nnot really a pdf'), 'dsalint: damaged.pdf is not a readable PDF (its structure is damaged). Ask the sender for the Word version.\n'],
  ];
  for (const [name, build, message] of cases) {
    it(`${name}: a plain message and exit 2, nothing written`, async () => {
      const dir = await tempProject({ [name]: await build() });
      const result = await runCli(['import', name], dir);
      expect(result).toEqual({ code: 2, stdout: '', stderr: message });
      await expect(readFile(join(dir, name.replace(/\.\w+$/, '.dsa.md')))).rejects.toThrow();
    });
  }
});

describe('dsalint import', () => {
  it('writes the .dsa.md beside the document and says what to run next', async () => {
    const dir = await tempProject({ 'proposed.docx': await buildDocx() });
    const result = await runCli(['import', 'proposed.docx'], dir);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Wrote proposed.dsa.md: the document\'s text, with a draft of the agreement\'s facts at the top.\nNext: dsalint lint proposed.dsa.md --format review-html -o review.html\n',
    });
    expect(frontMatter(await readFile(join(dir, 'proposed.dsa.md'), 'utf8'))['imported']).toEqual({ from: 'proposed.docx' });
  });

  it('never overwrites without --force', async () => {
    const dir = await tempProject({ 'proposed.txt': agreementText(), 'proposed.dsa.md': 'mine\n' });
    expect(await runCli(['import', 'proposed.txt'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dsalint: proposed.dsa.md already exists; dsalint does not overwrite files unless you add --force.\n',
    });
    expect(await readFile(join(dir, 'proposed.dsa.md'), 'utf8')).toBe('mine\n');
    expect((await runCli(['import', 'proposed.txt', '--force'], dir)).code).toBe(0);
    expect(await readFile(join(dir, 'proposed.dsa.md'), 'utf8')).toContain('imported:\n  from: "proposed.txt"\n');
  });

  it('writes where -o says, and refuses files it cannot import', async () => {
    const dir = await tempProject({ 'a.txt': agreementText(), 'b.xlsx': 'x' });
    expect((await runCli(['import', 'a.txt', '-o', 'out/../agreement.dsa.md'], dir)).code).toBe(0);
    expect(await readFile(join(dir, 'agreement.dsa.md'), 'utf8')).toContain('id: "NS-DSA-2026-014"');
    expect(await runCli(['import', 'b.xlsx'], dir)).toEqual({ code: 2, stdout: '', stderr: 'dsalint: dsalint can import .docx, .pdf, .odt, .txt and .md documents; b.xlsx is none of these.\n' });
    expect(await runCli(['import', 'missing.docx'], dir)).toEqual({ code: 2, stdout: '', stderr: 'dsalint: missing.docx could not be read: no such file or directory.\n' });
  });

  it('drafts front matter that passes the schema', async () => {
    const dir = await tempProject({ 'proposed.docx': await buildDocx() });
    await runCli(['import', 'proposed.docx'], dir);
    const result = await runCli(['lint', 'proposed.dsa.md', '--format', 'json', '--as-of', '2026-11-01'], dir);
    const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string }[] }[] };
    expect(report.files[0]!.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });
});

describe('tiered protocols', () => {
  it('drafts an overarching protocol as one, and lints it without complaints about flows it does not have', async () => {
    const text = [
      'Northshire Overarching Information Sharing Protocol',
      '',
      'Reference: NS-ISP-2026',
      '',
      '1. Scope',
      '',
      '1.1 This protocol is between Northshire Integrated Care Board and Riverside Medical Practice and sets the principles for every data sharing agreement made under it.',
      '',
    ].join('\n');
    const dir = await tempProject({ 'isp.txt': text });
    expect((await runCli(['import', 'isp.txt'], dir)).code).toBe(0);
    const written = await readFile(join(dir, 'isp.dsa.md'), 'utf8');
    expect(written).toContain('\ntitle: "Northshire Overarching Information Sharing Protocol"  # the first line\nkind: overarching_protocol  # read from the first line\n');
    expect(frontMatter(written)['kind']).toBe('overarching_protocol');
    const report = JSON.parse((await runCli(['lint', 'isp.dsa.md', '-f', 'json', '--as-of', '2026-11-01'], dir)).stdout) as { files: { findings: { ruleId: string }[] }[] };
    expect(report.files[0]!.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('drafts the protocol a tier-2 agreement is made under, by its reference, and keeps that reference out of the agreement\'s own id', async () => {
    const lines = [
      'Northshire MASH Data Sharing Agreement',
      '1. Scope',
      '1.1 This agreement is made under the Northshire Overarching Information Sharing Protocol (reference NS-ISP-2026) and is between Northshire Integrated Care Board and Riverside Medical Practice.',
      '1.2 Agreement reference: NS-MASH-2026-003.',
    ];
    const { text } = await importDocument(new TextEncoder().encode(lines.join('\n\n')), 'mash.txt');
    expect(text).toContain(
      '\nid: "NS-MASH-2026-003"  # clause 1.2\ntitle: "Northshire MASH Data Sharing Agreement"  # the first line\nframework:  # clause 1.1\n  id: "NS-ISP-2026"\n  title: "Northshire Overarching Information Sharing Protocol"\n',
    );
    // Named without its reference, the protocol is not drafted (the format needs its id).
    const { text: unnamed } = await importDocument(new TextEncoder().encode(lines.slice(0, 2).concat('1.1 This agreement is made under the Northshire Overarching Information Sharing Protocol.').join('\n\n')), 'b.txt');
    expect(frontMatter(unnamed)['framework']).toBeUndefined();
  });
});

