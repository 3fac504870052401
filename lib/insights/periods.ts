/**
 * The calendar of the insights: UTC days, months and seven-day weeks, as strings that sort and
 * compare the way the database's `date` values do.
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day of a moment: "2025-06-02". */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** A UTC day moved by whole days: addDays("2025-03-01", -1) is "2025-02-28". */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}

/** The UTC month of a moment: "2025-06". */
export function utcMonth(moment: Date): string {
  return moment.toISOString().slice(0, 7);
}

/** A month moved by whole months: addMonths("2025-01", -1) is "2024-12". */
export function addMonths(month: string, months: number): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + months;
  const moved = new Date(Date.UTC(year, index, 1));
  return utcMonth(moved);
}

/** The `count` months up to and including the month of `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const current = utcMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - (count - 1)));
}

export interface DayRange {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

/**
 * The `count` seven-day weeks that end with the day of `now`, oldest first. Weeks end today
 * rather than on a weekday, so that every week but the last is complete and the last is "the
 * past seven days".
 */
export function lastWeeks(now: Date, count: number): DayRange[] {
  const today = utcDay(now);
  return Array.from({ length: count }, (_, i) => {
    const end = addDays(today, -7 * (count - 1 - i));
    return { start: addDays(end, -6), end };
  });
}
