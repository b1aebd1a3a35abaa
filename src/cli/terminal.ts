/**
 * How the CLI reads its terminal: whether to colour, as the common colour libraries decide
 * (supports-color, Node's own tty), and how wide to wrap text.
 */
import { wrapText } from '../core/summary.js';

/**
 * `--color` / `--no-color` win; then FORCE_COLOR (`0` or `false` turns colour off, any other
 * value, even empty, turns it on); then a non-empty NO_COLOR turns it off; then TERM=dumb;
 * otherwise colour only on a terminal.
 */
export function wantsColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

/** Text is wrapped to the terminal's width, or to this when output is not a terminal. */
export const DEFAULT_WIDTH = 80;

/**
 * How wide to wrap: a positive whole number in COLUMNS wins (as in less, Python and other
 * tools that read it), so piped output can be made wider or narrower; then the terminal's
 * width; otherwise 80.
 */
export function outputWidth(env: Readonly<Record<string, string | undefined>>, isTTY: boolean, columns: number | undefined): number {
  const fromEnv = env['COLUMNS'];
  if (fromEnv !== undefined && /^[1-9]\d{0,5}$/.test(fromEnv.trim())) return Number(fromEnv.trim());
  return isTTY && columns ? columns : DEFAULT_WIDTH;
}

/**
 * Wrap each line of `text` to `width`, keeping its indent, and hanging a list item's
 * continuation lines under its text ("- " and "1. " items).
 */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lead = /^(\s*(?:[-*] |\d+\. )?)/.exec(line)![1]!;
      const rest = line.slice(lead.length);
      if (!rest) return line;
      const hang = ' '.repeat(lead.length);
      return wrapText(rest, Math.max(20, width - lead.length))
        .split('\n')
        .map((part, i) => `${i === 0 ? lead : hang}${part}`)
        .join('\n');
    })
    .join('\n');
}
