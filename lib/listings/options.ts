/**
 * Fixed choices and limits of the listing forms, shared by the server (validation) and the forms
 * (labels, hints). Pure data: no I/O.
 */

export interface LanguageOption {
  /** ISO 639-1 code, as stored. */
  code: string;
  name: string;
}

/** Languages most spoken in the United States, English first, then by name. */
export const LANGUAGE_OPTIONS: readonly LanguageOption[] = [
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'Arabic' },
  { code: 'zh', name: 'Chinese' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'el', name: 'Greek' },
  { code: 'gu', name: 'Gujarati' },
  { code: 'ht', name: 'Haitian Creole' },
  { code: 'he', name: 'Hebrew' },
  { code: 'hi', name: 'Hindi' },
  { code: 'it', name: 'Italian' },
  { code: 'ja', name: 'Japanese' },
  { code: 'ko', name: 'Korean' },
  { code: 'fa', name: 'Persian' },
  { code: 'pl', name: 'Polish' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'ru', name: 'Russian' },
  { code: 'es', name: 'Spanish' },
  { code: 'tl', name: 'Tagalog' },
  { code: 'th', name: 'Thai' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ur', name: 'Urdu' },
  { code: 'vi', name: 'Vietnamese' },
];

export const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANGUAGE_OPTIONS.map((l) => l.code));

/** Day names in the order of `OpeningHours.day` (0 = Monday). */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const LISTING_LIMITS = {
  nameMin: 2,
  nameMax: 120,
  headlineMax: 160,
  bioMax: 5000,
  credentialsMax: 80,
  /** "Does not treat" and "Refers to". */
  scopeTextMax: 2000,
  modalitiesMax: 30,
  conditionsMax: 60,
  pricesMax: 12,
  serviceMax: 80,
  minutesMin: 15,
  minutesMax: 240,
  dollarsMin: 1,
  dollarsMax: 1000,
  locationNameMax: 120,
  addressMax: 160,
  cityMax: 80,
  licenseNumberMax: 30,
  /** Practice locations open at once. */
  currentLocationsMax: 10,
  /** The earliest start of a practice. */
  firstDate: '1950-01-01',
} as const;

/** How long a contact change waits before it applies (TRUST 22). */
export const CONTACT_CHANGE_DELAY_HOURS = 72;

/** The contact details of a listing, in the order forms and mails show them. */
export const CONTACT_FIELDS = ['contactEmail', 'phone', 'website', 'bookingUrl'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  contactEmail: 'Email',
  phone: 'Phone',
  website: 'Website',
  bookingUrl: 'Booking link',
};
