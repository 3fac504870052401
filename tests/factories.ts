/**
 * Test factories on top of the demo-data generators: the same coherent therapists, reviewers and
 * reviews as the seed, one at a time, with overrides. Deterministic: the n-th call of a factory in
 * a test file always builds the same row. Numbering runs for the whole test file (not per
 * database or transaction), so rows never clash among themselves; the factories' emails, user
 * ids and licence numbers live in ranges the seed never uses, and slugs are checked against the
 * database, so factories mix with seeded data. Factories do not recompute therapist aggregates:
 * call `recomputeTherapistStats` when a test needs them.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { selectRows, type Executor } from '@/db';
import {
  conditions,
  modalities,
  practiceLocations,
  reviewFollowUps,
  reviews,
  therapistConditions,
  therapistModalities,
  therapists,
  users,
} from '@/db/schema';
import {
  ARCHETYPES,
  generateReview,
  generateTherapist,
  generateTherapistProfile,
  generateUser,
  inferArchetype,
  MAX_SEED_THERAPISTS,
  therapistSlugBase,
  userIdFor,
  type ArchetypeKey,
  type ReviewSubject,
  type Scenario,
  type TherapistProfile,
} from '@/db/seed/generate';
import { Random } from '@/db/seed/random';
import type { FollowUpWeeks } from '@/db/aggregates';
import {
  conditionIdOf,
  conditionLinks,
  ensureTaxonomy,
  modalityLinks,
  toFollowUpInserts,
  toLocationInserts,
  toReviewInsert,
  toTherapistInsert,
  toUserInsert,
  type LocationInsert,
  type TaxonomyIds,
} from '@/db/seed/run';
import { pronounFor } from '@/db/seed/text';

export const FACTORY_SEED = 424_242;
/** The moment factory data is generated for, so that dates never vary between runs. */
export const FACTORY_NOW = new Date('2025-06-02T12:00:00.000Z');

type UserRow = typeof users.$inferSelect;
type TherapistRow = typeof therapists.$inferSelect;
type LocationRow = typeof practiceLocations.$inferSelect;
type ReviewRow = typeof reviews.$inferSelect;
type FollowUpRow = typeof reviewFollowUps.$inferSelect;

const sequence = { users: 0, therapists: 0, reviews: 0 };
const taxonomies = new WeakMap<object, Promise<TaxonomyIds>>();

function taxonomyOf(db: Executor): Promise<TaxonomyIds> {
  let taxonomy = taxonomies.get(db);
  if (!taxonomy) {
    taxonomy = ensureTaxonomy(db);
    taxonomies.set(db, taxonomy);
  }
  return taxonomy;
}

