/**
 * Ordering by UTF-16 code units: the same on every machine, whatever the locale
 * (`localeCompare` is not), so output is byte-identical everywhere.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
