/** Date arithmetic as Temporal.PlainDate.add does it: months first, the day kept inside the month reached. */
import { describe, expect, it } from 'vitest';
import { addDuration } from '../src/core/facts.js';

const none = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('addDuration', () => {
  it.each([
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2026-03-31', { months: -1 }, '2026-02-28'],
    ['2026-01-31', { months: 13 }, '2027-02-28'],
    ['2026-07-01', { years: 1, days: -1 }, '2027-06-30'],
    ['2026-12-15', { months: 2, days: 20 }, '2027-03-07'],
    ['2027-01-31', { days: 30 }, '2027-03-02'],
    ['2026-05-01', { weeks: 2 }, '2026-05-15'],
    ['0099-06-30', { days: 1 }, '0099-07-01'],
  ] as const)('%s + %o is %s', (date, duration, expected) => {
    expect(addDuration(date, { ...none, ...duration })).toBe(expected);
  });
});
