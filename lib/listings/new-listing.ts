import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, selectRows, type Executor } from '@/db';
import {
  listingClaims,
  practiceLocations,
  therapistConditions,
  therapistModalities,
  therapists,
  users,
} from '@/db/schema';
import { OPEN_CLAIM_STATUSES } from '@/db/schema/enums';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit';
import { AppError, validationError, type FieldIssue } from '@/lib/errors';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import {
  bioField,
  checkLocation,
  checkNoContactDetails,
  conditionList,
  contactEmailField,
  credentialsField,
  headlineField,
  intentList,
  locationFrom,
  locationShape,
  modalityList,
  NEW_LISTING_CONTACT_MESSAGE,
  parseListingInput,
  stateCode,
  typedText,
  type Issue,
} from './input';
import { LISTING_LIMITS } from './options';
import { listTaxonomyOptions, taxonomyIds, type TaxonomyOptions } from './taxonomy';

const L = LISTING_LIMITS;

/** Requests for a new listing per account and day (RATE_LIMIT_NEW_LISTINGS_PER_DAY; 0: off). */
export function newListingLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_NEW_LISTINGS_PER_DAY', 5, {
    name: 'requests for a new listing today',
    windowSeconds: 24 * 3600,
  });
}

export const DUPLICATE_LICENCE_MESSAGE =
  'A listing with this licence already exists: claim it instead.';
export const PENDING_LICENCE_MESSAGE =
  'A request for this licence is already waiting for the moderators.';
export const HIDDEN_LICENCE_MESSAGE =
  'A listing with this licence is already on Unknot, though it is not shown now, so a second one cannot be added. If it is yours, contact the moderators: they can look into it.';

/** Why a licence already on a listing cannot start another, by that listing's status. */
export function licenceTakenMessage(status: string | undefined): string {
  if (status === 'pending') return PENDING_LICENCE_MESSAGE;
  if (status === 'hidden') return HIDDEN_LICENCE_MESSAGE;
  return DUPLICATE_LICENCE_MESSAGE;
}

const STAFF_MESSAGE =
  'Staff accounts cannot ask for a listing: moderators and admins decide on listings, so they cannot hold one.';

/* ------------------------------------------------------------------------------------------ */
/* Input                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const licenseNumberField = z.preprocess(
  (value) => (typeof value === 'string' ? value.toUpperCase() : value),
  typedText({
    max: L.licenseNumberMax,
    tooLong: `A licence number has at most ${L.licenseNumberMax} characters.`,
    pattern: {
      regex: /^[A-Z0-9][A-Z0-9 .\-/]*$/,
      message: 'Enter the licence number as it is on the licence (letters, digits, - . /).',
    },
  }),
);

export const newListingInput = z
  .strictObject({
    name: typedText({
      min: L.nameMin,
      max: L.nameMax,
      required: 'Enter your name as clients know you (at least 2 characters).',
      tooLong: `Keep the name to ${L.nameMax} characters or fewer.`,
      pattern: {
        regex: /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u,
        message: "Enter a name with letters, spaces and . ' - only.",
      },
    }),
    credentials: credentialsField,
    licenseState: stateCode,
    licenseNumber: licenseNumberField,
    headline: headlineField,
    bio: bioField,
    modality: modalityList,
    intent: intentList,
    condition: conditionList,
    ...locationShape('location'),
    contactEmail: contactEmailField,
  })
  .superRefine(
    (input, context) => {
      const record = input as Record<string, unknown>;
      const issue: Issue = (path, message) =>
        context.addIssue({ code: 'custom', path: [path], message });
      const state = record.licenseState;
      const number = record.licenseNumber;
      if (state && !number) issue('licenseNumber', 'Enter the licence number, or clear the state.');
      if (!state && typeof number === 'string' && number !== '') {
        issue('licenseState', 'Choose the state that issued the licence.');
      }
      checkLocation(record, 'location', true, issue);
      checkNoContactDetails(
        record,
        {
          strict: ['headline', 'bio', 'location.name', 'location.city'],
          lenient: ['credentials', 'location.address'],
        },
        NEW_LISTING_CONTACT_MESSAGE,
        issue,
      );
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type NewListingInput = z.output<typeof newListingInput>;

/* ------------------------------------------------------------------------------------------ */
/* State of the viewer                                                                          */
/* ------------------------------------------------------------------------------------------ */

export type NewListingState =
  | { state: 'open'; options: TaxonomyOptions }
  | { state: 'staff'; message: string }
  | { state: 'holds_listing'; name: string; slug: string }
  | { state: 'pending'; name: string; submittedAt: string };

