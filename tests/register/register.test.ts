/**
 * The register: its rows, CSV, HTML and JSON-LD, from the examples (judged as of their fixed
 * day) and from small projects. The JSON-LD is read back as RDF by the jsonld library, with a
 * document loader that refuses every request, and checked triple by triple.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import jsonld from 'jsonld';
import { registerCommand } from '../../src/register/command.js';
import { csvCell, REGISTER_COLUMNS } from '../../src/register/csv.js';
import { flowMapMermaid } from '../../src/register/flowmap.js';
import { registerMarkdown } from '../../src/register/markdown.js';
import { REGISTER_CSP } from '../../src/register/html.js';
import { runCli, tempProject } from '../helpers/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AS_OF = '2026-11-01';
const estate = (format: 'csv' | 'html' | 'jsonld') => registerCommand({ paths: ['examples/safeguarding-estate'], cwd: root, format, window: 'P90D', asOf: AS_OF });

/** Parse CSV as RFC 4180 (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('the register', () => {
  it('has one CSV row per agreement, with purposes, bases, dates, sign-offs and open findings', async () => {
    const rows = parseCsv((await estate('csv')).text);
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['NFD-SG-2026-003', 'NFD-SG-2026-001', 'NFD-SG-2026-002']);
    const perCase = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, rows[2]![i]]));
    expect(perCase).toEqual({
      File: 'examples/safeguarding-estate/per-case-records.dsa.yaml',
      'Agreement id': 'NFD-SG-2026-001',
      Title: 'Records of a named child for safeguarding enquiries',
      Kind: 'sharing agreement',
      Status: 'active',
      Parties: "Northfield Surgery (controller); Northfield Council Children's Safeguarding Team (controller)",
      Recipients: "Northfield Council Children's Safeguarding Team",
      'Purposes and lawful basis':
        'Safeguarding an individual at risk: Art 6(1)(e) public task; Art 9(2)(g) substantial public interest; common law: overriding public interest (decided case by case)',
      'Data categories': 'The whole record ("all data")',
      Population: 'One identified person per request: The child named in each section 47 enquiry, and only them.',
      'Effective from': '2026-04-01',
      'Review by': '2027-03-31',
      Expires: '2028-03-31',
      DPIA: 'NFD-DPIA-2026-03, completed 2026-03-10',
      'Sign-offs':
        "Dr C Moss, Caldicott Guardian, Northfield Surgery, 2026-03-20, version 1.0.0; D Reed, Data Protection Officer, Northfield Surgery, 2026-03-18, version 1.0.0; E Hart, Caldicott Guardian, Northfield Council Children's Safeguarding Team, 2026-03-22, version 1.0.0; F Lowe, Data Protection Officer, Northfield Council Children's Safeguarding Team, 2026-03-21, version 1.0.0",
      'Open errors': '3',
      'Open warnings': '0',
      'Open points to review': '0',
      'Open information': '0',
    });
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', () => {
    expect(['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', 'plain', 'a, b', 'say "hi"'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+1",
      "'-1",
      "'@SUM(A1)",
      'plain',
      '"a, b"',
      '"say ""hi"""',
    ]);
  });

  it('lists what falls due in the window, and maps the flows of the agreements in force', async () => {
    const { register } = await registerCommand({ paths: ['examples'], cwd: root, format: 'csv', window: 'P90D', asOf: AS_OF });
    expect(register.due.map((d) => `${d.date} ${d.id} ${d.what}`)).toEqual(['2027-01-14 RIV-COR-2026-001 review']);
    // The estate's three agreements are one edge from the surgery to the team, carrying the union of their data.
    const team = register.organisations.find((o) => o.name === "Northfield Council Children's Safeguarding Team")!;
    const edge = register.flows.find((f) => f.to === team.key)!;
    expect(edge.agreements).toEqual(['NFD-SG-2026-001', 'NFD-SG-2026-002', 'NFD-SG-2026-003']);
    expect(edge.categories).toEqual(['date_of_birth', 'full_record', 'name', 'nhs_number', 'safeguarding']);
    expect(register.matrix.cells.get(`${team.name}\u0000full_record`)).toEqual(['NFD-SG-2026-001']);
    // Drafts and expired agreements are in the register but not on the map.
    expect(register.rows.map((r) => r.id)).toContain('ACME-GP-2026-09');
    expect(register.flows.flatMap((f) => f.agreements)).not.toContain('ACME-GP-2026-09');
  });

  it('draws the map as Mermaid with every name escaped', async () => {
    const { register } = await estate('csv');
    expect(flowMapMermaid(register)).toBe(
      [
        'flowchart LR',
        '  o1["Northfield Council Children\'s Safeguarding Team"]',
        '  o2["Northfield Surgery"]',
        '  o2 -->|"Safeguarding an individual at risk"| o1',
      ].join('\n'),
    );
  });

  it('writes the register in Markdown for the job summary, with the flow map as a Mermaid block', async () => {
    const { register } = await estate('csv');
    const text = registerMarkdown(register);
    expect(text).toContain('| NFD-SG-2026-001 | Records of a named child for safeguarding enquiries | active | Northfield Council Children\'s Safeguarding Team | 2027-03-31 / 2028-03-31 |           3 |');
    expect(text).toContain(`### Flow map\n\nWho sends data to whom, under the agreements in force.\n\n\`\`\`mermaid\n${flowMapMermaid(register)}\n\`\`\`\n`);
    expect(registerMarkdown(register, { maxRows: 1 })).toContain('… and 2 more agreements; the register file has them all.');
  });

  it('is a self-contained HTML page whose policy forbids the network', async () => {
    const { text } = await estate('html');
    expect(REGISTER_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'/);
    expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="${REGISTER_CSP.replace(/'/g, '&#x27;')}">`);
    expect(text).not.toMatch(/\b(src|href)="https?:/);
    expect(text).toContain('<svg');
  });
});

type Quad = { subject: { value: string }; predicate: { value: string }; object: { value: string; termType: string } };

async function triples(doc: object): Promise<Quad[]> {
  return (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    documentLoader: async (url: string) => {
      throw new Error(`no network: ${url}`);
    },
  })) as unknown as Quad[];
}

const DPV = 'https://w3id.org/dpv#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const IDENTIFIER = 'http://purl.org/dc/terms/identifier';

describe('the JSON-LD export (W3C Data Privacy Vocabulary)', () => {
  it('reads back as RDF with the agreement, its process, purpose, bases, data, recipient and retention', async () => {
    const cwd = await tempProject({});
    const { text } = await registerCommand({ paths: [join(root, 'examples/safeguarding/per-case-requests.dsa.yaml')], cwd, format: 'jsonld', window: 'P90D', asOf: AS_OF });
    const quads = await triples(JSON.parse(text));
    const objects = (s: string, p: string): string[] => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    const subjects = (p: string, o: string): string[] => quads.filter((q) => q.predicate.value === p && q.object.value === o).map((q) => q.subject.value);

    const [agreement] = subjects(IDENTIFIER, 'RIV-SG-2026-007');
    expect(objects(agreement!, RDF_TYPE)).toEqual([`${DPV}DataProcessingAgreement`]);
    expect(objects(agreement!, `${DPV}hasApplicableLaw`).sort()).toEqual(['https://w3id.org/dpv/legal/gb#law-DPA', 'https://w3id.org/dpv/legal/gb#law-GDPR']);
    const [process] = objects(agreement!, `${DPV}hasPersonalDataProcess`);
    expect(objects(process!, RDF_TYPE)).toEqual([`${DPV}PersonalDataProcess`]);
    expect(objects(process!, `${DPV}hasLegalBasis`).filter((b) => b.startsWith('https://')).sort()).toEqual([
      'https://w3id.org/dpv/legal/eu/gdpr#A6-1-e',
      'https://w3id.org/dpv/legal/eu/gdpr#A9-2-g',
    ]);
    const [purpose] = objects(process!, `${DPV}hasPurpose`);
    expect(objects(purpose!, RDF_TYPE)).toEqual([`${DPV}Purpose`]);
    expect(objects(purpose!, LABEL)).toEqual(['Safeguarding an individual at risk']);
    const data = objects(process!, `${DPV}hasPersonalData`);
    const special = data.filter((d) => objects(d, RDF_TYPE).includes(`${DPV}SpecialCategoryPersonalData`)).flatMap((d) => objects(d, IDENTIFIER));
    expect(special.sort()).toEqual(['diagnoses_problems', 'safeguarding']);
    const [recipient] = objects(process!, `${DPV}hasRecipient`);
    expect(objects(recipient!, LABEL)).toEqual(['Riverside Integrated Care Board, Safeguarding Team']);
    const [storage] = objects(process!, `${DPV}hasStorageCondition`);
    expect(objects(storage!, RDF_TYPE)).toEqual([`${DPV}StorageDuration`]);
    expect(quads.find((q) => q.subject.value === storage && q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value')?.object).toMatchObject({
      value: 'P8Y',
      datatype: { value: 'http://www.w3.org/2001/XMLSchema#duration' },
    });
  });

  it('gives one node per organisation across the register, so a recipient links its agreements', async () => {
    const quads = await triples(JSON.parse((await estate('jsonld')).text));
    const recipients = new Set(quads.filter((q) => q.predicate.value === `${DPV}hasRecipient`).map((q) => q.object.value));
    expect(recipients.size).toBe(1);
    expect(quads.filter((q) => q.predicate.value === `${DPV}hasPersonalDataProcess`)).toHaveLength(3);
  });
});

describe('dsalint register', () => {
  it('writes CSV for a folder and exits 0, whatever the findings', async () => {
    const result = await runCli(['register', 'examples/safeguarding-estate', '--format', 'csv', '--as-of', AS_OF], root);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe(REGISTER_COLUMNS.join(','));
  });

  it('names files left out of the register, and exits 2 when a path cannot be read, there is nothing to register or the window is not a duration', async () => {
    const dir = await tempProject({ 'broken.dsa.yaml': 'dsalint: 1\nid: X\ntitle: T\nretension: []\n' });
    const broken = await runCli(['register', '.', '--format', 'csv'], dir);
    expect(broken.code).toBe(0);
    expect(broken.stderr).toBe('dsalint: broken.dsa.yaml is left out of the register: it does not match the format (run dsalint lint broken.dsa.yaml).\n');
    const missing = await runCli(['register', 'nothing-here'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing-here could not be read');
    expect((await runCli(['register', '.'], await tempProject({}))).code).toBe(2);
    const window = await runCli(['register', '.', '--window', '90 days'], dir);
    expect(window.code).toBe(2);
    expect(window.stderr).toContain("option '--window <duration>' argument '90 days' is invalid. must be an ISO 8601 duration");
  });
});
