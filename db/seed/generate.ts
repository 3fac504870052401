/**
 * Pure generators for the demo data and the test factories. Nothing here touches a database.
 *
 * Every item is generated from its own random stream (seed + kind + index), so a therapist, a
 * user or a review comes out the same whether it is generated alone, in a batch, or as part of
 * a million. Therapists come from coherent archetypes (modalities, intents and pressure range
 * that fit together) and carry a hidden skill that drives their reviews' outcomes.
 */
import { FOLLOW_UP_WEEKS, type FollowUpWeeks } from '../aggregates';
import { CONDITION_CONSENT_TEXT } from '../schema/reviews';
import { CONDITIONS } from '../taxonomy';
import type {
  Intent,
  LicenseStatus,
  PressureAdjusted,
  ReviewStatus,
  TherapistStatus,
} from '../schema/enums';
import type { OpeningHours, PriceItem } from '../schema/therapists';
import { CITIES, clinicName, pickCity, pickOtherCity, placeIn, type City } from './places';
import { DEFAULT_SEED, Random } from './random';
import {
  ARCHETYPE_KEYS,
  NAME_ORIGINS,
  NOT_RECOMMENDED_REASONS,
  PENDING_REASONS,
  personName,
  reviewText,
  slugify,
  therapistBio,
  therapistHeadline,
  type ArchetypeKey,
  type NameOrigin,
  type Pronoun,
  type Scenario,
} from './text';

export { ARCHETYPE_KEYS, SCENARIOS, type ArchetypeKey, type Scenario, type Pronoun } from './text';
export { DEFAULT_SEED } from './random';

// ---------------------------------------------------------------------------------------------
// Archetypes
// ---------------------------------------------------------------------------------------------

export interface Archetype {
  key: ArchetypeKey;
  weight: number;
  /** Always offered. */
  anchorModalities: readonly string[];
  coreModalities: readonly string[];
  extraModalities: readonly string[];
  intents: readonly Intent[];
  optionalIntents: readonly Intent[];
  /** Bounds for the lower and upper end of the therapist's pressure range. */
  pressureMin: readonly [number, number];
  pressureMax: readonly [number, number];
  coreConditions: readonly string[];
  extraConditions: readonly string[];
  clinicSuffixes: readonly string[];
  /** Extra credentials after LMT/CMT, each with its probability. */
  credentials: readonly (readonly [string, number])[];
  mobileShare: number;
}

export const ARCHETYPES: Readonly<Record<ArchetypeKey, Archetype>> = {
  clinical: {
    key: 'clinical',
    weight: 28,
    anchorModalities: [],
    coreModalities: ['deep-tissue', 'trigger-point', 'neuromuscular', 'myofascial-release'],
    extraModalities: ['medical-massage', 'assisted-stretching', 'chair-massage', 'sports-massage'],
    intents: ['therapeutic', 'maintenance'],
    optionalIntents: [],
    pressureMin: [3, 3],
    pressureMax: [4, 5],
    coreConditions: [
      'lower-back-pain',
      'neck-pain',
      'upper-back-pain',
      'tight-shoulders',
      'desk-posture-pain',
    ],
    extraConditions: [
      'tension-headache',
      'sciatica',
      'hip-pain',
      'muscle-spasms',
      'chronic-pain',
      'jaw-pain',
      'limited-range-of-motion',
    ],
    clinicSuffixes: [
      'Massage Therapy',
      'Bodywork',
      'Clinical Massage',
      'Therapeutic Massage',
      'Pain Relief Massage',
    ],
    credentials: [['NCBTMB', 0.3]],
    mobileShare: 0.08,
  },
  relaxation: {
    key: 'relaxation',
    weight: 20,
    anchorModalities: ['swedish'],
    coreModalities: ['hot-stone'],
    extraModalities: ['reflexology', 'chair-massage', 'prenatal'],
    intents: ['relaxation'],
    optionalIntents: [],
    pressureMin: [1, 1],
    pressureMax: [2, 3],
    coreConditions: ['stress-tension', 'tight-shoulders'],
    extraConditions: [
      'tired-legs',
      'neck-pain',
      'tension-headache',
      'upper-back-pain',
      'lower-back-pain',
    ],
    clinicSuffixes: ['Day Spa', 'Massage Studio', 'Wellness Spa', 'Massage & Spa'],
    credentials: [],
    mobileShare: 0.25,
  },
  sports: {
    key: 'sports',
    weight: 14,
    anchorModalities: ['sports-massage'],
    coreModalities: ['assisted-stretching'],
    extraModalities: ['deep-tissue', 'myofascial-release', 'thai-massage', 'trigger-point'],
    intents: ['sports', 'rehab'],
    optionalIntents: ['maintenance'],
    pressureMin: [3, 3],
    pressureMax: [4, 5],
    coreConditions: ['sports-injury', 'limited-range-of-motion', 'tired-legs', 'muscle-spasms'],
    extraConditions: [
      'hip-pain',
      'plantar-fasciitis',
      'lower-back-pain',
      'sciatica',
      'tight-shoulders',
    ],
    clinicSuffixes: ['Sports Massage', 'Recovery', 'Performance Bodywork', 'Stretch Studio'],
    credentials: [
      ['NCBTMB', 0.25],
      ['CSCS', 0.1],
    ],
    mobileShare: 0.3,
  },
  'asian-firm': {
    key: 'asian-firm',
    weight: 12,
    anchorModalities: [],
    coreModalities: ['acupressure-firm', 'tui-na', 'shiatsu'],
    extraModalities: ['reflexology', 'thai-massage', 'acupuncture'],
    intents: ['therapeutic'],
    optionalIntents: ['maintenance'],
    pressureMin: [3, 3],
    pressureMax: [4, 5],
    coreConditions: ['neck-pain', 'tight-shoulders', 'lower-back-pain'],
    extraConditions: [
      'tension-headache',
      'nausea',
      'stress-tension',
      'muscle-spasms',
      'upper-back-pain',
      'desk-posture-pain',
      'tired-legs',
    ],
    clinicSuffixes: ['Acupressure', 'Shiatsu Studio', 'Tui Na Clinic', 'Healing Arts', 'Bodywork'],
    credentials: [['AOBTA-CP', 0.3]],
    mobileShare: 0.05,
  },
  'light-touch': {
    key: 'light-touch',
    weight: 8,
    anchorModalities: [],
    coreModalities: ['acupressure-light-touch', 'craniosacral', 'reflexology'],
    extraModalities: ['lymphatic-drainage', 'swedish'],
    intents: ['relaxation', 'therapeutic'],
    optionalIntents: [],
    pressureMin: [1, 1],
    pressureMax: [1, 2],
    coreConditions: ['stress-tension', 'tension-headache'],
    extraConditions: ['jaw-pain', 'chronic-pain', 'nausea', 'neck-pain', 'tired-legs'],
    clinicSuffixes: ['Healing Arts', 'Wellness', 'Bodywork Studio', 'Gentle Bodywork'],
    credentials: [],
    mobileShare: 0.15,
  },
  'prenatal-lymphatic': {
    key: 'prenatal-lymphatic',
    weight: 8,
    anchorModalities: [],
    coreModalities: ['prenatal', 'lymphatic-drainage'],
    extraModalities: ['swedish', 'reflexology'],
    intents: ['rehab'],
    optionalIntents: [],
    pressureMin: [1, 1],
    pressureMax: [2, 3],
    coreConditions: ['tired-legs', 'lower-back-pain'],
    extraConditions: ['hip-pain', 'stress-tension', 'nausea', 'sciatica', 'chronic-pain'],
    clinicSuffixes: [
      'Prenatal Massage',
      'Mother & Baby Bodywork',
      'Lymphatic Care',
      'Massage Therapy',
    ],
    credentials: [],
    mobileShare: 0.35,
  },
  medical: {
    key: 'medical',
    weight: 10,
    anchorModalities: ['medical-massage'],
    coreModalities: ['myofascial-release', 'neuromuscular', 'trigger-point'],
    extraModalities: ['lymphatic-drainage', 'assisted-stretching', 'deep-tissue'],
    intents: ['rehab', 'therapeutic'],
    optionalIntents: ['maintenance'],
    pressureMin: [2, 3],
    pressureMax: [4, 5],
    coreConditions: ['chronic-pain', 'lower-back-pain', 'sciatica'],
    extraConditions: [
      'neck-pain',
      'limited-range-of-motion',
      'sports-injury',
      'hip-pain',
      'jaw-pain',
      'plantar-fasciitis',
      'muscle-spasms',
      'upper-back-pain',
    ],
    clinicSuffixes: ['Medical Massage', 'Rehab Massage', 'Integrative Health', 'Clinical Massage'],
    credentials: [['NCBTMB', 0.5]],
    mobileShare: 0.05,
  },
};

