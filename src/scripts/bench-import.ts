/**
 * The reviewer's path, timed for `npm run bench`: a 40-page agreement as a Word document and
 * as a PDF, imported and then linted by the built CLI, each a fresh process as a reviewer
 * runs them. Target: import plus lint under 2 seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const TOPICS = ['Purpose', 'Parties', 'Legal basis', 'Data to be shared', 'Data flows', 'Security', 'Retention and disposal', 'Data subject rights', 'Breaches', 'Review', 'Termination', 'Sign-off'];
const CLAUSE =
  'The parties will share only the information needed for the purpose described in this section, and each party remains responsible for the ' +
  'information it holds. Requests are made in writing, recorded, and answered within ten working days; disclosures are logged and audited monthly.';

/** About 40 A4 pages of numbered clauses: 12 sections of 28 clauses, each clause some 40 words. */
function sections(): { heading: string; clauses: string[] }[] {
  return TOPICS.map((topic, s) => ({
    heading: `${s + 1}. ${topic}`,
    clauses: Array.from({ length: 28 }, (_, c) => `${s + 1}.${c + 1} ${c === 3 && s === 6 ? 'Records will be kept for as long as the ICB considers necessary.' : CLAUSE}`),
  }));
}

async function buildDocx(): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
  const children = [new Paragraph({ text: 'Data Sharing Agreement: Population Health Management', heading: HeadingLevel.TITLE }), new Paragraph('Reference: NS-DSA-2026-040')];
  for (const section of sections()) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const clause of section.clauses) children.push(new Paragraph(clause));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function buildPdf(): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size: number): void => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    page.drawText(text, { x: 56, y, size, font });
    y -= size * 1.6;
  };
  line('Data Sharing Agreement: Population Health Management', 16);
  for (const section of sections()) {
    line(section.heading, 13);
    for (const clause of section.clauses) {
      // Wrap at about 95 characters, as a word processor would.
      const words = clause.split(' ');
      let current = '';
      for (const word of words) {
        if ((current + word).length > 95) {
          line(current.trimEnd(), 10);
          current = '';
        }
        current += `${word} `;
      }
      line(current.trimEnd(), 10);
    }
  }
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}

function timed(cli: string, args: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'ignore' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`dsalint ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

export interface ImportTiming {
  readonly document: string;
  readonly importMs: number;
  readonly lintMs: number;
}

/** Median import and lint times (fresh processes, 5 runs) for the 40-page agreement as .docx and as .pdf. */
export async function benchImport(root: string, cli: string): Promise<ImportTiming[]> {
  const dir = join(root, 'import');
  await mkdir(dir, { recursive: true });
  const pdf = await buildPdf();
  await writeFile(join(dir, 'agreement.docx'), await buildDocx());
  await writeFile(join(dir, 'agreement.pdf'), pdf.bytes);
  const out: ImportTiming[] = [];
  for (const name of ['agreement.docx', 'agreement.pdf']) {
    const imports: number[] = [];
    const lints: number[] = [];
    for (let i = 0; i < 5; i++) {
      imports.push(timed(cli, ['import', name, '-o', `${name}.dsa.md`, '--force'], dir));
      lints.push(timed(cli, ['lint', `${name}.dsa.md`, '--as-of', '2026-11-01'], dir));
    }
    out.push({ document: name.endsWith('pdf') ? `40-page agreement, PDF (${pdf.pages} pages)` : '40-page agreement, Word', importMs: median(imports), lintMs: median(lints) });
  }
  return out;
}