async function pendingRequest(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ name: therapists.name, createdAt: listingClaims.createdAt })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(
      and(
        eq(listingClaims.userId, userId),
        eq(listingClaims.kind, 'new_listing'),
        inArray(listingClaims.status, [...OPEN_CLAIM_STATUSES]),
      ),
    )
    .orderBy(desc(listingClaims.createdAt))
    .limit(1);
  return row;
}

async function heldListing(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ name: therapists.name, slug: therapists.slug })
    .from(therapists)
    .where(eq(therapists.claimedByUserId, userId))
    .limit(1);
  return row;
}

/** Whether the viewer may ask for a new listing now, and the form's choices when they may. */
export async function getNewListingState(viewer: Viewer | null): Promise<NewListingState> {
  const me = requireSignedIn(viewer);
  if (me.role === 'moderator' || me.role === 'admin') {
    return { state: 'staff', message: STAFF_MESSAGE };
  }
  const db = getDb();
  const held = await heldListing(db, me.userId);
  if (held) return { state: 'holds_listing', ...held };
  const pending = await pendingRequest(db, me.userId);
  if (pending) {
    return { state: 'pending', name: pending.name, submittedAt: pending.createdAt.toISOString() };
  }
  return { state: 'open', options: await listTaxonomyOptions() };
}

/** Licence numbers compare as boards and people write them (case, spaces, dashes, zeros). */
const NORMALISED_LICENCE = sql`regexp_replace(upper(regexp_replace(normalize(${therapists.licenseNumber}, NFKC), '[-\\s.‐-―−]', '', 'g')), '^([A-Z]*)0+(?=[0-9])', '\\1')`;

function normaliseLicence(number: string): string {
  const compact = number
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[-\u2010-\u2015\u2212\s.]/g, '');
  return compact.replace(/^([A-Z]*)0+(?=\d)/, '$1');
}

async function listingWithLicence(
  executor: Executor,
  state: string,
  number: string,
): Promise<{ slug: string; name: string; status: string } | undefined> {
  const [row] = await executor
    .select({ slug: therapists.slug, name: therapists.name, status: therapists.status })
    .from(therapists)
    .where(
      and(
        eq(therapists.licenseState, state),
        sql`${NORMALISED_LICENCE} = ${normaliseLicence(number)}`,
      ),
    )
    .limit(1);
  return row;
}

/**
 * The public listing that already has the licence typed in the form, for the "claim it
 * instead" link; null when there is none or it is not public.
 */
export async function findPublishedListingByLicence(
  state: unknown,
  number: unknown,
): Promise<{ slug: string; name: string } | null> {
  if (typeof state !== 'string' || typeof number !== 'string') return null;
  const code = state.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || number.length > 100 || number.trim() === '') return null;
  const row = await listingWithLicence(getDb(), code, number);
  return row && row.status === 'published' ? { slug: row.slug, name: row.name } : null;
}

/* ------------------------------------------------------------------------------------------ */
/* Submitting                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** "Jane Doe", "Austin" -> "jane-doe-austin" (letters without accents, digits and hyphens). */
export function slugBase(name: string, city: string): string {
  const slug = `${name} ${city}`
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'therapist';
}

async function freeSlug(executor: Executor, base: string): Promise<string> {
  const taken = await selectRows<{ slug: string }>(
    executor,
    sql`select slug from therapists where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}`,
  );
  if (!taken.some((t) => t.slug === base)) return base;
  const highest = taken.reduce(
    (max, t) => Math.max(max, Number(t.slug.slice(base.length + 1)) || 1),
    1,
  );
  return `${base}-${highest + 1}`;
}

function violatedConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const {
      code,
      constraint_name: pgName,
      constraint,
    } = current as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (code === '23505') {
      const name = pgName ?? constraint;
      return typeof name === 'string' ? name : 'unknown';
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export interface NewListingSubmitted {
  claimId: number;
  therapistSlug: string;
}

/**
 * A practitioner who is not listed asks for a listing: a pending listing (not public, not in
 * search) with its location and links, and a request for the moderators, in one transaction.
 * The account holds the listing only once a moderator approves it. One open request per account;
 * a licence that is already listed is refused (claim that listing instead).
 */
export async function submitNewListing(
  viewer: Viewer | null,
  raw: unknown,
): Promise<NewListingSubmitted> {
  const me = requireSignedIn(viewer);
  if (me.role === 'moderator' || me.role === 'admin')
    throw new AppError('forbidden', STAFF_MESSAGE);
  const input = parseListingInput(newListingInput, raw);
  const record = input as Record<string, unknown>;
  const location = locationFrom(record, 'location');
  if (!location) {
    throw validationError([{ field: 'location.postalCode', message: 'Check the ZIP code.' }]);
  }
  await consumeRateLimit(newListingLimit(), me.userId);

  for (let attempt = 0; ; attempt++) {
    try {
      return await getDb().transaction((tx) => insertNewListing(tx, me, input, location));
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'therapists_license_key') {
        // Another request took the licence meanwhile: say what holds it now.
        const existing =
          input.licenseState && input.licenseNumber
            ? await listingWithLicence(getDb(), input.licenseState, input.licenseNumber)
            : undefined;
        throw validationError([
          { field: 'licenseNumber', message: licenceTakenMessage(existing?.status ?? 'pending') },
        ]);
      }
      // Two requests took the same free slug at once: the next try finds another.
      if (constraint === 'therapists_slug_key' && attempt < 3) continue;
      throw error;
    }
  }
}

