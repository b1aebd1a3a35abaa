/**
 * The register as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled), one row
 * per agreement, for a spreadsheet or a publication scheme. Lists inside a cell are joined
 * with "; ". A cell that a spreadsheet would run as a formula (starting =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, because agreement text is untrusted.
 */
import type { Register } from './register.js';

export const REGISTER_COLUMNS = [
  'File',
  'Agreement id',
  'Title',
  'Kind',
  'Status',
  'Parties',
  'Recipients',
  'Purposes and lawful basis',
  'Data categories',
  'Population',
  'Effective from',
  'Review by',
  'Expires',
  'DPIA',
  'Sign-offs',
  'Open errors',
  'Open warnings',
  'Open points to review',
  'Open information',
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerCsv(register: Register): string {
  const lines = [REGISTER_COLUMNS.map(csvCell).join(',')];
  for (const r of register.rows) {
    const cells: (string | number)[] = [
      r.file,
      r.id,
      r.title,
      r.kind,
      r.status,
      r.parties.join('; '),
      r.recipients.join('; '),
      r.purposes.join('; '),
      r.dataCategories.join('; '),
      r.population,
      r.effectiveFrom,
      r.reviewBy,
      r.expires,
      r.dpia,
      r.signOffs.join('; '),
      r.open.error,
      r.open.warning,
      r.open.review,
      r.open.info,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
