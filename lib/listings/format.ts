/**
 * Words for listing details: opening hours, prices and the moment a change applies. Pure: the
 * same input gives the same text on server and client.
 */
import { WEEKDAYS } from './options';

export interface HoursEntry {
  /** 0 = Monday ... 6 = Sunday. */
  day: number;
  /** "HH:MM", 24 h. */
  opens: string;
  closes: string;
}

export interface DayHours {
  day: number;
  name: (typeof WEEKDAYS)[number];
  /** Openings of the day in time order; empty when closed. */
  openings: { opens: string; closes: string }[];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:00" -> "9:00 AM", "17:30" -> "5:30 PM", "12:00" -> "12:00 PM"; unreadable text as is. */
export function formatTime(value: string): string {
  const match = TIME.exec(value);
  if (!match) return value;
  const hours = Number(match[1]);
  const suffix = hours < 12 ? 'AM' : 'PM';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${match[2]} ${suffix}`;
}

/** "9:00 AM – 5:00 PM". */
export function formatOpening(opening: { opens: string; closes: string }): string {
  return `${formatTime(opening.opens)} – ${formatTime(opening.closes)}`;
}

/** Every day of the week, Monday first, with its openings (none: closed). */
export function hoursByDay(hours: readonly HoursEntry[]): DayHours[] {
  return WEEKDAYS.map((name, day) => ({
    day,
    name,
    openings: hours
      .filter((entry) => entry.day === day)
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens)),
  }));
}

/** "60 min", "90 min". */
export function formatMinutes(minutes: number): string {
  return `${minutes} min`;
}

/** Whole US dollars: "$95", "$1,000". */
export function formatDollars(dollars: number): string {
  return `$${dollars.toLocaleString('en-US')}`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "June 5, 2025 at 3:00 PM UTC": the moment a waiting change applies. */
export function formatMoment(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${DATE_TIME.format(date)} UTC`;
}
