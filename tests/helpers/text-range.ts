/**
 * Expected ranges for rule tests, worked out from the test text itself rather than by the
 * engine: `rangeOf(text, 'P8Y')` is `L:C-L:C` of the first `P8Y` (1-based, UTF-16 columns,
 * lines ending at LF, CRLF or CR), so a test states *which words* a finding must cover.
 */
export function rangeOf(text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} time(s) in the test text`);
  }
  return `${position(text, index)}-${position(text, index + needle.length)}`;
}

function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}
