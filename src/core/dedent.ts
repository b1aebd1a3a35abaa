/**
 * Readable multi-line text in code: a template literal indented with the code around it,
 * with that indentation removed. Rule examples use it so an agreement reads as YAML:
 *
 *   agreement: yaml`
 *     dsalint: 1
 *     id: EX-001
 *   `,
 *
 * The first line break (after the opening backtick) and the last line's indentation (before
 * the closing backtick) are dropped; the text always ends with one line break. Escapes such
 * as `\t`, `\r` and `\u200b` work as in any template literal; a line of only spaces counts
 * as empty.
 */
export function dedent(strings: TemplateStringsArray | string, ...values: readonly unknown[]): string {
  const parts = typeof strings === 'string' ? [strings] : [...strings];
  // Indentation is measured on the literal text only, so an interpolated value never changes it.
  const marker = '\u0000';
  const joined = parts.join(marker);
  const lines = joined.split('\n');
  const blank = (line: string): boolean => /^ *$/.test(line);
  if (lines.length > 1 && blank(lines[0]!)) lines.shift();
  if (lines.length > 1 && blank(lines[lines.length - 1]!)) lines.pop();
  // Spaces only: a tab or a byte-order mark at the start of a line is content.
  const indents = lines.filter((line) => !blank(line)).map((line) => /^ */.exec(line)![0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  const body = lines.map((line) => (blank(line) ? '' : line.slice(indent))).join('\n');
  let index = 0;
  return `${body.replace(/\u0000/g, () => String(values[index++]))}\n`;
}

/** An example agreement written as YAML. */
export const yaml = dedent;

/** An example agreement written as Markdown with YAML front matter. */
export const markdown = dedent;
