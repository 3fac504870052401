import 'server-only';
import { z } from 'zod';
import { INTENTS, type Intent } from '@/db/schema/enums';
import { cleanText } from '@/lib/input';
import { normalizeEmail } from '@/lib/auth/email';
import { AppError, validationError, type FieldIssue } from '@/lib/errors';
import { findContactDetails } from '@/lib/reviews/risk';
import { isUsStateCode } from '@/lib/us-states';
import {
  CONTACT_CHANGE_DELAY_HOURS,
  LANGUAGE_CODES,
  LANGUAGE_OPTIONS,
  LISTING_LIMITS,
} from './options';
import { findZip, locateZip } from './places';

/**
 * The listing forms' fields: strict allowlists (TRUST 10, 12, 13). Every field accepts what a
 * browser form sends (strings; unticked boxes are absent; repeated boxes are arrays).
 */

const L = LISTING_LIMITS;

/** What a form sends, and what the forms show again after a refusal. */
export type FormValues = Record<string, string | string[]>;

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && cleanText(value) === '')
  );
}

/** An optional field left empty is null. */
export function blankToNull(value: unknown): unknown {
  return isBlank(value) ? null : value;
}

/** Text typed by a person, cleaned; `max` characters at most, `min` at least (0: optional). */
export function typedText(options: {
  max: number;
  min?: number;
  required?: string;
  tooLong: string;
  pattern?: { regex: RegExp; message: string };
}) {
  const inner = z
    .string()
    .max(options.max, options.tooLong)
    .superRefine((text, context) => {
      if ((options.min ?? 0) > 0 && text.length < (options.min ?? 0)) {
        context.addIssue({ code: 'custom', message: options.required ?? options.tooLong });
      } else if (options.pattern && text.length > 0 && !options.pattern.regex.test(text)) {
        context.addIssue({ code: 'custom', message: options.pattern.message });
      }
    });
  return z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: options.required ?? 'This must be text.' })
      .max(options.max * 2, options.tooLong)
      .transform(cleanText)
      .pipe(inner),
  );
}

/** Repeated check boxes: absent is none, one is a string, several an array. */
function asList(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return [];
  return typeof value === 'string' ? [value] : value;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugList(max: number, messages: { bad: string; tooMany: string }) {
  return z.preprocess(
    asList,
    z
      .array(z.string({ error: messages.bad }).max(100, messages.bad).regex(SLUG, messages.bad), {
        error: messages.bad,
      })
      .max(max, messages.tooMany)
      .transform(unique),
  );
}

export const intentList = z.preprocess(
  asList,
  z
    .array(z.enum(INTENTS, { error: 'Choose session types from the list.' }), {
      error: 'Choose session types from the list.',
    })
    .transform((list) => INTENTS.filter((intent): intent is Intent => list.includes(intent))),
);

export const languageList = z.preprocess(
  asList,
  z
    .array(
      z
        .string({ error: 'Choose languages from the list.' })
        .refine((code) => LANGUAGE_CODES.has(code), 'Choose languages from the list.'),
      { error: 'Choose languages from the list.' },
    )
    .min(1, 'Choose at least one language you work in.')
    .transform((list) =>
      LANGUAGE_OPTIONS.map((option) => option.code).filter((code) => list.includes(code)),
    ),
);

/** A ticked box ("on", as browsers send it) or true; absent or false when not ticked. */
export const tickBox = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === '' || value === 'no') return false;
    if (value === 'on' || value === 'yes' || value === 'true') return true;
    return value;
  },
  z.boolean({ error: 'Tick the box, or leave it empty.' }),
);

/** A whole number typed or chosen in a form ("4", " 90 "); blank is null. */
function toWholeNumber(value: unknown): unknown {
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    const text = value.trim().replace(/^\$/, '').replace(/,/g, '');
    if (/^\d{1,7}$/.test(text)) return Number(text);
  }
  return value;
}

