import { describe, expect, it } from 'vitest';
import {
  formatDollars,
  formatMinutes,
  formatMoment,
  formatOpening,
  formatTime,
  hoursByDay,
} from '@/lib/listings/format';
import { describeContactChanges } from '@/lib/listings/contact-mail';

describe('opening hours', () => {
  it('reads 24-hour times as US clock times', () => {
    expect(formatTime('09:00')).toBe('9:00 AM');
    expect(formatTime('00:15')).toBe('12:15 AM');
    expect(formatTime('12:00')).toBe('12:00 PM');
    expect(formatTime('17:30')).toBe('5:30 PM');
    expect(formatTime('nonsense')).toBe('nonsense');
    expect(formatOpening({ opens: '09:00', closes: '17:00' })).toBe('9:00 AM – 5:00 PM');
  });

  it('lists every day, Monday first, with its openings in time order and none when closed', () => {
    const week = hoursByDay([
      { day: 4, opens: '14:00', closes: '18:00' },
      { day: 0, opens: '09:00', closes: '17:00' },
      { day: 4, opens: '08:00', closes: '12:00' },
    ]);
    expect(week.map((d) => d.name)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(week[0]!.openings).toEqual([{ opens: '09:00', closes: '17:00' }]);
    expect(week[1]!.openings).toEqual([]);
    expect(week[4]!.openings.map((o) => o.opens)).toEqual(['08:00', '14:00']);
  });
});

describe('prices and moments', () => {
  it('writes minutes, whole dollars and UTC moments', () => {
    expect(formatMinutes(90)).toBe('90 min');
    expect(formatDollars(95)).toBe('$95');
    expect(formatDollars(1000)).toBe('$1,000');
    expect(formatMoment('2025-06-05T15:00:00.000Z')).toBe('June 5, 2025 at 3:00 PM UTC');
  });
});

describe('contact change lines', () => {
  it('name each changed detail with its old and new value, in form order', () => {
    expect(
      describeContactChanges(
        { website: null, phone: '(212) 555-0199' },
        { website: 'https://example.com/a', phone: null },
      ),
    ).toEqual([
      'Phone: from none to (212) 555-0199',
      'Website: https://example.com/a will be removed',
    ]);
  });
});