/** The archetype whose modalities best match a list (for therapists not built here). */
export function inferArchetype(modalities: readonly string[]): ArchetypeKey {
  let best: ArchetypeKey = 'clinical';
  let bestScore = 0;
  for (const key of ARCHETYPE_KEYS) {
    const a = ARCHETYPES[key];
    const score = modalities.reduce(
      (sum, m) =>
        sum +
        (a.anchorModalities.includes(m)
          ? 3
          : a.coreModalities.includes(m)
            ? 2
            : a.extraModalities.includes(m)
              ? 1
              : 0),
      0,
    );
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function monthStart(now: Date, monthsAgo: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
}

/** Midnight UTC of the day: seeds run on the same day agree to the row. */
function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Therapists
// ---------------------------------------------------------------------------------------------

/** What reviews need to know about a therapist. */
export interface ReviewSubject {
  archetype: ArchetypeKey;
  /** 0..1, hidden: drives how often reviews report relief that lasted. */
  skill: number;
  firstName: string;
  pronoun: Pronoun | null;
  city: string;
  modalities: readonly string[];
  conditions: readonly string[];
  intents: readonly Intent[];
  pressureMin: number;
  pressureMax: number;
}

export interface TherapistProfile extends ReviewSubject {
  index: number;
  lastName: string;
  pronoun: Pronoun;
  origin: NameOrigin;
  /** Where the therapist practises now. */
  home: City;
  /** Relative number of reviews; zero for the few who have none. */
  popularity: number;
}

export interface LocationDraft {
  name: string;
  address: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: number;
  longitude: number;
  startsOn: string;
  endsOn: string | null;
}

export interface TherapistDraft {
  profile: TherapistProfile;
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  bio: string;
  intents: Intent[];
  pressureMin: number;
  pressureMax: number;
  languages: string[];
  mobileService: boolean;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
  bookingUrl: string | null;
  licenseState: string;
  licenseNumber: string;
  licenseStatus: LicenseStatus;
  status: TherapistStatus;
  createdAt: Date;
  updatedAt: Date;
  modalities: string[];
  conditions: string[];
  locations: LocationDraft[];
  notTreated: string;
  referrals: string;
  hours: OpeningHours[];
  prices: PriceItem[];
}

function traitsOf(
  seed: number,
  index: number,
): { archetype: ArchetypeKey; skill: number; popularity: number } {
  const rng = new Random(seed, 'therapist-traits', index);
  const archetype = rng.weighted(ARCHETYPE_KEYS, (key) => ARCHETYPES[key].weight);
  const skill = clamp(rng.normal(0.62, 0.2), 0.05, 0.98);
  const popularity = rng.chance(0.05) ? 0 : Math.exp(rng.normal(0, 1.15)) * (0.6 + skill * 0.8);
  return { archetype, skill, popularity };
}

/** Popularity alone, cheap enough to compute for every therapist up front. */
export function therapistPopularity(seed: number, index: number): number {
  return traitsOf(seed, index).popularity;
}

/** `total` distinct items: all `anchors`, then mostly `core`, topped up from `extra`. */
function pickSome(
  rng: Random,
  total: number,
  anchors: readonly string[],
  core: readonly string[],
  extra: readonly string[],
): string[] {
  const remaining = total - anchors.length;
  if (remaining <= 0) return anchors.slice(0, total);
  const coreCount = clamp(
    rng.int(Math.min(2, remaining), remaining),
    remaining - extra.length,
    core.length,
  );
  return [...anchors, ...rng.sample(core, coreCount), ...rng.sample(extra, remaining - coreCount)];
}

function pickModalities(rng: Random, a: Archetype): string[] {
  const available = a.anchorModalities.length + a.coreModalities.length + a.extraModalities.length;
  return pickSome(
    rng,
    rng.int(2, Math.min(5, available)),
    a.anchorModalities,
    a.coreModalities,
    a.extraModalities,
  );
}

function pickConditions(rng: Random, a: Archetype): string[] {
  const available = a.coreConditions.length + a.extraConditions.length;
  return pickSome(rng, rng.int(3, Math.min(8, available)), [], a.coreConditions, a.extraConditions);
}

export function generateTherapistProfile(
  seed: number,
  index: number,
  options: { archetype?: ArchetypeKey } = {},
): TherapistProfile {
  const traits = {
    ...traitsOf(seed, index),
    ...(options.archetype ? { archetype: options.archetype } : {}),
  };
  const a = ARCHETYPES[traits.archetype];
  const rng = new Random(seed, 'therapist-profile', index);
  const home = pickCity(rng);
  const origin = rng.weighted(
    NAME_ORIGINS,
    (o) => o.weight * (o.language && home.languages?.includes(o.language) ? 2.5 : 1),
  );
  const person = personName(rng, origin, 0.78);
  const modalities = pickModalities(rng, a);
  const conditions = pickConditions(rng, a);
  const intents = [...a.intents, ...a.optionalIntents.filter(() => rng.chance(0.4))];
  if (traits.archetype === 'prenatal-lymphatic' && modalities.includes('prenatal'))
    intents.push('relaxation');
  const pressureMin = rng.int(a.pressureMin[0], a.pressureMin[1]);
  const pressureMax = Math.max(pressureMin, rng.int(a.pressureMax[0], a.pressureMax[1]));
  return {
    index,
    archetype: traits.archetype,
    skill: traits.skill,
    popularity: traits.popularity,
    firstName: person.first,
    lastName: person.last,
    pronoun: person.pronoun,
    origin,
    home,
    city: home.name,
    modalities,
    conditions,
    intents,
    pressureMin,
    pressureMax,
  };
}

export function therapistSlugBase(
  profile: Pick<TherapistProfile, 'firstName' | 'lastName' | 'city'>,
): string {
  return slugify(`${profile.firstName} ${profile.lastName} ${profile.city}`);
}

/** Hands out unique slugs: the base the first time, then base-2, base-3 ... */
export class SlugRegistry {
  private readonly counts = new Map<string, number>();

  claim(base: string): string {
    const seen = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, seen);
    return seen === 1 ? base : `${base}-${seen}`;
  }
}

const LICENSE_SPACE = 10_000_000;
const LICENSE_PREFIX: Readonly<Record<string, string>> = {
  FL: 'MA',
  TX: 'MT',
  WA: 'MA',
  NV: 'NV',
  OH: '33.0',
  NM: 'MT',
};

/** Unique per index (a bijection on 0..9,999,999), shaped like a state licence number. */
export function licenseNumberFor(index: number, state: string): string {
  if (!Number.isInteger(index) || index < 0 || index >= LICENSE_SPACE) {
    throw new RangeError(`licence index ${index} out of range`);
  }
  const scrambled = (index * 7_654_321 + 1_234_567) % LICENSE_SPACE;
  return `${LICENSE_PREFIX[state] ?? ''}${String(scrambled).padStart(7, '0')}`;
}

function credentialsFor(rng: Random, profile: TherapistProfile): string {
  const a = ARCHETYPES[profile.archetype];
  const letters = [profile.home.region === 'CA' ? 'CMT' : 'LMT'];
  for (const [credential, share] of a.credentials) if (rng.chance(share)) letters.push(credential);
  if (profile.modalities.includes('neuromuscular') && rng.chance(0.4)) letters.push('NMT');
  if (profile.modalities.includes('lymphatic-drainage') && rng.chance(0.4)) letters.push('CLT');
  if (profile.modalities.includes('acupuncture')) letters.push('LAc');
  return letters.join(', ');
}

function languagesFor(rng: Random, profile: TherapistProfile): string[] {
  const languages = ['en'];
  if (profile.origin.language && rng.chance(0.6)) languages.push(profile.origin.language);
  for (const language of profile.home.languages ?? []) {
    if (!languages.includes(language) && rng.chance(0.04)) languages.push(language);
  }
  return languages;
}

function emailLocalPart(rng: Random, first: string, last: string): string {
  const f = slugify(first).replace(/-/g, '');
  const l = slugify(last).replace(/-/g, '');
  return rng.pick([`${f}.${l}`, `${f}${l.charAt(0)}`, `hello.${l}`, `${f}.${l}.lmt`, `book.${f}`]);
}

function locationsFor(
  rng: Random,
  profile: TherapistProfile,
  now: Date,
  yearsInPractice: number,
): LocationDraft[] {
  const a = ARCHETYPES[profile.archetype];
  const build = (city: City, startsOn: Date, endsOn: Date | null): LocationDraft => ({
    name: clinicName(rng, a.clinicSuffixes, profile.lastName, city),
    ...placeIn(rng, city),
    country: 'US',
    startsOn: isoDate(startsOn),
    endsOn: endsOn ? isoDate(endsOn) : null,
  });
  const practiceDays = yearsInPractice * 365;
  const currentStart = addDays(now, -rng.int(120, Math.max(200, Math.floor(practiceDays * 0.7))));
  const locations: LocationDraft[] = [];
  if (rng.chance(0.1)) {
    const previousCity = rng.chance(0.5) ? pickOtherCity(rng, profile.home) : profile.home;
    const endsOn = addDays(currentStart, -rng.int(1, 45));
    locations.push(build(previousCity, addDays(endsOn, -rng.int(300, 2500)), endsOn));
  }
  locations.push(build(profile.home, currentStart, null));
  if (rng.chance(0.05)) {
    const nearby = CITIES.filter(
      (c) => c.region === profile.home.region && c.name !== profile.home.name,
    );
    const second = nearby.length > 0 && rng.chance(0.4) ? rng.pick(nearby) : profile.home;
    locations.push(build(second, addDays(now, -rng.int(60, 900)), null));
  }
  return locations;
}

/**
 * A therapist with everything a listing needs. `slugFor` turns the slug base into a unique slug;
 * `licenseIndex` must be unique among therapists sharing a database.
 */
/** What each kind of practice says it does not treat, and whom it refers people to. */
const PRACTICE_LIMITS: Readonly<Record<ArchetypeKey, { notTreated: string; referrals: string }>> = {
  clinical: {
    notTreated:
      'Recent fractures, suspected blood clots, or pain with numbness that is getting worse. Those need a doctor first.',
    referrals:
      'Physical therapists for strength and rehab work, and your physician or a chiropractor when imaging or a diagnosis is needed.',
  },
  relaxation: {
    notTreated:
      'Injuries or pain that needs clinical work: I focus on relaxation and stress relief, not treating conditions.',
    referrals:
      'Clinical and deep tissue therapists for ongoing pain; your doctor for anything new.',
  },
  sports: {
    notTreated: 'Acute injuries in the first 48 hours, suspected tears or fractures.',
    referrals:
      'Sports medicine physicians and physical therapists for diagnosis and return-to-play plans.',
  },
  'asian-firm': {
    notTreated: 'Acute inflammation, open wounds, or conditions where firm pressure is unsafe.',
    referrals: 'Acupuncturists (a separate licensed profession) and your physician.',
  },
  'light-touch': {
    notTreated: 'Deep tissue work: my sessions are gentle by design.',
    referrals:
      'Clinical massage therapists when firm pressure is wanted; your doctor for new symptoms.',
  },
  'prenatal-lymphatic': {
    notTreated:
      'High-risk pregnancies without a note from your midwife or doctor, active infections, or untreated blood clots.',
    referrals:
      'Certified lymphedema therapists for complex cases, pelvic floor physical therapists, and your midwife or OB.',
  },
  medical: {
    notTreated: 'Anything without a clear picture: red-flag symptoms go to a physician first.',
    referrals:
      'Your physician, orthopedists and physical therapists; I send a short note when I refer.',
  },
};

const DAY_PATTERNS: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4],
  [1, 2, 3, 4, 5],
  [0, 2, 4, 5],
  [0, 1, 3, 4, 5, 6],
];