export function wholeNumber(min: number, max: number, message: string) {
  return z.preprocess(
    toWholeNumber,
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

export function optionalWholeNumber(min: number, max: number, message: string) {
  return z.preprocess(
    toWholeNumber,
    z.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

const PRESSURE_MESSAGE = 'Choose a pressure from 1 (light) to 5 (very firm).';
export const pressureLevel = wholeNumber(1, 5, PRESSURE_MESSAGE);

/** "9:00", "09:00" or "09:00:00" as "09:00"; blank is null. */
const timeOfDay = z.preprocess(
  (value) => {
    if (isBlank(value)) return null;
    if (typeof value !== 'string') return value;
    const match = /^\s*(\d{1,2}):([0-5]\d)(?::00)?\s*$/.exec(value);
    if (!match || Number(match[1]) > 23) return value;
    return `${match[1]!.padStart(2, '0')}:${match[2]}`;
  },
  z
    .string({ error: 'Enter a time like 09:00 or 17:30.' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:00 or 17:30.')
    .nullable(),
);

/** Today's date where the practitioner may be (up to UTC+14), as yyyy-mm-dd. */
export function latestDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** A date from `<input type="date">` (yyyy-mm-dd), from 1950 up to today; blank is null. */
export function pastDate(label: string) {
  return z.preprocess(
    (value) => (isBlank(value) ? null : typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: `Enter the ${label} as a date, like 2024-03-01.` })
      .refine(isCalendarDate, `Enter the ${label} as a date, like 2024-03-01.`)
      .refine((date) => date >= L.firstDate, `Enter a ${label} from 1950 or later.`)
      .refine((date) => date <= latestDate(), `The ${label} cannot be in the future.`)
      .nullable(),
  );
}

export const stateCode = z.preprocess(
  (value) =>
    isBlank(value) ? null : typeof value === 'string' ? value.trim().toUpperCase() : value,
  z
    .string({ error: 'Choose a state from the list.' })
    .refine((code) => isUsStateCode(code), 'Choose a state from the list.')
    .nullable(),
);

/* ------------------------------------------------------------------------------------------ */
/* Opening hours and prices                                                                     */
/* ------------------------------------------------------------------------------------------ */

export const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export const PRICE_ROWS = Array.from({ length: L.pricesMax }, (_, index) => index);

export function hoursShape() {
  return Object.fromEntries(
    DAYS.flatMap((day) => [
      [`hours.${day}.opens`, timeOfDay],
      [`hours.${day}.closes`, timeOfDay],
    ]),
  ) as Record<`hours.${number}.${'opens' | 'closes'}`, typeof timeOfDay>;
}

const MINUTES_MESSAGE = `Enter the length in minutes, from ${L.minutesMin} to ${L.minutesMax}.`;
const DOLLARS_MESSAGE = `Enter the price in whole dollars, from ${L.dollarsMin} to ${L.dollarsMax.toLocaleString('en-US')}.`;
const SERVICE_MESSAGE = `Name the service in ${L.serviceMax} characters or fewer.`;

const serviceName = typedText({ max: L.serviceMax, tooLong: SERVICE_MESSAGE });
const minutes = optionalWholeNumber(L.minutesMin, L.minutesMax, MINUTES_MESSAGE);
const dollars = optionalWholeNumber(L.dollarsMin, L.dollarsMax, DOLLARS_MESSAGE);

export function pricesShape() {
  return Object.fromEntries(
    PRICE_ROWS.flatMap((row) => [
      [`prices.${row}.service`, serviceName],
      [`prices.${row}.minutes`, minutes],
      [`prices.${row}.dollars`, dollars],
    ]),
  ) as Record<`prices.${number}.${'service' | 'minutes' | 'dollars'}`, z.ZodType>;
}

export type Issue = (path: string, message: string) => void;

function given(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** Each day: both times or neither, closing after opening. */
function checkHours(input: Record<string, unknown>, issue: Issue): void {
  for (const day of DAYS) {
    const opens = input[`hours.${day}.opens`];
    const closes = input[`hours.${day}.closes`];
    if (given(opens) && !given(closes)) {
      issue(`hours.${day}.closes`, 'Enter the closing time too, or clear both times if closed.');
    } else if (!given(opens) && given(closes)) {
      issue(`hours.${day}.opens`, 'Enter the opening time too, or clear both times if closed.');
    } else if (typeof opens === 'string' && typeof closes === 'string' && closes <= opens) {
      issue(`hours.${day}.closes`, 'The closing time must be later than the opening time.');
    }
  }
}

/** A price row is all blank (ignored) or complete. */
function checkPrices(input: Record<string, unknown>, issue: Issue): void {
  for (const row of PRICE_ROWS) {
    const service = input[`prices.${row}.service`];
    const length = input[`prices.${row}.minutes`];
    const price = input[`prices.${row}.dollars`];
    if (!given(service) && !given(length) && !given(price)) continue;
    if (!given(service)) issue(`prices.${row}.service`, 'Name the service, or clear this row.');
    if (!given(length)) issue(`prices.${row}.minutes`, MINUTES_MESSAGE);
    if (!given(price)) issue(`prices.${row}.dollars`, DOLLARS_MESSAGE);
  }
}

export interface HoursValue {
  day: number;
  opens: string;
  closes: string;
}

export interface PriceValue {
  service: string;
  minutes: number;
  dollars: number;
}

export function hoursFrom(input: Record<string, unknown>): HoursValue[] {
  return DAYS.flatMap((day) => {
    const opens = input[`hours.${day}.opens`];
    const closes = input[`hours.${day}.closes`];
    return typeof opens === 'string' && typeof closes === 'string' ? [{ day, opens, closes }] : [];
  });
}

export function pricesFrom(input: Record<string, unknown>): PriceValue[] {
  return PRICE_ROWS.flatMap((row) => {
    const service = input[`prices.${row}.service`];
    const length = input[`prices.${row}.minutes`];
    const price = input[`prices.${row}.dollars`];
    return typeof service === 'string' &&
      service !== '' &&
      typeof length === 'number' &&
      typeof price === 'number'
      ? [{ service, minutes: length, dollars: price }]
      : [];
  });
}

/* ------------------------------------------------------------------------------------------ */
/* A practice location                                                                          */
/* ------------------------------------------------------------------------------------------ */

export const LOCATION_KEYS = [
  'name',
  'address',
  'city',
  'region',
  'postalCode',
  'startsOn',
] as const;
type LocationKey = (typeof LOCATION_KEYS)[number];

export function locationShape<P extends string>(prefix: P) {
  return {
    [`${prefix}.name`]: typedText({
      max: L.locationNameMax,
      tooLong: `Keep the name of the practice to ${L.locationNameMax} characters or fewer.`,
    }),
    [`${prefix}.address`]: typedText({
      max: L.addressMax,
      tooLong: `Keep the street address to ${L.addressMax} characters or fewer.`,
    }),
    [`${prefix}.city`]: typedText({
      max: L.cityMax,
      tooLong: `Keep the city to ${L.cityMax} characters or fewer.`,
    }),
    [`${prefix}.region`]: stateCode,
    [`${prefix}.postalCode`]: z.preprocess(
      (value) => (value === undefined || value === null ? '' : value),
      z.string({ error: 'Enter a 5-digit ZIP code, like 10001.' }).max(20).transform(cleanText),
    ),
    [`${prefix}.startsOn`]: pastDate('start date'),
  } as unknown as Record<`${P}.${LocationKey}`, z.ZodType>;
}

const LOCATION_MISSING: Record<LocationKey, string> = {
  name: 'Enter the name of the practice or clinic.',
  address: 'Enter the street address.',
  city: 'Enter the city.',
  region: 'Choose the state.',
  postalCode: 'Enter the ZIP code.',
  startsOn: 'Enter the date you started practising here.',
};

/** Where a practice is, as the forms take it and the mails name it. */
export interface LocationAddress {
  name: string;
  address: string;
  city: string;
  region: string;
  postalCode: string;
  startsOn: string;
}

export interface LocationValue extends LocationAddress {
  latitude: number;
  longitude: number;
}

/**
 * A location is complete (or, when optional, entirely blank), and its ZIP code exists and lies
 * in its state.
 */
export function checkLocation(
  input: Record<string, unknown>,
  prefix: string,
  required: boolean,
  issue: Issue,
): void {
  const value = (key: LocationKey) => input[`${prefix}.${key}`];
  if (!required && LOCATION_KEYS.every((key) => !given(value(key)))) return;
  for (const key of LOCATION_KEYS) {
    if (!given(value(key))) issue(`${prefix}.${key}`, LOCATION_MISSING[key]);
  }
  const zip = value('postalCode');
  const region = value('region');
  if (typeof zip === 'string' && zip !== '') {
    // Without a (valid) state, only the ZIP code itself can be checked.
    const located =
      typeof region === 'string' && isUsStateCode(region) ? locateZip(zip, region) : findZip(zip);
    if (!located.ok) issue(`${prefix}.postalCode`, located.message);
  }
}

export function locationFrom(input: Record<string, unknown>, prefix: string): LocationValue | null {
  const value = (key: LocationKey) => input[`${prefix}.${key}`];
  if (!LOCATION_KEYS.every((key) => typeof value(key) === 'string' && value(key) !== '')) {
    return null;
  }
  const postalCode = (value('postalCode') as string).slice(0, 5);
  const located = locateZip(postalCode, value('region') as string);
  if (!located.ok) return null;
  return {
    name: value('name') as string,
    address: value('address') as string,
    city: value('city') as string,
    region: value('region') as string,
    postalCode,
    startsOn: value('startsOn') as string,
    latitude: located.latitude,
    longitude: located.longitude,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Contact details kept out of free text                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Contact details change only through their own form, which waits and tells the old address
 * (TRUST 22); typed into a bio or a headline they would apply at once. The reviews' detector
 * finds e-mail addresses, web links and North American phone numbers; these add what a listing
 * is likelier to hold: any scheme, a domain with a path (example.xyz/book), and other long runs
 * of digits.
 */
const ANY_SCHEME = /\b[a-z][a-z\d+.-]*:\/\/|\b(?:mailto|tel|sms|callto):/i;
const WWW = /\bwww\./i;
/** The top-level domain in lower case: "B.Sc/MSc" is a degree, not an address. */
const DOMAIN_WITH_PATH = /[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,24}\//u;
/** Digits with the separators phone numbers are written with. */
const DIGIT_RUN = /\d[\d\s().-]*\d/g;
const YEAR = /^(?:19|20)\d\d$/;

/** Seven or more digits in one run ("555 123 45 67"), unless it is only years ("2010-2015"). */
function hasPhoneLikeRun(text: string): boolean {
  for (const run of text.match(DIGIT_RUN) ?? []) {
    const groups = run.split(/\D+/).filter(Boolean);
    if (groups.join('').length < 7) continue;
    if (groups.every((group) => YEAR.test(group))) continue;
    return true;
  }
  return false;
}

/**
 * Whether the text holds a contact detail. `digitRuns: false` for a street address or
 * credentials, where long numbers are ordinary (house and licence numbers).
 */
export function holdsContactDetails(text: string, options: { digitRuns: boolean }): boolean {
  if (text === '') return false;
  if (findContactDetails(text)) return true;
  if (ANY_SCHEME.test(text) || WWW.test(text) || DOMAIN_WITH_PATH.test(text)) return true;
  return options.digitRuns && hasPhoneLikeRun(text);
}

export const PROFILE_CONTACT_MESSAGE = `Contact details go under Contact details, where changes wait ${CONTACT_CHANGE_DELAY_HOURS} hours.`;
export const NEW_LISTING_CONTACT_MESSAGE =
  'Add contact details after your listing is approved, under Contact details.';

/** Refuses contact details in the named free-text fields, with `message` on each. */
export function checkNoContactDetails(
  input: Record<string, unknown>,
  fields: { strict: readonly string[]; lenient: readonly string[] },
  message: string,
  issue: Issue,
): void {
  for (const [list, digitRuns] of [
    [fields.strict, true],
    [fields.lenient, false],
  ] as const) {
    for (const field of list) {
      const value = input[field];
      if (typeof value === 'string' && holdsContactDetails(value, { digitRuns })) {
        issue(field, message);
      }
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Shared profile fields                                                                        */
/* ------------------------------------------------------------------------------------------ */

export const headlineField = typedText({
  max: L.headlineMax,
  min: 1,
  required: 'Write a one-line headline, like “Deep tissue and sports massage for runners”.',
  tooLong: `Keep the headline to ${L.headlineMax} characters or fewer.`,
});

export const bioField = typedText({
  max: L.bioMax,
  tooLong: `Keep the bio to ${L.bioMax.toLocaleString('en-US')} characters or fewer.`,
});

export const credentialsField = typedText({
  max: L.credentialsMax,
  tooLong: `Keep the credentials to ${L.credentialsMax} characters or fewer.`,
  pattern: {
    regex: /^[\p{L}\p{N} .,&/()'-]+$/u,
    message: 'Use letters, digits, spaces and . , & / ( ) - in credentials, like “LMT, NCBTMB”.',
  },
});

/** The listing's email address, optional: checked and normalised like a sign-in address. */
export const contactEmailField = z.preprocess(
  blankToNull,
  z
    .string({ error: 'Enter an email address, or leave it empty.' })
    .max(1000, 'That email address is too long (254 characters at most).')
    .transform((text, context) => {
      try {
        return normalizeEmail(text);
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: error instanceof AppError ? error.message : 'Enter a valid email address.',
        });
        return z.NEVER;
      }
    })
    .nullable(),
);

export const modalityList = slugList(L.modalitiesMax, {
  bad: 'Choose techniques from the list.',
  tooMany: `Choose at most ${L.modalitiesMax} techniques.`,
});

export const conditionList = slugList(L.conditionsMax, {
  bad: 'Choose conditions from the list.',
  tooMany: `Choose at most ${L.conditionsMax} conditions.`,
});

/* ------------------------------------------------------------------------------------------ */
/* The profile form                                                                             */
/* ------------------------------------------------------------------------------------------ */

const scopeText = (what: string) =>
  typedText({
    max: L.scopeTextMax,
    tooLong: `Keep “${what}” to ${L.scopeTextMax.toLocaleString('en-US')} characters or fewer.`,
  });

const LOCATION_END = /^locations\.([1-9]\d{0,9})\.endsOn$/;

/**
 * The end dates typed for current locations arrive as `locations.<id>.endsOn`; they are
 * gathered under `locationEnds` (a field of that name sent directly is refused as unknown).
 */
function gatherLocationEnds(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (Object.hasOwn(value, 'locationEnds')) return value;
  const rest: Record<string, unknown> = {};
  const ends: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const match = LOCATION_END.exec(key);
    if (match) ends[match[1]!] = field;
    else rest[key] = field;
  }
  return { ...rest, locationEnds: ends };
}

export const profileInput = z.preprocess(
  gatherLocationEnds,
  z
    .strictObject({
      headline: headlineField,
      bio: bioField,
      credentials: credentialsField,
      modality: modalityList,
      intent: intentList,
      pressureMin: pressureLevel,
      pressureMax: pressureLevel,
      condition: conditionList,
      notTreated: scopeText('Does not treat'),
      referrals: scopeText('Refers to'),
      language: languageList,
      mobileService: tickBox,
      ...hoursShape(),
      ...pricesShape(),
      ...locationShape('newLocation'),
      locationEnds: z.record(z.string().regex(/^\d{1,10}$/), pastDate('end date')),
    })
    .superRefine(
      (input, context) => {
        const issue: Issue = (path, message) =>
          context.addIssue({ code: 'custom', path: [path], message });
        const record = input as Record<string, unknown>;
        const { pressureMin, pressureMax } = input;
        if (
          typeof pressureMin === 'number' &&
          typeof pressureMax === 'number' &&
          pressureMin > pressureMax
        ) {
          issue('pressureMax', 'The firmest pressure cannot be lighter than the lightest.');
        }
        checkHours(record, issue);
        checkPrices(record, issue);
        checkLocation(record, 'newLocation', false, issue);
        checkNoContactDetails(
          record,
          {
            strict: [
              'headline',
              'bio',
              'notTreated',
              'referrals',
              ...PRICE_ROWS.map((row) => `prices.${row}.service`),
              'newLocation.name',
              'newLocation.city',
            ],
            lenient: ['credentials', 'newLocation.address'],
          },
          PROFILE_CONTACT_MESSAGE,
          issue,
        );
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
);

export type ProfileInput = z.output<typeof profileInput>;

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** A form field's name for an issue's path (`locationEnds.<id>` is `locations.<id>.endsOn`). */
function fieldOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'locationEnds' && path.length > 1) return `locations.${String(path[1])}.endsOn`;
  // A box of a repeated field (modality.2): the field as a whole.
  if (path.length > 1 && typeof path[1] === 'number') return String(path[0]);
  return path.map(String).join('.') || 'form';
}

/** Parses a listing form with a strict schema; throws a validation error naming each field. */
export function parseListingInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : fieldOf(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({
      field,
      message:
        issue.code === 'unrecognized_keys' ? 'This field cannot be changed here.' : issue.message,
    });
  }
  throw validationError(issues);
}

/** What was typed, to show again after a refused submission (strings only, capped). */
export function echoFields(fields: FormValues, cap = 6000): FormValues {
  const echoed: FormValues = {};
  for (const [key, value] of Object.entries(fields).slice(0, 400)) {
    if (key.length > 60) continue;
    echoed[key] = Array.isArray(value)
      ? value.slice(0, 100).map((v) => v.slice(0, 200))
      : value.slice(0, cap);
  }
  return echoed;
}
