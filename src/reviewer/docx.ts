/**
 * The reviewer's report as a Word letter (`dsalint lint --format review-docx -o letter.docx`):
 * the same content as the printable report (verdict first, then the requests under "Must be
 * fixed", "Worth asking" and "For information", then the detail for whoever edits the
 * agreement and each piece of law once), for a reviewer who edits and forwards a Word document.
 * The `docx` library is loaded only here, so no other command pays for it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { LintRun } from '../core/types.js';
import { formatDate, revealHidden } from '../core/summary.js';
import { byWeight, lawOf, pointNumbers, reviewRun, WEIGHT_LABELS, type AgreementReview } from './model.js';

type Docx = typeof import('docx');

/** Text for Word: hidden characters shown (as the HTML report does), backticks of field names dropped. */
const plain = (value: string): string => revealHidden(value).replace(/`/g, '');

const WEIGHT_COLOURS: Record<'must' | 'should' | 'note', string> = { must: 'B1140C', should: '6B4400', note: '1D4F91' };

function agreementParagraphs(docx: Docx, review: AgreementReview, asOf: string, first: boolean): InstanceType<Docx['Paragraph']>[] {
  const { Paragraph, TextRun, HeadingLevel } = docx;
  const small = (text: string): InstanceType<Docx['TextRun']> => new TextRun({ text: plain(text), size: 16, color: '4A4A48' });
  const out: InstanceType<Docx['Paragraph']>[] = [
    new Paragraph({ text: plain(`Review of “${review.title}”`), heading: HeadingLevel.HEADING_1, pageBreakBefore: !first }),
    new Paragraph({ children: [small(`${review.importedFrom ? `Imported from ${review.importedFrom}` : `File ${review.file}`}. Checked by dsalint as of ${formatDate(asOf)}.`)] }),
    new Paragraph({ text: review.verdict.headline, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ children: [new TextRun({ text: plain(review.verdict.text), bold: true })] }),
  ];
  if (review.points.length) {
    out.push(new Paragraph({ text: 'What to ask for', heading: HeadingLevel.HEADING_2 }));
    for (const group of byWeight(review.points)) {
      out.push(new Paragraph({ children: [new TextRun({ text: `${WEIGHT_LABELS[group.weight]} (${group.points.length})`, bold: true, color: WEIGHT_COLOURS[group.weight] })], spacing: { before: 160 } }));
      group.points.forEach((p, i) =>
        out.push(
          new Paragraph({
            children: [new TextRun({ text: `${group.start + i}. ` }), new TextRun({ text: plain(p.request) }), new TextRun({ text: ` (${plain(p.where)})`, color: '4A4A48' })],
            indent: { left: 360, hanging: 360 },
            spacing: { after: 80 },
          }),
        ),
      );
    }
    out.push(new Paragraph({ text: 'For whoever edits the agreement', heading: HeadingLevel.HEADING_2, pageBreakBefore: true }));
    review.points.forEach((p, i) =>
      out.push(
        new Paragraph({
          children: [
            small(`${i + 1}. `),
            new TextRun({ text: plain(`${p.where}, line ${p.line}`), size: 16, bold: true }),
            ...(p.quote ? [small(`: “${p.quote}”`)] : []),
            small(`. ${p.ruleId} (${p.severity})${p.message !== p.request ? `: ${p.message}` : '.'}`),
          ],
          indent: { left: 360, hanging: 360 },
        }),
      ),
    );
    out.push(new Paragraph({ text: 'Law and guidance', heading: HeadingLevel.HEADING_2 }));
    for (const law of lawOf(review.points)) out.push(new Paragraph({ children: [small(`${law.label} (${pointNumbers(law.points)}).`)] }));
  }
  for (const note of review.notes) out.push(new Paragraph({ children: [small(note)] }));
  if (review.waived) out.push(new Paragraph({ children: [small(`${review.waived === 1 ? 'One finding was' : `${review.waived} findings were`} waived by the agreement's authors and is not listed.`)] }));
  return out;
}

/** The letter's bytes. Deterministic: the document's dates are fixed to the run's date, not the clock. */
export async function reviewDocx(run: LintRun): Promise<Uint8Array> {
  const docx = await import('docx');
  const reviews = reviewRun(run);
  const children = reviews.length ? reviews.flatMap((r, i) => agreementParagraphs(docx, r, run.asOf, i === 0)) : [new docx.Paragraph('No agreement files were found.')];
  children.push(
    new docx.Paragraph({
      children: [
        new docx.TextRun({
          text: `dsalint ${run.tool.version} checks an agreement against UK data protection law and NHS guidance as written; it does not replace the judgement of your Caldicott Guardian or Data Protection Officer.`,
          size: 16,
          color: '4A4A48',
        }),
      ],
      spacing: { before: 240 },
    }),
  );
  const document = new docx.Document({
    creator: 'dsalint',
    title: reviews.length === 1 ? plain(`Review of “${reviews[0]!.title}”`) : 'Review of data sharing agreements',
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } }, children }],
  });
  return stampedAt(new Uint8Array(await docx.Packer.toBuffer(document)), run.asOf);
}

/**
 * The same run must give the same bytes, but docx stamps the document's creation time and the zip
 * entries' times from the clock (in local time). Rewrite both as the run's date: the core
 * properties' timestamps, and every entry's time, given as local noon so any time zone reads the
 * same date.
 */
function stampedAt(bytes: Uint8Array, asOf: string): Uint8Array {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day, 12);
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = `${asOf}T00:00:00Z`;
    files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`));
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])));
}