/** Opening hours, prices and limits of a practice: their own random stream. */
function practiceDetails(
  seed: number,
  profile: TherapistProfile,
): { notTreated: string; referrals: string; hours: OpeningHours[]; prices: PriceItem[] } {
  const rng = new Random(seed, 'therapist-practice', profile.index);
  const days = rng.pick(DAY_PATTERNS);
  const opens = rng.pick(['08:00', '09:00', '10:00', '11:00']);
  const closes = rng.pick(['17:00', '18:00', '19:00', '20:00']);
  const hours = days.map((day) => ({
    day,
    opens: day === 5 ? '09:00' : opens,
    closes: day >= 5 ? '15:00' : closes,
  }));
  const rate = rng.int(85, 150) / 60;
  const prices = [60, 90, ...(rng.chance(0.5) ? [30] : [])].map((minutes) => ({
    service: minutes === 30 ? 'Focused session' : `${minutes}-minute session`,
    minutes,
    dollars: Math.round((rate * minutes) / 5) * 5,
  }));
  const limits = rng.chance(0.8) ? PRACTICE_LIMITS[profile.archetype] : undefined;
  return {
    notTreated: limits?.notTreated ?? '',
    referrals: limits?.referrals ?? '',
    hours,
    prices: prices.sort((a, b) => a.minutes - b.minutes),
  };
}

