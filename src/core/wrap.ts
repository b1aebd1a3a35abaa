/**
 * Word wrapping of plain text without wrap-ansi. wrap-ansi measures each word's display width
 * with string-width, whose start-up alone (an `Intl.Segmenter`, Unicode property regexes)
 * costs about 40 ms; in printable ASCII every character is one column and its own grapheme,
 * so the same wrapping needs no measuring. The bundled CLI loads wrap-ansi only when text
 * outside this path needs it (LAZY_LIBRARIES, src/scripts/cli-bundle.ts).
 */

/** Printable ASCII and line breaks: no colour codes, tabs, wide or combining characters. */
const PLAIN = /^[\x20-\x7e\n]*$/;

/**
 * `wrapAnsi(text, width, { hard: false, trim: true })` for plain text, or undefined when the
 * text is not plain. Byte for byte wrap-ansi's result (tests/wrap.test.ts compares them):
 * breaks only at spaces, a word longer than the width stays whole on a row of its own, each
 * row loses its leading and trailing spaces, and a line of only spaces becomes empty.
 */
export function wrapPlain(text: string, width: number): string | undefined {
  if (!PLAIN.test(text)) return undefined;
  return text
    .split('\n')
    .map((line) => wrapPlainLine(line, width))
    .join('\n');
}

function wrapPlainLine(line: string, width: number): string {
  if (line.trim() === '') return '';
  const rows = [''];
  let rowLength = 0;
  let first = true;
  for (const word of line.split(' ')) {
    // As in wrap-ansi, the space goes on before the row is known to have room for the word (it is trimmed below).
    if (first) first = false;
    else if (rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (rowLength + word.length > width && rowLength > 0 && word.length > 0) {
      rows.push('');
      rowLength = 0;
    }
    rows[rows.length - 1] += word;
    rowLength += word.length;
  }
  return rows.map((row) => row.replace(/ +$/, '')).join('\n');
}
