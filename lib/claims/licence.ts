/**
 * Does a licence typed by a claimant match the one on a listing? Pure functions: state equal,
 * number and name compared after normalising what people write differently.
 */

export interface TypedLicence {
  state: string;
  number: string;
  /** The full name as it appears on the licence. */
  name: string;
}

export interface ListingLicence {
  state: string | null;
  number: string | null;
  /** The listing's name (credentials are kept apart on a listing). */
  name: string;
}

export interface LicenceMatch {
  /** The listing has a licence to compare with. */
  onListing: boolean;
  state: boolean;
  number: boolean;
  name: boolean;
  /** All three agree. */
  matched: boolean;
}

const DASHES = /[-\u2010-\u2015\u2212]/g;

/**
 * A licence number as boards and people write it the same: upper case, without spaces, dashes
 * or dots, and without leading zeros (after a letter prefix too: "MA-0012345" = "MA12345").
 */
export function normaliseLicenceNumber(raw: string): string {
  const compact = raw
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(DASHES, '')
    .replace(/[\s.]/g, '');
  return compact.replace(/^([A-Z]*)0+(?=\d)/, '$1');
}

/** Letters after a name that are credentials, not part of it. */
const CREDENTIALS = new Set([
  'lmt',
  'cmt',
  'lmbt',
  'lmp',
  'rmt',
  'mt',
  'ncbtmb',
  'bctmb',
  'nctmb',
  'cnmt',
  'mmt',
  'lac',
  'dipl',
  'om',
  'pt',
  'dpt',
  'atc',
  'cpt',
  'crmt',
  'bcmt',
  'cst',
  'ccmt',
  'lsmt',
]);

function words(part: string): string[] {
  return part
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(DASHES, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * The ways a name can be read, as lists of words for comparing: accents, punctuation and case
 * removed, known credentials left out. What follows a comma is either credentials ("Maya
 * Rodriguez, LMT": left out) or the rest of the name ("Rodriguez, Maya": kept), so both readings
 * are returned.
 */
export function nameReadings(raw: string): string[][] {
  const [first = '', ...rest] = raw.normalize('NFKC').split(',');
  const keep = (tokens: string[]) => tokens.filter((token) => !CREDENTIALS.has(token));
  const beforeComma = keep(words(first));
  const whole = keep(rest.flatMap(words));
  return whole.length === 0 ? [beforeComma] : [beforeComma, [...beforeComma, ...whole]];
}

function removeOne(list: string[], value: string): boolean {
  const index = list.indexOf(value);
  if (index === -1) return false;
  list.splice(index, 1);
  return true;
}

/**
 * Two names are the same person's when their words are the same in any order, except that a
 * middle initial may be missing on one side, and a middle name may be given as its initial
 * ("Maya J. Rodriguez" = "Maya Rodriguez" = "Maya Jane Rodriguez"). Two different initials,
 * or a first or last name given only as an initial, do not match.
 */
export function namesMatch(a: string, b: string): boolean {
  const readings = nameReadings(b);
  return nameReadings(a).some((left) => readings.some((right) => wordsMatch(left, right)));
}

function wordsMatch(left: string[], right: string[]): boolean {
  const leftFull = left.filter((t) => t.length > 1);
  const rightFull = right.filter((t) => t.length > 1);
  const leftInitials = left.filter((t) => t.length === 1);
  const rightInitials = right.filter((t) => t.length === 1);
  if (leftFull.length === 0 || rightFull.length === 0) return false;

  const needed = Math.min(2, Math.max(leftFull.length, rightFull.length));
  const leftOnly: string[] = [];
  const rightRemaining = [...rightFull];
  for (const token of leftFull) if (!removeOne(rightRemaining, token)) leftOnly.push(token);
  const exact = leftFull.length - leftOnly.length;
  if (exact < needed) return false;

  // A full middle name on one side must appear as its initial on the other.
  for (const token of leftOnly) if (!removeOne(rightInitials, token[0]!)) return false;
  for (const token of rightRemaining) if (!removeOne(leftInitials, token[0]!)) return false;

  // Initials on both sides pair up; what is left may be missing on one side only.
  const unpairedLeft = leftInitials.filter((initial) => !removeOne(rightInitials, initial));
  return unpairedLeft.length === 0 || rightInitials.length === 0;
}

/** Compares a typed licence with the listing's: state, number and name each. */
export function matchLicence(typed: TypedLicence, listing: ListingLicence): LicenceMatch {
  const onListing = Boolean(listing.state && listing.number);
  const state =
    onListing && typed.state.trim().toUpperCase() === listing.state!.trim().toUpperCase();
  const typedNumber = normaliseLicenceNumber(typed.number);
  const number =
    onListing && typedNumber.length > 0 && typedNumber === normaliseLicenceNumber(listing.number!);
  const name = namesMatch(typed.name, listing.name);
  return { onListing, state, number, name, matched: onListing && state && number && name };
}

/**
 * An address with most of it hidden, to show where a code went without revealing it:
 * "maya@gmail.com" -> "m•••@g•••.com".
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const top = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}•••@${domain[0] ?? ''}•••${top}`;
}
