/**
 * Pure helpers that turn DTO values into the words and numbers people read. No I/O, no clock,
 * no locale of the machine: the same input always gives the same text on server and client.
 */
import type { Intent, LicenseStatus, ModalityFamily, PressureAdjusted } from '@/db/schema/enums';

const KM_TO_MILES = 0.621371;

/** A distance given in kilometres, shown in miles for a US audience ("2.3 mi", "14 mi"). */
export function formatDistance(km: number | null | undefined): string | null {
  if (km === null || km === undefined || !Number.isFinite(km) || km < 0) return null;
  const miles = km * KM_TO_MILES;
  if (miles < 0.1) return 'under 0.1 mi';
  const tenths = Math.round(miles * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} mi`;
  return `${Math.round(miles)} mi`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function parseYearMonthDay(
  iso: string,
): { year: number; month: number; day: number | null } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day };
}

/** "2024-03", "2024-03-15" or a full ISO timestamp to "March 2024"; null when unreadable. */
export function formatMonthYear(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const parts = parseYearMonthDay(iso);
  if (!parts) return null;
  return `${MONTH_NAMES[parts.month - 1]} ${parts.year}`;
}

/** "2025-03-04" or "2025-03-04T10:00:00Z" to "March 4, 2025" (the calendar date as written). */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const parts = parseYearMonthDay(iso);
  if (!parts || parts.day === null) return null;
  return `${MONTH_NAMES[parts.month - 1]} ${parts.day}, ${parts.year}`;
}

export const INTENT_LABELS: Record<Intent, string> = {
  relaxation: 'Relaxation and stress relief',
  therapeutic: 'Therapeutic: pain and its cause',
  maintenance: 'Maintenance',
  sports: 'Sports performance and recovery',
  rehab: 'Rehab alongside medical care',
};

export function intentLabel(intent: Intent): string {
  return INTENT_LABELS[intent];
}

/** Pressure on the 1 (light) to 5 (very firm) scale practitioners use. */
export const PRESSURE_LABELS = ['Light', 'Medium-light', 'Medium', 'Firm', 'Very firm'] as const;

export const PRESSURE_SCALE_MAX = PRESSURE_LABELS.length;

export function pressureLabel(level: number): string {
  const label = PRESSURE_LABELS[Math.round(level) - 1];
  return label ?? `Level ${level}`;
}

/** "Light to firm (1–4 of 5)", or "Medium (3 of 5)" when the range is a single level. */
export function formatPressureRange(min: number, max: number): string {
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  if (low === high) return `${pressureLabel(low)} (${low} of ${PRESSURE_SCALE_MAX})`;
  return `${pressureLabel(low)} to ${pressureLabel(high).toLowerCase()} (${low}–${high} of ${PRESSURE_SCALE_MAX})`;
}

export const PRESSURE_ADJUSTED_LABELS: Record<PressureAdjusted, string> = {
  yes: 'Adjusted when asked',
  no: 'Not adjusted when asked',
  not_asked: 'Did not ask for a change',
};

export const MODALITY_FAMILY_LABELS: Record<ModalityFamily, string> = {
  massage: 'Massage',
  asian_bodywork: 'Acupressure and Asian bodywork',
  related_care: 'Related care',
};

export const MODALITY_FAMILY_ORDER: readonly ModalityFamily[] = [
  'massage',
  'asian_bodywork',
  'related_care',
];

export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  verified: 'Verified',
  unverified: 'Not yet verified',
  expired: 'Expired',
};

/** A star rating with one decimal ("4.6"); whole numbers keep the decimal ("5.0"). */
export function formatRating(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** The accessible name of a star rating: "4.6 out of 5 stars", "4 out of 5 stars". */
export function ratingLabel(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${text} out of 5 stars`;
}

/** "1 review", "12 reviews", "1,204 reviews". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** "6 weeks", "1 week". */
export function formatWeeks(weeks: number): string {
  return pluralize(weeks, 'week');
}

/** A pain score on the 0–10 scale: "7/10". */
export function formatPain(score: number): string {
  return `${score}/10`;
}

/** "7 of 9". */
export function formatShare(count: number, base: number): string {
  return `${count.toLocaleString('en-US')} of ${base.toLocaleString('en-US')}`;
}

/** Share as a whole percentage (0 when the base is empty). */
export function percentOf(count: number, base: number): number {
  if (base <= 0) return 0;
  return Math.round((Math.min(Math.max(count, 0), base) / base) * 100);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A BCP 47 code to its English name ("es" → "Spanish"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "English", "English and Spanish", "English, Spanish and Russian". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A taxonomy name short enough for a chip: drops the examples after a colon inside parentheses,
 * "Acupressure (light touch: Jin Shin Jyutsu, Jin Shin Do)" → "Acupressure (light touch)".
 */
export function shortTaxonomyName(name: string): string {
  return name.replace(/\s*:[^)]*\)/, ')');
}

/** The href of a web address given by a therapist, only for http(s); null otherwise. */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The host people recognise in a web address ("www.example.com/booking" → "example.com"). */
export function displayHost(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return href;
  }
}

/** A `tel:` href from a phone number as written; null when it has too few digits. */
export function toTelHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  if (digits.replace(/\D/g, '').length < 7) return null;
  return `tel:${digits}`;
}