async function insertNewListing(
  tx: Executor,
  me: Viewer,
  input: NewListingInput,
  location: NonNullable<ReturnType<typeof locationFrom>>,
): Promise<NewListingSubmitted> {
  // The account's row is the lock that keeps one request per account under concurrency.
  const [account] = await tx
    .select({ role: users.role, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.id, me.userId))
    .for('update');
  if (!account || account.bannedAt)
    throw new AppError('forbidden', 'This account cannot ask for a listing.');
  if (account.role === 'moderator' || account.role === 'admin') {
    throw new AppError('forbidden', STAFF_MESSAGE);
  }
  if (await heldListing(tx, me.userId)) {
    throw new AppError(
      'forbidden',
      'Your account already holds a listing, and an account holds only one.',
    );
  }
  if (await pendingRequest(tx, me.userId)) {
    throw new AppError(
      'forbidden',
      'You already asked for a new listing: a moderator will review it. You can follow it on your claims page.',
    );
  }

  const issues: FieldIssue[] = [];
  const chosen = await taxonomyIds(tx, input, issues);
  if (input.licenseState && input.licenseNumber) {
    const existing = await listingWithLicence(tx, input.licenseState, input.licenseNumber);
    if (existing) {
      issues.push({ field: 'licenseNumber', message: licenceTakenMessage(existing.status) });
    }
  }
  if (issues.length > 0) throw validationError(issues);

  const slug = await freeSlug(tx, slugBase(input.name, location.city));
  const licensed = Boolean(input.licenseState && input.licenseNumber);
  const [therapist] = await tx
    .insert(therapists)
    .values({
      slug,
      name: input.name,
      credentials: input.credentials,
      headline: input.headline,
      bio: input.bio,
      intents: input.intent,
      contactEmail: input.contactEmail,
      licenseState: licensed ? input.licenseState : null,
      licenseNumber: licensed ? input.licenseNumber : null,
      licenseStatus: 'unverified',
      claimedByUserId: null,
      status: 'pending',
    })
    .returning({ id: therapists.id, slug: therapists.slug });
  if (!therapist) throw new Error('The listing was not saved.');

  await tx.insert(practiceLocations).values({
    therapistId: therapist.id,
    name: location.name,
    address: location.address,
    city: location.city,
    region: location.region,
    postalCode: location.postalCode,
    country: 'US',
    latitude: location.latitude,
    longitude: location.longitude,
    startsOn: location.startsOn,
  });
  if (chosen.modalityIds.length > 0) {
    await tx
      .insert(therapistModalities)
      .values(chosen.modalityIds.map((modalityId) => ({ therapistId: therapist.id, modalityId })));
  }
  if (chosen.conditionIds.length > 0) {
    await tx
      .insert(therapistConditions)
      .values(
        chosen.conditionIds.map((conditionId) => ({ therapistId: therapist.id, conditionId })),
      );
  }
  const [claim] = await tx
    .insert(listingClaims)
    .values({
      therapistId: therapist.id,
      userId: me.userId,
      kind: 'new_listing',
      status: 'pending_review',
      licenseState: licensed ? input.licenseState : null,
      licenseNumber: licensed ? input.licenseNumber : null,
      licenseName: input.name,
    })
    .returning({ id: listingClaims.id });
  if (!claim) throw new Error('The request was not saved.');
  await recordAudit(tx, {
    actorId: me.userId,
    action: 'listing.submitted',
    subjectUserId: me.userId,
    therapistId: therapist.id,
    detail: { claimId: claim.id },
  });
  return { claimId: claim.id, therapistSlug: therapist.slug };
}

/** The viewer's open request for a new listing, if any (for the dashboard without a listing). */
export async function getPendingNewListing(
  viewer: Viewer | null,
): Promise<{ name: string; submittedAt: string } | null> {
  const me = requireSignedIn(viewer);
  const pending = await pendingRequest(getDb(), me.userId);
  return pending ? { name: pending.name, submittedAt: pending.createdAt.toISOString() } : null;
}
