/**
 * Word wrapping of plain text without wrap-ansi. wrap-ansi measures each word's display width
 * with string-width, whose start-up alone (an `Intl.Segmenter`, Unicode property regexes)
 * costs about 40 ms; in printable ASCII every character is one column and its own grapheme,
 * so the same wrapping needs no measuring. The colour codes dsalint itself writes (bold,
 * underline, the 16 foreground colours and their resets) are handled as wrap-ansi handles
 * them. The bundled CLI loads wrap-ansi only when other text needs it (LAZY_LIBRARIES,
 * src/scripts/cli-bundle.ts).
 */

/** Printable ASCII, line breaks and simple colour codes (checked one by one below). */
const PLAIN = /^(?:[\x20-\x7e\n]|\u001b\[\d{1,3}m)*$/;
const COLOUR_CODE = /\u001b\[(\d{1,3})m/g;

/** A style in effect, as wrap-ansi tracks it: its family, the code that opened it and the one that closes it. */
interface Style {
  readonly family: string;
  readonly open: number;
  readonly close: number;
}

/** What a colour code does to the styles in effect (the codes this path accepts: see `isSimpleCode`). */
function applyCode(code: number, styles: Style[], resetsOnly = false): void {
  const remove = (keep: (s: Style) => boolean): void => {
    const kept = styles.filter(keep);
    styles.splice(0, styles.length, ...kept);
  };
  if (code === 0) return remove(() => false);
  if (code === 39) return remove((s) => s.family !== 'foreground');
  if (code === 22 || code === 24) return remove((s) => !(s.family.startsWith('modifier-') && s.close === code));
  if (resetsOnly) return;
  const style: Style = (code >= 30 && code <= 37) || (code >= 90 && code <= 97) ? { family: 'foreground', open: code, close: 39 } : { family: `modifier-${code}`, open: code, close: code === 1 ? 22 : 24 };
  remove((s) => s.family !== style.family);
  styles.push(style);
}

/** Reset, bold, underline, the 16 foreground colours and their resets: what wrap-ansi reads as no more than that. */
const isSimpleCode = (code: number): boolean => [0, 1, 4, 22, 24, 39].includes(code) || (code >= 30 && code <= 37) || (code >= 90 && code <= 97);

/**
 * `wrapAnsi(text, width, { hard: false, trim: true })` for printable ASCII with simple colour
 * codes, or undefined for any other text. Byte for byte wrap-ansi's result
 * (tests/wrap.test.ts compares them): breaks only at spaces, a word longer than the width
 * stays whole on a row of its own, each row loses its leading and trailing spaces, a line
 * of only spaces becomes empty, and colours are closed at the end of each row and opened
 * again on the next.
 */
export function wrapPlain(text: string, width: number): string | undefined {
  if (!PLAIN.test(text)) return undefined;
  for (const [, code] of text.matchAll(COLOUR_CODE)) if (!isSimpleCode(Number(code))) return undefined;
  return text
    .split('\n')
    .map((line) => wrapPlainLine(line, width))
    .join('\n');
}

const visibleLength = (text: string): number => text.replace(COLOUR_CODE, '').length;

function wrapPlainLine(line: string, width: number): string {
  if (line.trim() === '') return '';
  const rows = [''];
  let rowLength = 0;
  let first = true;
  for (const word of line.split(' ')) {
    const wordLength = visibleLength(word);
    // As in wrap-ansi, the space goes on before the row is known to have room for the word (it is trimmed below).
    if (first) first = false;
    else if (rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (rowLength + wordLength > width && rowLength > 0 && wordLength > 0) {
      rows.push('');
      rowLength = 0;
    }
    rows[rows.length - 1] += word;
    rowLength += wordLength;
  }
  const trimmed = rows.map(trimEndKeepingCodes);
  return trimmed.length > 1 && line.includes('\u001b') ? restoreStyles(trimmed) : trimmed.join('\n');
}

/** A row without its trailing spaces, keeping the colour codes among and after them. */
function trimEndKeepingCodes(row: string): string {
  if (!row.includes(' ')) return row;
  const pieces = row.split(/(\u001b\[\d{1,3}m)/);
  for (let i = pieces.length - 1; i >= 0; i -= 2) {
    // Even indexes are text, odd ones colour codes.
    pieces[i] = pieces[i]!.replace(/ +$/, '');
    if (pieces[i]!.length > 0) break;
  }
  return pieces.join('');
}

/** The rows joined, each closing the styles in effect at its end and the next opening them again. */
function restoreStyles(rows: readonly string[]): string {
  const styles: Style[] = [];
  let out = '';
  rows.forEach((row, i) => {
    if (i > 0) {
      // The styles in effect, less any the next row's leading codes reset.
      const opening = [...styles];
      for (const [, code] of /^(?:\u001b\[\d{1,3}m)*/.exec(row)![0].matchAll(COLOUR_CODE)) applyCode(Number(code), opening, true);
      if (row.length > 0) out += opening.map((s) => `\u001b[${s.open}m`).join('');
    }
    out += row;
    for (const [, code] of row.matchAll(COLOUR_CODE)) applyCode(Number(code), styles);
    if (i < rows.length - 1) out += `${row.length > 0 ? [...styles].reverse().map((s) => `\u001b[${s.close}m`).join('') : ''}\n`;
  });
  return out;
}
