/** Date arithmetic as Temporal.PlainDate.add does it: months first, the day kept inside the month reached. */
import { describe, expect, it } from 'vitest';
import { addDuration, daysBetween, lastDayOf } from '../src/core/facts.js';

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

describe('month-only dates and day counts', () => {
  it.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
    ['0099-02', '0099-02-28'],
    ['2026-04-15', '2026-04-15'],
  ])('the last day of %s is %s', (date, expected) => {
    expect(lastDayOf(date)).toBe(expected);
  });

  it('counts calendar days between two dates', () => {
    expect(daysBetween('2026-03-28', '2026-03-29')).toBe('1 day');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe('31 days');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe('2 days');
  });

  it('gives the same days in any time zone, across daylight saving changes', () => {
    const zone = process.env['TZ'];
    try {
      for (const tz of ['UTC', 'Europe/London', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'America/Adak']) {
        process.env['TZ'] = tz;
        expect(addDuration('2026-03-28', { ...none, days: 1 }), tz).toBe('2026-03-29');
        expect(addDuration('2018-11-03', { ...none, days: 1 }), tz).toBe('2018-11-04');
        expect(addDuration('2026-01-31', { ...none, months: 1 }), tz).toBe('2026-02-28');
        expect(daysBetween('2026-03-28', '2026-03-30'), tz).toBe('2 days');
        expect(lastDayOf('2026-10'), tz).toBe('2026-10-31');
      }
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