export function generateTherapist(
  profile: TherapistProfile,
  options: { seed: number; now: Date; slugFor: (base: string) => string; licenseIndex: number },
): TherapistDraft {
  const rng = new Random(options.seed, 'therapist-detail', profile.index);
  const a = ARCHETYPES[profile.archetype];
  const yearsInPractice = rng.int(2, 26);
  const locations = locationsFor(rng, profile, options.now, yearsInPractice);
  const first = locations[0];
  if (!first) throw new Error('a therapist has at least one location');
  const credentials = credentialsFor(rng, profile);
  const languages = languagesFor(rng, profile);
  const mobileService = rng.chance(a.mobileShare);
  const textInput = {
    archetype: profile.archetype,
    firstName: profile.firstName,
    city: profile.city,
    modalities: profile.modalities,
    conditions: profile.conditions,
    languages,
    mobileService,
    yearsInPractice,
    skill: profile.skill,
    credentials,
  };
  const slug = options.slugFor(therapistSlugBase(profile));
  const createdAt = addDays(options.now, -rng.int(30, 4 * 365));
  const updatedAt = new Date(
    Math.min(options.now.getTime(), addDays(createdAt, rng.int(0, 400)).getTime()),
  );
  return {
    profile,
    slug,
    name: `${profile.firstName} ${profile.lastName}`,
    credentials,
    headline: therapistHeadline(rng, textInput),
    bio: therapistBio(rng, textInput),
    intents: [...profile.intents],
    pressureMin: profile.pressureMin,
    pressureMax: profile.pressureMax,
    languages,
    mobileService,
    contactEmail: rng.chance(0.85)
      ? `${emailLocalPart(rng, profile.firstName, profile.lastName)}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
      : null,
    phone: rng.chance(0.9)
      ? `(${profile.home.areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`
      : null,
    website: rng.chance(0.55) ? `https://example.com/${slug}` : null,
    bookingUrl: rng.chance(0.6) ? `https://example.org/book/${slug}` : null,
    licenseState: first.region,
    licenseNumber: licenseNumberFor(options.licenseIndex, first.region),
    licenseStatus: rng.weightedKey({ verified: 85, unverified: 12, expired: 3 }),
    status: rng.chance(0.01) ? 'hidden' : 'published',
    createdAt,
    updatedAt,
    modalities: [...profile.modalities],
    conditions: [...profile.conditions],
    locations,
    ...practiceDetails(options.seed, profile),
  };
}

// ---------------------------------------------------------------------------------------------
// Users (reviewers)
// ---------------------------------------------------------------------------------------------

export interface UserDraft {
  id: string;
  email: string;
  displayName: string;
  createdAt: Date;
}

/** A UUID-shaped id, unique by construction: the index fills the last group. */
export function userIdFor(
  seed: number,
  index: number,
  namespace: 'seed' | 'factory' = 'seed',
): string {
  const rng = new Random(seed, 'user-id', index);
  const a = hex8(rng.uint32());
  const b = hex8(rng.uint32());
  const c = hex8(rng.uint32());
  const variant = namespace === 'seed' ? '8' : 'a';
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(0, 3)}-${index.toString(16).padStart(12, '0')}`;
}

export function userJoinedAt(seed: number, index: number, now: Date): Date {
  const rng = new Random(seed, 'user-joined', index);
  return new Date(
    now.getTime() - rng.int(30 * 24, 40 * 30 * 24) * 3_600_000 - rng.int(0, 3_599_999),
  );
}

export function generateUser(seed: number, index: number, now: Date): UserDraft {
  const rng = new Random(seed, 'user', index);
  const origin = rng.weighted(NAME_ORIGINS, (o) => o.weight);
  const person = personName(rng, origin, 0.55);
  const initial = person.last
    .replace(/^[^A-Za-zÀ-ÿ]+/, '')
    .charAt(0)
    .toUpperCase();
  const displayName = rng.chance(0.85) && initial ? `${person.first} ${initial}.` : person.first;
  return {
    id: userIdFor(seed, index),
    email: `reviewer${index + 1}@example.net`,
    displayName,
    createdAt: userJoinedAt(seed, index, now),
  };
}

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

export interface FollowUpDraft {
  weeksAfter: FollowUpWeeks;
  painNow: number;
  answeredAt: Date;
}

export interface ReviewDraft {
  scenario: Scenario;
  rating: number;
  title: string;
  body: string;
  visitMonth: string;
  sessionsCount: number;
  intent: Intent;
  condition: string | null;
  conditionPublic: boolean;
  conditionConsentAt: Date | null;
  conditionConsentText: string | null;
  painBefore: number | null;
  painNow: number | null;
  pressureWanted: number | null;
  pressureReceived: number | null;
  pressureAdjusted: PressureAdjusted | null;
  assessedBefore: boolean | null;
  explainedCause: boolean | null;
  gaveHomeCare: boolean | null;
  setExpectations: boolean | null;
  referredOut: boolean | null;
  wouldRecommend: boolean;
  status: ReviewStatus;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  followUps: FollowUpDraft[];
}

interface ScenarioRule {
  intents: readonly Intent[];
  weight: (skill: number) => number;
  positive: boolean;
  /** Weights of 1..5 stars. */
  stars: readonly [number, number, number, number, number];
  sessions: readonly [number, number];
  /** Pain before and now; null for a pure relaxation visit. */
  pain: ((rng: Random) => [number, number]) | null;
  /** Pain at a follow-up, given before, now at review time, and the previous answer. */
  followUp: (
    rng: Random,
    before: number,
    now: number,
    previous: number,
    weeks: FollowUpWeeks,
  ) => number;
  /** Chances of assessed, explained cause, home care, set expectations. */
  checklist: readonly [number, number, number, number];
}

const PAIN_INTENTS: readonly Intent[] = ['therapeutic', 'maintenance', 'sports', 'rehab'];
const holdAround = (rng: Random, _before: number, now: number): number =>
  clamp(now + rng.int(-1, 1), 0, 10);

export const SCENARIO_RULES: Readonly<Record<Scenario, ScenarioRule>> = {
  lasting: {
    intents: ['therapeutic', 'rehab'],
    weight: (s) => 3.2 * s ** 1.5,
    positive: true,
    stars: [0, 0, 0, 15, 85],
    sessions: [1, 6],
    pain: (rng) => [rng.int(5, 9), rng.int(0, 2)],
    followUp: (rng, before, now) => clamp(now + rng.int(-1, 1), 0, before - 2),
    checklist: [0.9, 0.85, 0.7, 0.6],
  },
  gradual: {
    intents: ['therapeutic', 'rehab', 'maintenance'],
    weight: (s) => 2 * s,
    positive: true,
    stars: [0, 0, 0, 45, 55],
    sessions: [3, 10],
    pain: (rng) => {
      const before = rng.int(5, 9);
      return [before, before - rng.int(3, Math.min(5, before))];
    },
    followUp: (rng, _before, _now, previous) => clamp(previous - rng.int(0, 1), 0, 10),
    checklist: [0.85, 0.7, 0.75, 0.75],
  },
  fading: {
    intents: ['therapeutic', 'maintenance', 'sports'],
    weight: (s) => 1.4 * (1 - s),
    positive: true,
    stars: [0, 0, 5, 45, 50],
    sessions: [1, 3],
    pain: (rng) => {
      const before = rng.int(5, 8);
      return [before, before - rng.int(2, 4)];
    },
    followUp: (rng, before, now, _previous, weeks) =>
      clamp(weeks === 2 ? now + rng.int(0, 2) : before - rng.int(0, 1), 0, 10),
    checklist: [0.35, 0.25, 0.2, 0.2],
  },
  maintenance: {
    intents: ['maintenance'],
    weight: () => 1.5,
    positive: true,
    stars: [0, 0, 0, 30, 70],
    sessions: [6, 40],
    pain: (rng) => {
      const before = rng.int(4, 7);
      return [before, rng.int(1, before - 2)];
    },
    followUp: holdAround,
    checklist: [0.6, 0.5, 0.5, 0.4],
  },
  sports: {
    intents: ['sports'],
    weight: (s) => 1.2 + s,
    positive: true,
    stars: [0, 0, 0, 35, 65],
    sessions: [1, 12],
    pain: (rng) => {
      const before = rng.int(3, 6);
      return [before, Math.max(0, before - rng.int(2, 4))];
    },
    followUp: holdAround,
    checklist: [0.7, 0.5, 0.6, 0.5],
  },
  rehab: {
    intents: ['rehab'],
    weight: (s) => 0.4 + 1.5 * s,
    positive: true,
    stars: [0, 0, 0, 40, 60],
    sessions: [4, 16],
    pain: (rng) => {
      const before = rng.int(5, 8);
      return [before, before - rng.int(2, 4)];
    },
    followUp: (rng, _before, _now, previous) => clamp(previous - rng.int(0, 1), 0, 10),
    checklist: [0.9, 0.7, 0.8, 0.7],
  },
  referred: {
    intents: PAIN_INTENTS,
    weight: (s) => 0.3 + 0.5 * s,
    positive: true,
    stars: [0, 0, 0, 35, 65],
    sessions: [1, 4],
    pain: (rng) => {
      const before = rng.int(5, 9);
      return [before, before - rng.int(1, 4)];
    },
    followUp: (rng, _before, _now, previous) => clamp(previous - rng.int(0, 1), 0, 10),
    checklist: [0.95, 0.8, 0.5, 0.4],
  },
  temporary: {
    intents: ['therapeutic', 'maintenance', 'sports'],
    weight: (s) => 0.3 + 2 * (1 - s),
    positive: false,
    stars: [0, 30, 50, 20, 0],
    sessions: [1, 4],
    pain: (rng) => {
      const before = rng.int(5, 8);
      return [before, before - rng.int(0, 1)];
    },
    followUp: (rng, before) => clamp(before + rng.int(-1, 0), 0, 10),
    checklist: [0.3, 0.2, 0.15, 0.2],
  },
  relaxation: {
    intents: ['relaxation'],
    weight: () => 3,
    positive: true,
    stars: [0, 0, 5, 30, 65],
    sessions: [1, 8],
    pain: null,
    followUp: holdAround,
    checklist: [0.2, 0.05, 0.1, 0.05],
  },
  'relaxation-for-pain': {
    intents: ['relaxation'],
    weight: () => 0.8,
    positive: false,
    stars: [0, 55, 45, 0, 0],
    sessions: [1, 2],
    pain: (rng) => {
      const before = rng.int(4, 7);
      return [before, before - rng.int(0, 1)];
    },
    followUp: (rng, before) => clamp(before + rng.int(-1, 0), 0, 10),
    checklist: [0.1, 0.05, 0.05, 0.05],
  },
  'no-change': {
    intents: PAIN_INTENTS,
    weight: (s) => 1.2 * (1 - s),
    positive: false,
    stars: [10, 50, 40, 0, 0],
    sessions: [2, 6],
    pain: (rng) => {
      const before = rng.int(4, 8);
      return [before, clamp(before + rng.int(-1, 1), 0, 10)];
    },
    followUp: holdAround,
    checklist: [0.4, 0.25, 0.3, 0.3],
  },
  'pressure-ignored': {
    intents: ['therapeutic', 'maintenance', 'sports', 'rehab', 'relaxation'],
    weight: (s) => 0.05 + 0.8 * (1 - s),
    positive: false,
    stars: [55, 45, 0, 0, 0],
    sessions: [1, 2],
    pain: (rng) => {
      const before = rng.int(4, 7);
      return [before, clamp(before + rng.int(-1, 2), 0, 10)];
    },
    followUp: holdAround,
    checklist: [0.15, 0.1, 0.1, 0.1],
  },
  worse: {
    intents: PAIN_INTENTS,
    weight: (s) => 0.3 * (1 - s),
    positive: false,
    stars: [70, 30, 0, 0, 0],
    sessions: [1, 1],
    pain: (rng) => {
      const before = rng.int(3, 7);
      return [before, Math.min(10, before + rng.int(1, 3))];
    },
    followUp: holdAround,
    checklist: [0.1, 0.05, 0.05, 0.05],
  },
};

const SCENARIO_KEYS = Object.keys(SCENARIO_RULES) as Scenario[];
const STAR_INDEXES = [0, 1, 2, 3, 4] as const;

/** Conditions with a 0-10 pain-like score; stress and nausea are reviewed, but not as pain. */
const PAIN_CONDITIONS = CONDITIONS.map((c) => c.slug).filter(
  (s) => s !== 'stress-tension' && s !== 'nausea',
);
const SPORTS_CONDITIONS = new Set([
  'sports-injury',
  'limited-range-of-motion',
  'tired-legs',
  'muscle-spasms',
  'hip-pain',
  'plantar-fasciitis',
]);

function pickCondition(
  rng: Random,
  subject: ReviewSubject,
  scenario: Scenario,
  intent: Intent,
): string | null {
  if (scenario === 'relaxation') {
    return rng.chance(0.5) && subject.conditions.includes('stress-tension')
      ? 'stress-tension'
      : null;
  }
  let candidates = subject.conditions.filter((c) => PAIN_CONDITIONS.includes(c));
  if (intent === 'sports') {
    const sporty = candidates.filter((c) => SPORTS_CONDITIONS.has(c));
    if (sporty.length > 0) candidates = sporty;
  }
  if (candidates.length === 0 || rng.chance(0.12)) candidates = PAIN_CONDITIONS;
  return rng.pick(candidates);
}

function pickPressure(
  rng: Random,
  subject: ReviewSubject,
  scenario: Scenario,
  skill: number,
): Pick<ReviewDraft, 'pressureWanted' | 'pressureReceived' | 'pressureAdjusted'> & {
  start: number;
} {
  const { pressureMin: min, pressureMax: max } = subject;
  const start = Math.round((min + max) / 2);
  if (scenario !== 'pressure-ignored' && rng.chance(0.07)) {
    return { pressureWanted: null, pressureReceived: null, pressureAdjusted: null, start };
  }
  if (scenario === 'pressure-ignored') {
    const wantsLighter = max >= 3 && (min <= 1 ? rng.chance(0.7) : true);
    if (wantsLighter) {
      const received = rng.int(Math.max(start, 2), max);
      return {
        pressureWanted: rng.int(Math.max(1, received - 2), received - 1),
        pressureReceived: received,
        pressureAdjusted: 'no',
        start,
      };
    }
    const received = rng.int(min, Math.min(start, 4));
    return {
      pressureWanted: rng.int(received + 1, Math.min(5, received + 2)),
      pressureReceived: received,
      pressureAdjusted: 'no',
      start,
    };
  }
  const rule = SCENARIO_RULES[scenario];
  const firmer = scenario === 'relaxation-for-pain' || scenario === 'temporary';
  const delta = rng.weightedKey(
    firmer ? { '-1': 10, '0': 40, '1': 35, '2': 15 } : { '-1': 20, '0': 50, '1': 25, '2': 5 },
  );
  if (rule.positive) {
    const wanted = clamp(start + Number(delta), min, max);
    return wanted === start
      ? { pressureWanted: wanted, pressureReceived: wanted, pressureAdjusted: 'not_asked', start }
      : { pressureWanted: wanted, pressureReceived: wanted, pressureAdjusted: 'yes', start };
  }
  const wanted = clamp(start + Number(delta), 1, 5);
  if (wanted === start)
    return {
      pressureWanted: wanted,
      pressureReceived: wanted,
      pressureAdjusted: 'not_asked',
      start,
    };
  const received = clamp(wanted, min, max);
  if (received !== start && rng.chance(0.5 + 0.4 * skill)) {
    return { pressureWanted: wanted, pressureReceived: received, pressureAdjusted: 'yes', start };
  }
  return { pressureWanted: wanted, pressureReceived: start, pressureAdjusted: 'no', start };
}

function maybe(rng: Random, value: boolean): boolean | null {
  return rng.chance(0.05) ? null : value;
}

export interface ReviewContext {
  now: Date;
  /** The author's account creation: the review cannot be older. */
  notBefore: Date;
  /** Forces the story instead of drawing it from the therapist's archetype and skill. */
  scenario?: Scenario;
}

/** One review of `subject`, with its follow-ups; every field agrees with the text. */
export function generateReview(
  rng: Random,
  subject: ReviewSubject,
  context: ReviewContext,
): ReviewDraft {
  const { now } = context;
  const eligible = SCENARIO_KEYS.filter((key) =>
    SCENARIO_RULES[key].intents.some((i) => subject.intents.includes(i)),
  );
  const scenario =
    context.scenario ?? rng.weighted(eligible, (key) => SCENARIO_RULES[key].weight(subject.skill));
  const rule = SCENARIO_RULES[scenario];
  const offered = rule.intents.filter((i) => subject.intents.includes(i));
  const intent = rng.pick(offered.length > 0 ? offered : rule.intents);
  const condition = pickCondition(rng, subject, scenario, intent);
  const [painBefore, painNow] = rule.pain ? rule.pain(rng) : [null, null];
  const sessionsCount = rng.int(rule.sessions[0], rule.sessions[1]);
  const pressure = pickPressure(rng, subject, scenario, subject.skill);

  const quiet = subject.archetype === 'relaxation' || subject.archetype === 'light-touch' ? 0.6 : 1;
  const shift = (subject.skill - 0.6) * 0.3;
  const [pa, pe, ph, px] = rule.checklist;
  const assessedBefore = maybe(rng, rng.chance(clamp((pa + shift) * quiet, 0, 1)));
  const explainedCause = maybe(
    rng,
    condition !== null && rng.chance(clamp((pe + shift) * quiet, 0, 1)),
  );
  const gaveHomeCare = maybe(rng, rng.chance(clamp(ph + shift, 0, 1)));
  const setExpectations = maybe(rng, rng.chance(clamp(px + shift, 0, 1)));
  const referredOut = maybe(
    rng,
    scenario === 'referred' ||
      (condition !== null &&
        rng.chance(intent === 'rehab' ? 0.12 : scenario === 'relaxation' ? 0 : 0.02)),
  );
  const rating = 1 + rng.weighted(STAR_INDEXES, (star) => rule.stars[star] ?? 0);
  const wouldRecommend = rating >= 4 ? true : rating <= 2 ? false : rng.chance(0.3);

  const lowestMonth = now.getUTCDate() >= 3 ? 0 : 1;
  const monthsAgo = lowestMonth + Math.floor((36 - lowestMonth) * (1 - Math.sqrt(rng.next())));
  const visit = monthStart(now, Math.min(35, monthsAgo));
  const latest = now.getTime() - 3_600_000;
  const visitDay = Math.min(visit.getTime() + rng.int(0, 27) * DAY_MS, latest);
  let created =
    visitDay + rng.int(0, 45) * DAY_MS + rng.int(8, 21) * 3_600_000 + rng.int(0, 3_599_999);
  created = Math.min(
    Math.max(created, context.notBefore.getTime() + rng.int(1, 72) * 3_600_000),
    latest,
  );
  created = Math.max(created, visit.getTime());
  const createdAt = new Date(created);

  // Moderators keep up: only reviews of the last days still wait for them.
  const statusRoll = rng.next();
  const recent = now.getTime() - created < PENDING_WINDOW_DAYS * DAY_MS;
  const status: ReviewStatus =
    recent && statusRoll < 0.15 ? 'pending' : statusRoll >= 0.99 ? 'not_recommended' : 'published';
  const statusReason =
    status === 'pending'
      ? rng.pick(PENDING_REASONS)
      : status === 'not_recommended'
        ? rng.pick(NOT_RECOMMENDED_REASONS)
        : null;
  const publishedAt =
    status === 'published'
      ? new Date(Math.min(created + rng.int(5, 36 * 60) * 60_000, now.getTime()))
      : null;
  const conditionPublic = condition !== null && rng.chance(0.4);

  const followUps: FollowUpDraft[] = [];
  if (painBefore !== null && painNow !== null && rng.chance(0.5)) {
    let previous = painNow;
    for (const weeks of FOLLOW_UP_WEEKS) {
      if (weeks === 6 && !rng.chance(0.8)) break;
      if (weeks === 12 && !rng.chance(0.75)) break;
      const answeredAt = new Date(created + weeks * 7 * DAY_MS + rng.int(0, 4 * 24) * 3_600_000);
      if (answeredAt.getTime() > now.getTime()) break;
      previous = rule.followUp(rng, painBefore, painNow, previous, weeks);
      followUps.push({ weeksAfter: weeks, painNow: previous, answeredAt });
    }
  }

  const textInput = {
    scenario,
    intent,
    archetype: subject.archetype,
    therapistFirstName: subject.firstName,
    pronoun: subject.pronoun,
    city: subject.city,
    modalities: subject.modalities,
    condition,
    painBefore,
    painNow,
    sessions: sessionsCount,
    pressureWanted: pressure.pressureWanted,
    pressureReceived: pressure.pressureReceived,
    pressureAdjusted: pressure.pressureAdjusted,
    pressureStart: pressure.start,
    assessedBefore,
    explainedCause,
    gaveHomeCare,
    setExpectations,
    referredOut,
    rating,
  };

  const { title, body } = reviewText(rng, textInput);
  return {
    scenario,
    rating,
    title,
    body,
    visitMonth: isoDate(visit),
    sessionsCount,
    intent,
    condition,
    conditionPublic,
    conditionConsentAt: conditionPublic ? createdAt : null,
    conditionConsentText: conditionPublic ? CONDITION_CONSENT_TEXT : null,
    painBefore,
    painNow,
    pressureWanted: pressure.pressureWanted,
    pressureReceived: pressure.pressureReceived,
    pressureAdjusted: pressure.pressureAdjusted,
    assessedBefore,
    explainedCause,
    gaveHomeCare,
    setExpectations,
    referredOut,
    wouldRecommend,
    status,
    statusReason,
    createdAt,
    updatedAt: createdAt,
    publishedAt,
    followUps,
  };
}

// ---------------------------------------------------------------------------------------------
// The plan: how many of everything, who reviews whom
// ---------------------------------------------------------------------------------------------

export interface SeedPlanOptions {
  therapists: number;
  reviews: number;
  seed?: number;
  /** The moment the data is generated for (default: today, midnight UTC). */
  now?: Date;
}

/** Largest number of therapists a plan accepts (licence numbers stay unique below it). */
/** Seeded reviews still wait for a moderator only when written within this many days. */
const PENDING_WINDOW_DAYS = 10;

export const MAX_SEED_THERAPISTS = 5_000_000;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Shares `total` reviews among therapists in proportion to their popularity, exactly, with no
 * therapist above `cap` (each reviewer reviews a therapist at most once).
 */
export function allocateReviewCounts(
  popularity: ArrayLike<number>,
  total: number,
  cap: number,
): Int32Array {
  const n = popularity.length;
  const counts = new Int32Array(n);
  if (total === 0 || n === 0) return counts;
  const weights = Float64Array.from({ length: n }, (_, i) => Math.max(0, popularity[i] ?? 0));
  if (!weights.some((w) => w > 0)) weights.fill(1);
  const capped = new Uint8Array(n);
  let remaining = total;
  for (;;) {
    let weightSum = 0;
    for (let i = 0; i < n; i += 1) if (!capped[i]) weightSum += weights[i] ?? 0;
    if (weightSum <= 0) break;
    let overflow = false;
    for (let i = 0; i < n; i += 1) {
      if (!capped[i] && ((weights[i] ?? 0) / weightSum) * remaining > cap) {
        capped[i] = 1;
        counts[i] = cap;
        remaining -= cap;
        overflow = true;
      }
    }
    if (!overflow) break;
  }
  let weightSum = 0;
  for (let i = 0; i < n; i += 1) if (!capped[i]) weightSum += weights[i] ?? 0;
  const fractions: { index: number; fraction: number }[] = [];
  let assigned = 0;
  for (let i = 0; i < n; i += 1) {
    if (capped[i] || weightSum <= 0) continue;
    const exact = ((weights[i] ?? 0) / weightSum) * remaining;
    const whole = Math.floor(exact);
    counts[i] = whole;
    assigned += whole;
    if ((weights[i] ?? 0) > 0) fractions.push({ index: i, fraction: exact - whole });
  }
  fractions.sort((x, y) => y.fraction - x.fraction || x.index - y.index);
  let left = remaining - assigned;
  for (let k = 0; left > 0 && fractions.length > 0; k = (k + 1) % fractions.length) {
    const entry = fractions[k];
    if (entry && (counts[entry.index] ?? 0) < cap) {
      counts[entry.index] = (counts[entry.index] ?? 0) + 1;
      left -= 1;
    }
  }
  return counts;
}

export interface PlannedReview {
  therapistIndex: number;
  authorIndex: number;
  review: ReviewDraft;
}

/**
 * The whole demo data set, produced lazily. Therapists, users and reviews are each generated on
 * demand from their index, so a million reviews never need to sit in memory at once.
 */
export class SeedPlan {
  readonly seed: number;
  readonly now: Date;
  readonly therapistCount: number;
  readonly reviewCount: number;
  readonly userCount: number;
  /** Reviews per therapist, summing to `reviewCount`. */
  readonly reviewCounts: Int32Array;

  constructor(options: SeedPlanOptions) {
    const { therapists, reviews } = options;
    if (!Number.isInteger(therapists) || therapists < 0 || therapists > MAX_SEED_THERAPISTS) {
      throw new RangeError(`therapists must be a whole number from 0 to ${MAX_SEED_THERAPISTS}`);
    }
    if (!Number.isInteger(reviews) || reviews < 0)
      throw new RangeError('reviews must be a whole number from 0');
    if (reviews > 0 && therapists === 0)
      throw new RangeError('reviews need at least one therapist');
    this.seed = options.seed ?? DEFAULT_SEED;
    this.now = options.now ?? startOfUtcDay(new Date());
    this.therapistCount = therapists;
    this.reviewCount = reviews;
    const popularity = Float64Array.from({ length: therapists }, (_, i) =>
      therapistPopularity(this.seed, i),
    );
    const reviewed = popularity.reduce((n, p) => n + (p > 0 ? 1 : 0), 0) || therapists;
    this.userCount =
      reviews === 0
        ? 0
        : Math.max(Math.ceil(reviews / 3), Math.ceil(reviews / Math.max(1, reviewed)));
    this.reviewCounts = allocateReviewCounts(popularity, reviews, this.userCount);
  }

  profile(index: number): TherapistProfile {
    return generateTherapistProfile(this.seed, index);
  }

  /** Therapists in index order, with unique slugs. */
  *therapists(): Generator<TherapistDraft> {
    const slugs = new SlugRegistry();
    for (let index = 0; index < this.therapistCount; index += 1) {
      yield generateTherapist(this.profile(index), {
        seed: this.seed,
        now: this.now,
        slugFor: (base) => slugs.claim(base),
        licenseIndex: index,
      });
    }
  }

  user(index: number): UserDraft {
    return generateUser(this.seed, index, this.now);
  }

  *users(): Generator<UserDraft> {
    for (let index = 0; index < this.userCount; index += 1) yield this.user(index);
  }

  userId(index: number): string {
    return userIdFor(this.seed, index);
  }

  /**
   * The authors of a therapist's reviews: an arithmetic walk over all users with a step coprime
   * to their number, so the first `count` steps never meet the same user twice.
   */
  authorsOf(therapistIndex: number): (reviewIndex: number) => number {
    const users = this.userCount;
    const rng = new Random(this.seed, 'authors', therapistIndex);
    const offset = rng.int(0, Math.max(0, users - 1));
    let step = users > 1 ? rng.int(1, users - 1) : 1;
    while (users > 1 && gcd(step, users) !== 1) step = (step % (users - 1)) + 1;
    return (reviewIndex) => (offset + reviewIndex * step) % Math.max(1, users);
  }

  /** Every review, grouped by therapist in index order. */
  *reviews(): Generator<PlannedReview> {
    for (let t = 0; t < this.therapistCount; t += 1) {
      const count = this.reviewCounts[t] ?? 0;
      if (count === 0) continue;
      const subject = this.profile(t);
      const authorOf = this.authorsOf(t);
      for (let j = 0; j < count; j += 1) {
        const authorIndex = authorOf(j);
        const review = generateReview(new Random(this.seed, 'review', t, j), subject, {
          now: this.now,
          notBefore: userJoinedAt(this.seed, authorIndex, this.now),
        });
        yield { therapistIndex: t, authorIndex, review };
      }
    }
  }
}

/** Splits any sequence into arrays of `size`, lazily. */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
