import { describe, expect, it } from 'vitest';
import { longMonth, percent, shortDay, shortMonth, weekRange } from '@/lib/insights/labels';
import {
  addDays,
  addMonths,
  lastMonths,
  lastWeeks,
  utcDay,
  utcMonth,
} from '@/lib/insights/periods';

describe('UTC days and months', () => {
  it('reads the UTC calendar, whatever the hour', () => {
    expect(utcDay(new Date('2025-03-01T00:00:00Z'))).toBe('2025-03-01');
    expect(utcDay(new Date('2025-02-28T23:59:59.999Z'))).toBe('2025-02-28');
    expect(utcDay(new Date('2025-03-01T01:00:00+02:00'))).toBe('2025-02-28');
    expect(utcMonth(new Date('2025-01-31T23:59:59Z'))).toBe('2025-01');
  });

  it('moves days and months across month, year and leap-day boundaries', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-06', -11)).toBe('2024-07');
  });

  it('lists the last 12 months up to the current one, oldest first', () => {
    const months = lastMonths(new Date('2025-01-31T23:00:00Z'), 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-02');
    expect(months[11]).toBe('2025-01');
    expect(new Set(months).size).toBe(12);
  });

  it('lists seven-day weeks that end today, back to back', () => {
    const weeks = lastWeeks(new Date('2025-06-15T12:00:00Z'), 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toEqual({ start: '2025-06-09', end: '2025-06-15' });
    expect(weeks[0]).toEqual({ start: '2025-03-24', end: '2025-03-30' });
    for (let i = 1; i < weeks.length; i += 1) {
      expect(weeks[i]?.start).toBe(addDays(weeks[i - 1]?.end ?? '', 1));
    }
  });
});

describe('labels', () => {
  it('names months, days and weeks', () => {
    expect(shortMonth('2025-06')).toBe('Jun');
    expect(longMonth('2024-12')).toBe('December 2024');
    expect(shortDay('2025-06-09')).toBe('Jun 9');
    expect(weekRange('2025-06-09', '2025-06-15')).toBe('Jun 9 – 15, 2025');
    expect(weekRange('2025-05-28', '2025-06-03')).toBe('May 28 – Jun 3, 2025');
    expect(weekRange('2024-12-29', '2025-01-04')).toBe('Dec 29, 2024 – Jan 4, 2025');
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(1)).toBe('100%');
  });
});