function single<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what} was not inserted`);
  return row;
}

// ---------------------------------------------------------------------------------------------

export async function createUser(
  db: Executor,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<UserRow> {
  const n = sequence.users++;
  const draft = generateUser(FACTORY_SEED, n, FACTORY_NOW);
  const row = {
    ...toUserInsert(draft),
    id: userIdFor(FACTORY_SEED, n, 'factory'),
    email: `member${n + 1}@example.org`,
    ...overrides,
  };
  return single(await db.insert(users).values(row).returning(), 'The user');
}

// ---------------------------------------------------------------------------------------------

export interface TherapistOverrides extends Partial<typeof therapists.$inferInsert> {
  archetype?: ArchetypeKey;
  /** Modality slugs, replacing the generated ones. */
  modalitySlugs?: string[];
  /** Condition slugs, replacing the generated ones. */
  conditionSlugs?: string[];
  /** Locations, each merged over a generated one (the first generated location when more are given). */
  locations?: Partial<Omit<LocationInsert, 'therapistId'>>[];
}

export interface CreatedTherapist {
  therapist: TherapistRow;
  locations: LocationRow[];
  modalitySlugs: string[];
  conditionSlugs: string[];
  modalityIds: number[];
  conditionIds: number[];
  /** The generator's view of the therapist, including the hidden skill. */
  profile: TherapistProfile;
}

/** A slug of the form base, base-2, base-3 ... that no therapist in the database has yet. */
export async function freeTherapistSlug(db: Executor, base: string): Promise<string> {
  const taken = await selectRows<{ slug: string }>(
    db,
    sql`select slug from therapists where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}`,
  );
  if (!taken.some((t) => t.slug === base)) return base;
  const highest = taken.reduce(
    (max, t) => Math.max(max, Number(t.slug.slice(base.length + 1)) || 1),
    1,
  );
  return `${base}-${highest + 1}`;
}

export async function createTherapist(
  db: Executor,
  overrides: TherapistOverrides = {},
): Promise<CreatedTherapist> {
  const {
    archetype,
    modalitySlugs,
    conditionSlugs,
    locations: locationOverrides,
    ...columns
  } = overrides;
  const n = sequence.therapists++;
  const generated = generateTherapistProfile(FACTORY_SEED, n, archetype ? { archetype } : {});
  const profile: TherapistProfile = {
    ...generated,
    modalities: modalitySlugs ?? generated.modalities,
    conditions: conditionSlugs ?? generated.conditions,
  };
  const slug = columns.slug ?? (await freeTherapistSlug(db, therapistSlugBase(profile)));
  const draft = generateTherapist(profile, {
    seed: FACTORY_SEED,
    now: FACTORY_NOW,
    slugFor: () => slug,
    licenseIndex: MAX_SEED_THERAPISTS + n,
  });
  const therapist = single(
    await db
      .insert(therapists)
      .values({ ...toTherapistInsert(draft), ...columns })
      .returning(),
    'The therapist',
  );
  const generatedLocations = toLocationInserts(draft, therapist.id);
  const locationRows = locationOverrides
    ? locationOverrides.map((o, i) => ({
        ...single(generatedLocations.slice(i, i + 1).concat(generatedLocations), 'A location'),
        ...o,
        therapistId: therapist.id,
      }))
    : generatedLocations;
  const locations =
    locationRows.length > 0
      ? await db.insert(practiceLocations).values(locationRows).returning()
      : [];

  const taxonomy = await taxonomyOf(db);
  const modalityRows = modalityLinks(draft, therapist.id, taxonomy);
  const conditionRows = conditionLinks(draft, therapist.id, taxonomy);
  if (modalityRows.length > 0) await db.insert(therapistModalities).values(modalityRows);
  if (conditionRows.length > 0) await db.insert(therapistConditions).values(conditionRows);
  return {
    therapist,
    locations,
    modalitySlugs: draft.modalities,
    conditionSlugs: draft.conditions,
    modalityIds: modalityRows.map((r) => r.modalityId),
    conditionIds: conditionRows.map((r) => r.conditionId),
    profile,
  };
}

// ---------------------------------------------------------------------------------------------

export interface ReviewOverrides extends Partial<
  Omit<typeof reviews.$inferInsert, 'authorId' | 'therapistId'>
> {
  authorId: string;
  therapistId: number;
  /** The story to tell, instead of one drawn from the therapist's archetype and skill. */
  scenario?: Scenario;
  /** Condition by slug (null for none); `conditionId` wins when both are given. */
  condition?: string | null;
  /** Follow-up answers, replacing the generated ones. */
  followUps?: { weeksAfter: FollowUpWeeks; painNow: number; answeredAt?: Date }[];
  /** The therapist's hidden skill (0..1) for the generator; 0.7 when not given. */
  skill?: number;
}

export interface CreatedReview {
  review: ReviewRow;
  followUps: FollowUpRow[];
}

/** What the review generator needs to know, read back from the database. */
async function reviewSubjectOf(
  db: Executor,
  therapistId: number,
  skill: number,
): Promise<ReviewSubject> {
  const therapist = single(
    await db
      .select({
        name: therapists.name,
        intents: therapists.intents,
        pressureMin: therapists.pressureMin,
        pressureMax: therapists.pressureMax,
      })
      .from(therapists)
      .where(eq(therapists.id, therapistId)),
    `Therapist ${therapistId}`,
  );
  const modalityRows = await db
    .select({ slug: modalities.slug })
    .from(therapistModalities)
    .innerJoin(modalities, eq(modalities.id, therapistModalities.modalityId))
    .where(eq(therapistModalities.therapistId, therapistId));
  const conditionRows = await db
    .select({ slug: conditions.slug })
    .from(therapistConditions)
    .innerJoin(conditions, eq(conditions.id, therapistConditions.conditionId))
    .where(eq(therapistConditions.therapistId, therapistId));
  const [location] = await db
    .select({ city: practiceLocations.city })
    .from(practiceLocations)
    .where(and(eq(practiceLocations.therapistId, therapistId), isNull(practiceLocations.endsOn)))
    .orderBy(practiceLocations.id)
    .limit(1);
  const firstName = therapist.name.split(' ')[0] ?? therapist.name;
  const modalitySlugs = modalityRows.map((r) => r.slug);
  const archetype = inferArchetype(modalitySlugs);
  return {
    archetype,
    skill,
    firstName,
    pronoun: pronounFor(firstName),
    city: location?.city ?? 'town',
    modalities:
      modalitySlugs.length > 0 ? modalitySlugs : [...ARCHETYPES[archetype].coreModalities],
    conditions: conditionRows.map((r) => r.slug),
    intents: therapist.intents.length > 0 ? therapist.intents : [...ARCHETYPES[archetype].intents],
    pressureMin: therapist.pressureMin,
    pressureMax: therapist.pressureMax,
  };
}

export async function createReview(db: Executor, input: ReviewOverrides): Promise<CreatedReview> {
  const {
    authorId,
    therapistId,
    scenario,
    condition,
    followUps: followUpOverrides,
    skill,
    ...columns
  } = input;
  const n = sequence.reviews++;
  const subject = await reviewSubjectOf(db, therapistId, skill ?? 0.7);
  const [author] = await db
    .select({ createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, authorId));
  const draft = generateReview(new Random(FACTORY_SEED, 'factory-review', n), subject, {
    now: FACTORY_NOW,
    notBefore: author?.createdAt ?? new Date(FACTORY_NOW.getTime() - 400 * 86_400_000),
    ...(scenario ? { scenario } : {}),
  });
  const taxonomy = await taxonomyOf(db);
  const generated = toReviewInsert(draft, {
    authorId,
    therapistId,
    conditionId: conditionIdOf(taxonomy, condition === undefined ? draft.condition : condition),
  });
  const status = columns.status ?? generated.status;
  const row = {
    ...generated,
    publishedAt: status === 'published' ? (generated.publishedAt ?? generated.createdAt) : null,
    statusReason: status === generated.status ? generated.statusReason : null,
    ...columns,
  };
  const review = single(await db.insert(reviews).values(row).returning(), 'The review');
  const followUpRows = followUpOverrides
    ? followUpOverrides.map((f) => ({
        reviewId: review.id,
        weeksAfter: f.weeksAfter,
        painNow: f.painNow,
        answeredAt:
          f.answeredAt ?? new Date(review.createdAt.getTime() + f.weeksAfter * 7 * 86_400_000),
      }))
    : toFollowUpInserts(draft, review.id);
  const followUps =
    followUpRows.length > 0
      ? await db.insert(reviewFollowUps).values(followUpRows).returning()
      : [];
  return { review, followUps };
}
