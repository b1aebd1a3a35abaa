import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintText, lintWithRule, ruleById } from '../helpers/lint.js';
import { rangeOf } from '../helpers/text-range.js';
import { blocksToMarkdown } from '../../src/import/blocks.js';

const RULE = 'prose-undeclared-party';
const STARTER = readFileSync(new URL('../fixtures/starter.dsa.yaml', import.meta.url), 'utf8');

const PARTIES =
  'parties:\n  - { id: surgery, name: Example Surgery, org_type: gp_practice }\n' +
  '  - { id: meo, name: "Medical Examiner Office, Example Hospitals NHS Trust", org_type: medical_examiner_office }\n' +
  '  - { id: icb, name: NHS North East London Integrated Care Board, org_type: icb }\n';
const YAML = `dsalint: 1\nid: EX-001\ntitle: Example\n${PARTIES}`;
const md = (body: string, yaml = YAML) => `---\n${yaml}---\n\n${body}\n`;

const lint = (text: string) => lintWithRule(RULE, text, { markdown: true });

describe(RULE, () => {
  describe('signatories', () => {
    it('reports an organisation signed for that is not a party, or is named differently from it, at its name, with a request', async () => {
      const text = md('Signed on behalf of Riverside Health Partnership\n\nName: Dr A Example');
      expect(await lint(text)).toEqual([`signatory-not-party ${rangeOf(text, 'Riverside Health Partnership')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)], markdown: true })).findings;
      expect(finding?.message).toContain('signed on behalf of "Riverside Health Partnership", but no declared party has that name or legal name');
      expect(finding?.request).toBe(
        'Ask the ICB which party the person signing on behalf of "Riverside Health Partnership" acts for: the signature block and the list of parties must name the same organisations.',
      );
      const formula = md('For and on behalf of Northshire County Council: B Example, Director of Adult Services');
      expect(await lint(formula)).toEqual([`signatory-not-party ${rangeOf(formula, 'Northshire County Council')}`]);
    });

    it.each([
      'Signed on behalf of Example Surgery',
      'Signed for and on behalf of the Medical Examiner Office',
      'For and on behalf of NHS North East London ICB.',
      'Signed on behalf of the Provider',
      'Signed on behalf of Dr A Example',
      'Signed on behalf of [Practice name]',
    ])('accepts a declared party, a generic role, a person or a blank: %s', async (body) => {
      expect(await lint(md(body))).toEqual([]);
    });

    it('matches a party\'s legal name, and stops the name at the end of the line', async () => {
      const legal = YAML.replace('name: Example Surgery,', 'name: Example Surgery, legal_name: Drs Smith and Jones Partnership,');
      expect(await lint(md('Signed on behalf of Drs Smith and Jones Partnership', legal))).toEqual([]);
      expect(await lint(md('Signed on behalf of Example Surgery\nName Dr A Example'))).toEqual([]);
    });
  });

  describe('signature tables', () => {
    const TABLE = [
      '## Signatures',
      '',
      '| Organisation | Name | Role | Signature | Date |',
      '| --- | --- | --- | --- | --- |',
      '| Example Surgery | Dr A Example | Caldicott Guardian | | 2026-03-01 |',
      '| **Riverside Health Partnership** | B Example | Director | | 2026-03-02 |',
      '| NHS North East London ICB | C Example | SIRO | | 2026-03-03 |',
    ].join('\n');

    it('reports an organisation in the Organisation column that is not a party, at its name in the cell', async () => {
      const text = md(TABLE);
      expect(await lint(text)).toEqual([`signatory-not-party ${rangeOf(text, 'Riverside Health Partnership')}`]);
      const [finding] = (await lintText(text, { rules: [ruleById(RULE)], markdown: true })).findings;
      expect(finding?.message).toContain('signed on behalf of "Riverside Health Partnership", but no declared party has that name or legal name');
    });

    it('reads a table without outer pipes, and columns headed "On behalf of" or "Party"', async () => {
      const bare = md('Party | Name | Date signed\n:--- | --- | ---\nExample Surgery | Dr A Example | 2026-03-01\nNorthshire County Council | D Example | 2026-03-01');
      expect(await lint(bare)).toEqual([`signatory-not-party ${rangeOf(bare, 'Northshire County Council')}`]);
      const behalf = md('| On behalf of | Signature |\n| --- | --- |\n| Acme Analytics Ltd | |');
      expect(await lint(behalf)).toEqual([`signatory-not-party ${rangeOf(behalf, 'Acme Analytics Ltd')}`]);
      const partner = md('| Partner organisation | Signatory | Date signed |\n| --- | --- | --- |\n| Acme Analytics Ltd | Dr A | |');
      expect(await lint(partner)).toEqual([`signatory-not-party ${rangeOf(partner, 'Acme Analytics Ltd')}`]);
    });

    it('reads a two-column table of labels and values', async () => {
      const text = md('| Signed on behalf of: | Riverside Health Partnership |\n| --- | --- |\n| Name | Dr A Example |\n| Signature | |\n| Date | 2026-03-01 |');
      expect(await lint(text)).toEqual([`signatory-not-party ${rangeOf(text, 'Riverside Health Partnership')}`]);
      const good = md('| Organisation | Example Surgery |\n| --- | --- |\n| Name | Dr A Example |\n| Signature | |');
      expect(await lint(good)).toEqual([]);
      // As Word documents often convert: an empty header row, then labels with colons.
      const converted = md('| | |\n|---|---|\n| Organisation: | Riverside Health Partnership |\n| Name: | Dr A Example |\n| Signature: | |\n| Date: | |');
      expect(await lint(converted)).toEqual([`signatory-not-party ${rangeOf(converted, 'Riverside Health Partnership')}`]);
    });

    it('reads the tables dsalint import writes from a Word document, a pipe inside a cell included', async () => {
      const body = blocksToMarkdown([
        { type: 'heading', level: 1, text: 'Signatures' },
        { type: 'table', rows: [['Name and role', 'Organisation', 'Signature'], ['Dr A | Director', 'Riverside Health Partnership', ''], ['Dr B | Partner', 'Example Surgery', '']] },
      ]);
      const text = md(body.trimEnd());
      expect(await lint(text)).toEqual([`signatory-not-party ${rangeOf(text, 'Riverside Health Partnership')}`]);
    });

    it('accepts parties, legal names, generic roles and blanks, and ignores tables that are not signature tables', async () => {
      const legal = YAML.replace('name: Example Surgery,', 'name: Example Surgery, legal_name: Drs Smith and Jones Partnership,');
      const rows = ['| Drs Smith and Jones Partnership | Dr A Example | |', '| The Provider | | |', '| [Organisation name] | | |', '| | | |', '| Medical Examiner Office | Dr M Example | |'];
      expect(await lint(md(`| Organisation | Name | Signature |\n| --- | --- | --- |\n${rows.join('\n')}`, legal))).toEqual([]);
      // A table of parties with no signature column is not where anyone signs.
      expect(await lint(md('| Organisation | Role | ODS code |\n| --- | --- | --- |\n| Riverside Health Partnership | Provider | Y12345 |'))).toEqual([]);
      // Lines with pipes but no delimiter row are not a table.
      expect(await lint(md('Organisation | Signature\nRiverside Health Partnership | signed'))).toEqual([]);
    });
  });

  describe('named recipients', () => {
    it('reports an organisation that is not a party, at its name', async () => {
      const text = md('Summaries are also shared with Acme Analytics Ltd for quality reporting.');
      expect(await lint(text)).toEqual([`undeclared-recipient ${rangeOf(text, 'Acme Analytics Ltd')}`]);
    });

    it.each([
      'Records are shared with the Medical Examiner Office on request.',
      'Records are disclosed to the medical examiner office.',
      'Example Surgery shares a summary of the final illness with the Medical Examiner Office.',
      'Records are sent by NHSmail to Example Hospitals NHS Trust.',
      'Reports are made available to the ICB.',
      'Reports are made available to the Integrated Care Board.',
      'Reports are passed to NHS North East London ICB.',
      'Access by the Medical Examiners is read-only.',
      'Records are shared with meo only.',
    ])('accepts a declared party: %s', async (body) => {
      expect(await lint(md(body))).toEqual([]);
    });

    it('accepts a longer form of a party\'s name in a list, and an acronym that is just a word', async () => {
      const acme = YAML + '  - { id: acme, name: Acme Ltd, role: processor }\n';
      expect(await lint(md('Results are shared with Example Surgery and Acme UK Ltd.', acme))).toEqual([]);
      const text = md('Results are shared with Acme UK Ltd.');
      expect(await lint(text)).toEqual([`undeclared-recipient ${rangeOf(text, 'Acme UK Ltd')}`]);
    });

    it('reports the undeclared one of two organisations', async () => {
      const text = md('Results are shared with Example Surgery and Acme Analytics Ltd.');
      expect(await lint(text)).toEqual([`undeclared-recipient ${rangeOf(text, 'Example Surgery and Acme Analytics Ltd')}`]);
      expect(await lint(md('Results are shared with Example Surgery and the Medical Examiner Office.'))).toEqual([]);
    });

    it('stops the name at the end of the sentence', async () => {
      const text = md('Records are shared with Acme Ltd. Then The Office files them.');
      expect(await lint(text)).toEqual([`undeclared-recipient ${rangeOf(text, 'Acme Ltd')}`]);
    });

    it('skips people, systems and roles', async () => {
      expect(await lint(md('Queries are sent to Dr Jones at the surgery.'))).toEqual([]);
      expect(await lint(md('Records are disclosed to the Caldicott Guardian first.'))).toEqual([]);
      expect(await lint(md('Access by Smartcard is not used.'))).toEqual([]);
      expect(await lint(md('Records are shared with GP Connect switched off.'))).toEqual([]);
    });

    it('matches a name across bold markup', async () => {
      const text = md('Records are shared with **Acme Analytics Ltd** monthly.');
      expect(await lint(text)).toEqual([`undeclared-recipient ${rangeOf(text, 'Acme Analytics Ltd')}`]);
    });

    it('asks for review, as a warning, naming the organisation', async () => {
      const [finding] = (await lintText(md('Records are shared with Acme Analytics Ltd.'), { rules: [ruleById(RULE)], markdown: true })).findings;
      expect([finding?.severity, finding?.kind]).toEqual(['warning', 'review']);
      expect(finding?.message).toContain('The text says the data goes to "Acme Analytics Ltd", but no declared party has that name.');
    });
  });

  describe('kinds of recipient', () => {
    it.each([
      ['Records may be disclosed to the police on request.', 'police'],
      ['Extracts are sold to insurance companies.', 'insurance companies'],
      ['Data is shared with a team of university researchers.', 'university'],
      ['Data is shared with researchers at the hospital.', 'researchers'],
      ['Reports are sent to the local authority monthly.', 'local authority'],
      ['Extracts are provided to pharmaceutical companies.', 'pharmaceutical companies'],
      ['Lists are passed to marketing agencies.', 'marketing agencies'],
    ])('reports "%s" at the kind', async (body, words) => {
      const text = md(body);
      expect(await lint(text)).toEqual([`undeclared-kind ${rangeOf(text, words)}`]);
    });

    it('accepts a kind declared by organisation type, by purpose or by name', async () => {
      const police = YAML + '  - { id: police, name: Example Constabulary, org_type: police }\n';
      expect(await lint(md('Records may be disclosed to the police.', police))).toEqual([]);
      const research = `${YAML}purposes:\n  - { id: study, category: research }\n`;
      expect(await lint(md('Data is shared with university researchers.', research))).toEqual([]);
      const council = YAML + '  - { id: la, name: Example County Council }\n';
      expect(await lint(md('Reports are sent to the local authority.', council))).toEqual([]);
    });

    it('is quiet when the sentence denies the sharing', async () => {
      expect(await lint(md('The data will never be shared with insurers or marketing companies.'))).toEqual([]);
      expect(await lint(md('No data is disclosed to the police unless a court orders it.'))).toEqual([]);
    });

    it('looks for the kind only in the first few words after the verb', async () => {
      expect(await lint(md('Records are sent to the surgery so that the practice can tell the police.'))).toEqual([]);
    });
  });

  describe('uses of the data', () => {
    it('reports marketing, research or insurance with no such purpose', async () => {
      const text = md('Contact details may be used for marketing.');
      expect(await lint(text)).toEqual([`undeclared-purpose ${rangeOf(text, 'marketing')}`]);
      const research = md('Anonymised counts are used for health research.');
      expect(await lint(research)).toEqual([`undeclared-purpose ${rangeOf(research, 'research')}`]);
    });

    it('is quiet when the purpose is declared or denied', async () => {
      expect(await lint(md('Counts are used for research.', `${YAML}purposes:\n  - { id: study, category: research }\n`))).toEqual([]);
      expect(await lint(md('Data will never be used for marketing or research.'))).toEqual([]);
    });
  });

  it('has no false positives on an ordinary well-written body', async () => {
    const body = [
      '# Medical examiner scrutiny of deaths in the community',
      '',
      'This agreement lets Example Surgery share a summary of the final illness with the Medical Examiner Office when a patient dies ' +
        'in the community. The Medical Examiner Office is hosted by Example Hospitals NHS Trust.',
      '',
      '## What is shared',
      '',
      'For each death notified to it, the office asks the surgery for records relevant to the cause of death. The surgery sends a ' +
        'summary by NHSmail, reviewed by a GP before it is sent. Third-party information is removed. Access by the Medical Examiner ' +
        'Office is per request and read-only.',
      '',
      '## What is not shared',
      '',
      'Nothing is shared with any other organisation. The data will not be used for research, marketing or insurance, and is never ' +
        'disclosed to the police except under a court order, which is outside this agreement.',
      '',
      '## Governance',
      '',
      'The Caldicott Guardian and Data Protection Officer of each party have approved this version. Questions go to the ' +
        'Data Protection Officer, Example Hospitals NHS Trust. The ICB is told of any breach.',
    ].join('\n');
    expect(await lint(md(body))).toEqual([]);
    expect(await lint(md(body, STARTER.replace(/^#.*\n/gm, '')))).toEqual([]);
  });

  it('does nothing for a YAML agreement, including the starter', async () => {
    expect(await lintWithRule(RULE, YAML.replace('title: Example', 'title: Shared with Acme Ltd'))).toEqual([]);
    expect(await lintWithRule(RULE, STARTER)).toEqual([]);
  });
});
