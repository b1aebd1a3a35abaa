/**
 * Small pieces of English shared by messages, the schema explanations and the reports, so
 * that every part of dsalint words lists, durations and mid-sentence terms the same way.
 */

/** `a`, `a and b`, `a, b and c`; semicolons when an item has a comma of its own. */
export function joinWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
  const separator = items.some((i) => i.includes(',')) ? '; ' : ', ';
  const last = separator === '; ' ? `; ${conjunction} ` : ` ${conjunction} `;
  return `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}

/** Lower-case the first letter for use mid-sentence, unless it starts an acronym ("NHS", "ODS"). */
export function lowerFirst(text: string): string {
  if (text.length < 2) return text.toLowerCase();
  const [first, second] = [text[0]!, text[1]!];
  if (second !== second.toLowerCase() || /\d/.test(second)) return text;
  return first.toLowerCase() + text.slice(1);
}

export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const UNITS: readonly [keyof DurationParts, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** A duration in words: P28D is "28 days", P1Y6M is "1 year and 6 months", P0D is "no time". */
export function durationInWords(d: DurationParts): string {
  return joinWords(UNITS.filter(([k]) => d[k] > 0).map(([k, word]) => `${d[k]} ${word}${d[k] === 1 ? '' : 's'}`)) || 'no time';
}

/** A whole number with thousands separators, the same in every locale: 150000 is "150,000". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
