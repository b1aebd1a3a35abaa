/**
 * Realistic agreement documents built in the test, in every format dsalint imports: a Word
 * document made with the `docx` library (heading styles, numbered clauses, a parties table),
 * a text PDF made with pdf-lib, a PDF with no text layer (as a scan is), an OpenDocument
 * file zipped by hand, and broken ones (encrypted PDF, corrupt docx, zip bomb).
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { zipSync, strToU8 } from 'fflate';

/** The agreement, in the NHS England data sharing agreement template's shape. */
export const AGREEMENT = {
  title: 'Data Sharing Agreement: Medical Examiner Scrutiny',
  reference: 'NS-DSA-2026-014',
  version: '1.2',
  sections: [
    {
      heading: '1. Introduction',
      clauses: [
        ['1.1', 'This agreement is between Northshire Integrated Care Board and Riverside Medical Practice.'],
        ['1.2', 'The agreement comes into force on 1 April 2026 and has a review date of 31 March 2027.'],
      ],
    },
    {
      heading: '2. Purpose',
      clauses: [
        ['2.1', 'The ICB will use the information for research and for service planning.'],
        ['2.2', 'The medical examiner will not have access to the whole record.'],
      ],
    },
    {
      heading: '3. Access',
      clauses: [['3.1', 'The ICB will have full access to the clinical system of the practice.']],
    },
    {
      heading: '4. Retention',
      clauses: [
        ['4.1', 'Information will be kept for as long as the ICB considers necessary.'],
        ['4.2', 'Summaries may be passed to Northshire County Council on request.'],
      ],
    },
  ],
  parties: [
    ['Northshire Integrated Care Board', '15N'],
    ['Riverside Medical Practice', 'Y01234'],
  ],
} as const;

export async function buildDocx(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: AGREEMENT.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `Reference: ${AGREEMENT.reference}`, bold: true })] }),
    new Paragraph({ text: `Version ${AGREEMENT.version}` }),
  ];
  for (const section of AGREEMENT.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const [number, text] of section.clauses) children.push(new Paragraph({ text: `${number} ${text}` }));
  }
  children.push(new Paragraph({ text: '5. Parties', heading: HeadingLevel.HEADING_1 }));
  children.push(
    new Table({
      rows: [
        new TableRow({ children: ['Organisation', 'ODS code'].map((t) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold: true })] })] })) }),
        ...AGREEMENT.parties.map(([name, ods]) => new TableRow({ children: [name, ods].map((t) => new TableCell({ children: [new Paragraph(t)] })) })),
      ],
    }),
  );
  // A Word-numbered list: its numbers come from the numbering definitions, not the text.
  children.push(new Paragraph({ text: '6. Security', heading: HeadingLevel.HEADING_1 }));
  for (const text of ['Data is sent by NHSmail.', 'Access is audited.']) {
    children.push(new Paragraph({ text, numbering: { reference: 'clauses', level: 0 } }));
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'clauses', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF with a real text layer: headings set larger than the clauses. */
export async function buildTextPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size: number, f = font): void => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    page.drawText(text, { x: 56, y, size, font: f });
    y -= size * 1.5;
  };
  line(AGREEMENT.title, 18, bold);
  y -= 8;
  line(`Reference: ${AGREEMENT.reference}`, 11);
  line(`Version ${AGREEMENT.version}`, 11);
  for (const section of AGREEMENT.sections) {
    y -= 10;
    line(section.heading, 14, bold);
    for (const [number, text] of section.clauses) line(`${number} ${text}`, 10);
  }
  return pdf.save();
}

/** A PDF whose pages are only drawn shapes, as a scanned document's are only images. */
export async function buildScannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 2; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 1 });
  }
  return pdf.save();
}

/** A PDF with an /Encrypt dictionary whose user password is not empty. */
export function buildEncryptedPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';

export function buildOdt(): Uint8Array {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let body = `<text:h text:outline-level="1">${esc(AGREEMENT.title)}</text:h><text:p>Reference: ${AGREEMENT.reference}</text:p>`;
  for (const section of AGREEMENT.sections) {
    body += `<text:h text:outline-level="2">${esc(section.heading)}</text:h>`;
    for (const [number, text] of section.clauses) body += `<text:p>${number}<text:s/>${esc(text)}</text:p>`;
  }
  body += '<text:h text:outline-level="2">5. Security</text:h><text:list><text:list-item><text:p>Data is sent by NHSmail.</text:p>';
  body += '<text:list><text:list-item><text:p>Using encryption.</text:p></text:list-item></text:list></text:list-item></text:list>';
  body += '<table:table><table:table-row><table:table-cell><text:p>Organisation</text:p></table:table-cell><table:table-cell><text:p>ODS code</text:p></table:table-cell></table:table-row>';
  for (const [name, ods] of AGREEMENT.parties) body += `<table:table-row><table:table-cell><text:p>${name}</text:p></table:table-cell><table:table-cell><text:p>${ods}</text:p></table:table-cell></table:table-row>`;
  body += '</table:table>';
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODT_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) });
}

/** A docx-shaped zip whose document.xml inflates a thousandfold, as a zip bomb's layers do. */
export function buildZipBomb(): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 1 });
}

/** The same agreement as plain text, as someone pasting from an email would have it. */
export function agreementText(): string {
  const lines = [AGREEMENT.title, '', `Reference: ${AGREEMENT.reference}`, `Version ${AGREEMENT.version}`, ''];
  for (const section of AGREEMENT.sections) {
    lines.push(section.heading, '');
    for (const [number, text] of section.clauses) lines.push(`${number} ${text}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * A fuller agreement in the same shape, stating its terms plainly enough to draft: a purpose
 * with its lawful basis, the data, who shares with whom, and a definite retention period;
 * and, beside each, a clause that must not be drafted (negated, open-ended, two readings).
 */
export const FULL_AGREEMENT = {
  title: 'Data Sharing Agreement: Medical Examiner Scrutiny of Deaths',
  sections: [
    {
      heading: '1. Parties',
      clauses: [['1.1', 'This agreement is between Riverside Medical Practice and Northshire Medical Examiner Office.']],
    },
    {
      heading: '2. Purpose of the sharing',
      clauses: [
        ['2.1', 'The information is shared for the scrutiny of deaths by the medical examiner, under Article 6(1)(e) and Article 9(2)(h) of the UK GDPR.'],
        ['2.2', 'The information will not be used for research.'],
      ],
    },
    {
      heading: '3. Data to be shared',
      clauses: [
        ['3.1', 'The data shared includes the NHS number, name, date of birth, diagnoses and medications of the deceased patient.'],
        ['3.2', 'The whole record will not be shared.'],
      ],
    },
    {
      heading: '4. How the data is shared',
      clauses: [
        ['4.1', 'Riverside Medical Practice will share the relevant records of each death with Northshire Medical Examiner Office by NHSmail.'],
        ['4.2', 'Northshire Medical Examiner Office will not pass the information to any other organisation.'],
      ],
    },
    {
      heading: '5. Retention',
      clauses: [
        ['5.1', 'Northshire Medical Examiner Office will retain the information for 8 years from the date of receipt and then destroy it securely.'],
        ['5.2', 'Riverside Medical Practice keeps its own records for as long as the patient record is kept.'],
      ],
    },
  ],
} as const;

export async function buildFullDocx(): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ text: FULL_AGREEMENT.title, heading: HeadingLevel.TITLE })];
  for (const section of FULL_AGREEMENT.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const [number, text] of section.clauses) children.push(new Paragraph({ text: `${number} ${text}` }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
