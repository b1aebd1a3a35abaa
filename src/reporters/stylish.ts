/**
 * The terminal report: findings grouped by file as `line:col  severity  message  rule-id`,
 * then the counts.
 */
import type { Finding, LintRun } from '../core/types.js';
import { countFindings } from '../core/counts.js';
import type { Reporter } from './types.js';
import { logLine, logPath, wrapKeepingSpaces } from '../core/summary.js';
import { agreementFiles, groupOf, judged, plural, type Group } from './shared.js';

const ANSI = { red: 31, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1, underline: 4, green: 32 } as const;
type Style = keyof typeof ANSI;

function painter(color: boolean): (style: Style, text: string) => string {
  return (style, text) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

const GROUP_STYLE: Record<Group, Style> = { error: 'red', warning: 'yellow', info: 'blue', review: 'magenta', waived: 'gray' };

function label(f: Finding): { text: string; style: Style } {
  const group = groupOf(f);
  return { text: group, style: GROUP_STYLE[group] };
}

/** Narrower than this, wrapping a message column would help nobody. */
const MIN_MESSAGE_WIDTH = 30;

/** Printable ASCII only: its display width is its length, so it needs no measuring. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * `text` wrapped to `width` columns, its continuation lines starting with `indent` spaces.
 * `plain` is the text without colour codes: most lines are plain ASCII that fits, and skip
 * the display-width measuring.
 */
function hangingWrap(text: string, plain: string, width: number | undefined, indent: number): string {
  if (width === undefined || (plain.length <= width && PLAIN_ASCII.test(plain))) return text;
  return wrapKeepingSpaces(text, width).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** The width left for text indented by `indent` columns, if wrapping it would help. */
function widthAfter(width: number | undefined, indent: number): number | undefined {
  return width !== undefined && width - indent >= MIN_MESSAGE_WIDTH ? width - indent : undefined;
}

export const stylish: Reporter = (run: LintRun, { color, quiet, width }) => {
  const paint = painter(color);
  const out: string[] = [];
  for (const file of run.files) {
    const findings = file.findings.filter((f) => !quiet || groupOf(f) === 'error');
    if (findings.length === 0 && !file.failure && (quiet || file.notes.length === 0)) continue;
    // File names and agreement text are shown on one line each, so they cannot issue CI log commands.
    out.push(paint('underline', logPath(file.path)));
    if (file.failure) {
      const message = logLine(file.failure.message);
      out.push(`  ${paint('red', 'error')}  ${hangingWrap(message, message, widthAfter(width, 9), 9)}`);
    }
    const rows = findings.map((f) => {
      const l = label(f);
      // Agreement text in a message must not reorder the terminal line (bidirectional overrides).
      const message = logLine(f.suppression ? `${f.message} (waived: ${f.suppression.reason})` : f.message);
      return { where: `${f.location.range.start.line}:${f.location.range.start.column}`, l, message, rule: f.ruleId };
    });
    // A loop, not Math.max(...rows): a spread of many rows overflows the call stack.
    let whereWidth = 0;
    let labelWidth = 0;
    for (const r of rows) {
      whereWidth = Math.max(whereWidth, r.where.length);
      labelWidth = Math.max(labelWidth, r.l.text.length);
    }
    // Long messages wrap under the message column, so each finding's first line still
    // starts with its line:column for editors and grep.
    const indent = 2 + whereWidth + 2 + labelWidth + 2;
    const wrapAt = widthAfter(width, indent);
    for (const r of rows) {
      const body = hangingWrap(`${r.message}  ${paint('gray', r.rule)}`, `${r.message}  ${r.rule}`, wrapAt, indent);
      out.push(`  ${paint('gray', r.where.padEnd(whereWidth))}  ${paint(r.l.style, r.l.text.padEnd(labelWidth))}  ${body}`);
    }
    if (!quiet) {
      for (const note of file.notes) {
        const text = logLine(note);
        // Each line is painted on its own, so a wrapped note stays grey in every terminal.
        const [first, ...rest] = hangingWrap(text, text, widthAfter(width, 8), 0).split('\n');
        out.push([`  ${paint('gray', `note: ${first}`)}`, ...rest.map((line) => `        ${paint('gray', line)}`)].join('\n'));
      }
    }
    out.push('');
  }
  const all = countFindings(run);
  // --quiet counts only what it shows: errors and files not linted.
  const c = quiet ? { ...all, warning: 0, info: 0, review: 0, suppressed: 0 } : all;
  const problems = c.error + c.warning + c.info;
  const parts = quiet ? [plural(c.error, 'error')] : [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.info) parts.push(`${c.info} info`);
  const extras: string[] = [];
  if (c.review) extras.push(`${c.review} to review`);
  if (c.suppressed) extras.push(`${c.suppressed} waived`);
  if (c.failures) extras.push(`${plural(c.failures, 'file')} not linted`);
  const files = agreementFiles(run).length;
  // The totals stay one line, the last of the report, for scripts that read it.
  if (problems === 0 && c.review === 0 && c.failures === 0) {
    out.push(paint('green', `✔ ${plural(files, 'agreement')} checked, no ${quiet ? 'errors' : 'problems'}${c.suppressed ? ` (${c.suppressed} waived)` : ''}. ${judged(run)}`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${parts.join(', ')})${extras.length ? `, ${extras.join(', ')}` : ''} in ${plural(files, 'agreement')}. ${judged(run)}`;
    out.push(paint(c.error || c.failures ? 'red' : 'yellow', paint('bold', summary)));
  }
  return `${out.join('\n')}\n`;
};
