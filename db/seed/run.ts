/**
 * Writes the demo data set into a database, through Drizzle, on either driver.
 *
 * Rows are generated lazily in batches and each batch is written with one multi-row statement
 * that reads its rows from a single JSON parameter (`json_to_recordset`): one bind parameter
 * however many rows, and far less work per row than a VALUES list. While a batch is being
 * written the next one is generated, so the database and the generator work side by side.
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { recomputeTherapistStats } from '../aggregates';
import { selectRows, type Database, type Executor } from '../index';
import {
  conditions,
  modalities,
  practiceLocations,
  REVIEW_CONTENT_KEYS,
  reviewFollowUps,
  reviews,
  therapistConditions,
  therapistModalities,
  therapists,
  users,
} from '../schema';
import { CONDITIONS, MODALITIES } from '../taxonomy';
import {
  inBatches,
  SeedPlan,
  type ReviewDraft,
  type TherapistDraft,
  type UserDraft,
} from './generate';

/** Rows per insert statement. */
export const SEED_BATCH_SIZE = 1000;

/** What `npm run dev` seeds into an empty database. */
export const DEVELOPMENT_SIZE = { therapists: 2000, reviews: 20_000 } as const;

export type SeedPhase = 'taxonomy' | 'therapists' | 'users' | 'reviews' | 'stats';

export interface SeedOptions {
  therapists: number;
  reviews: number;
  seed?: number;
  /** The moment the data is generated for (default: today, midnight UTC). */
  now?: Date;
  /** Called after every batch; `done` and `total` count therapists, users and reviews. */
  onProgress?: (done: number, total: number, phase: SeedPhase) => void;
}

export interface SeedCounts {
  modalities: number;
  conditions: number;
  users: number;
  therapists: number;
  locations: number;
  therapistModalities: number;
  therapistConditions: number;
  reviews: number;
  followUps: number;
  therapistStats: number;
}

export function totalRows(counts: SeedCounts): number {
  return (Object.keys(counts) as (keyof SeedCounts)[]).reduce((sum, key) => sum + counts[key], 0);
}

export interface SeedResult {
  /** Every row written, all tables together. */
  rows: number;
  ms: number;
  rowsPerSecond: number;
  counts: SeedCounts;
}

// ---------------------------------------------------------------------------------------------
// Row mappers, shared with the test factories
// ---------------------------------------------------------------------------------------------

/** Every listed column present: a row never falls back on a column default by omission. */
type Complete<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };

const USER_KEYS = ['id', 'email', 'emailVerified', 'role', 'displayName', 'createdAt'] as const;
const THERAPIST_KEYS = [
  'slug',
  'name',
  'credentials',
  'headline',
  'bio',
  'intents',
  'pressureMin',
  'pressureMax',
  'languages',
  'mobileService',
  'contactEmail',
  'phone',
  'website',
  'bookingUrl',
  'licenseState',
  'licenseNumber',
  'licenseStatus',
  'status',
  'createdAt',
  'updatedAt',
  'notTreated',
  'referrals',
  'hours',
  'prices',
] as const;
const LOCATION_KEYS = [
  'therapistId',
  'name',
  'address',
  'city',
  'region',
  'postalCode',
  'country',
  'latitude',
  'longitude',
  'startsOn',
  'endsOn',
] as const;
const REVIEW_KEYS = [
  'authorId',
  'therapistId',
  ...REVIEW_CONTENT_KEYS,
  'status',
  'statusReason',
  'version',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const;
const FOLLOW_UP_KEYS = ['reviewId', 'weeksAfter', 'painNow', 'answeredAt'] as const;
const THERAPIST_MODALITY_KEYS = ['therapistId', 'modalityId'] as const;
const THERAPIST_CONDITION_KEYS = ['therapistId', 'conditionId'] as const;

export type UserInsert = Complete<typeof users.$inferInsert, (typeof USER_KEYS)[number]>;
export type TherapistInsert = Complete<
  typeof therapists.$inferInsert,
  (typeof THERAPIST_KEYS)[number]
>;
export type LocationInsert = Complete<
  typeof practiceLocations.$inferInsert,
  (typeof LOCATION_KEYS)[number]
>;
export type ReviewInsert = Complete<typeof reviews.$inferInsert, (typeof REVIEW_KEYS)[number]>;
export type FollowUpInsert = Complete<
  typeof reviewFollowUps.$inferInsert,
  (typeof FOLLOW_UP_KEYS)[number]
>;

export function toUserInsert(draft: UserDraft): UserInsert {
  return {
    id: draft.id,
    email: draft.email,
    emailVerified: draft.createdAt,
    role: 'member',
    displayName: draft.displayName,
    createdAt: draft.createdAt,
  };
}

export function toTherapistInsert(draft: TherapistDraft): TherapistInsert {
  return {
    slug: draft.slug,
    name: draft.name,
    credentials: draft.credentials,
    headline: draft.headline,
    bio: draft.bio,
    intents: draft.intents,
    pressureMin: draft.pressureMin,
    pressureMax: draft.pressureMax,
    languages: draft.languages,
    mobileService: draft.mobileService,
    contactEmail: draft.contactEmail,
    phone: draft.phone,
    website: draft.website,
    bookingUrl: draft.bookingUrl,
    licenseState: draft.licenseState,
    licenseNumber: draft.licenseNumber,
    licenseStatus: draft.licenseStatus,
    status: draft.status,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    notTreated: draft.notTreated,
    referrals: draft.referrals,
    hours: draft.hours,
    prices: draft.prices,
  };
}

export function toLocationInserts(draft: TherapistDraft, therapistId: number): LocationInsert[] {
  return draft.locations.map((location) => ({ therapistId, ...location }));
}

export interface ReviewIds {
  authorId: string | null;
  therapistId: number;
  conditionId: number | null;
}

export function toReviewInsert(draft: ReviewDraft, ids: ReviewIds): ReviewInsert {
  return {
    authorId: ids.authorId,
    therapistId: ids.therapistId,
    rating: draft.rating,
    title: draft.title,
    body: draft.body,
    visitMonth: draft.visitMonth,
    sessionsCount: draft.sessionsCount,
    intent: draft.intent,
    conditionId: ids.conditionId,
    conditionPublic: draft.conditionPublic && ids.conditionId !== null,
    conditionConsentAt: draft.conditionConsentAt,
    conditionConsentText: draft.conditionConsentText,
    painBefore: draft.painBefore,
    painNow: draft.painNow,
    pressureWanted: draft.pressureWanted,
    pressureReceived: draft.pressureReceived,
    pressureAdjusted: draft.pressureAdjusted,
    assessedBefore: draft.assessedBefore,
    explainedCause: draft.explainedCause,
    gaveHomeCare: draft.gaveHomeCare,
    setExpectations: draft.setExpectations,
    referredOut: draft.referredOut,
    wouldRecommend: draft.wouldRecommend,
    status: draft.status,
    statusReason: draft.statusReason,
    version: 1,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    publishedAt: draft.publishedAt,
  };
}

export function toFollowUpInserts(draft: ReviewDraft, reviewId: number): FollowUpInsert[] {
  return draft.followUps.map((f) => ({
    reviewId,
    weeksAfter: f.weeksAfter,
    painNow: f.painNow,
    answeredAt: f.answeredAt,
  }));
}

// ---------------------------------------------------------------------------------------------
// Taxonomy
// ---------------------------------------------------------------------------------------------

export interface TaxonomyIds {
  modalities: ReadonlyMap<string, number>;
  conditions: ReadonlyMap<string, number>;
}

/** Inserts or refreshes the reference taxonomy (idempotent) and returns its ids by slug. */
export async function ensureTaxonomy(executor: Executor): Promise<TaxonomyIds> {
  await executor
    .insert(modalities)
    .values(
      MODALITIES.map((m) => ({
        slug: m.slug,
        name: m.name,
        family: m.family,
        description: m.description,
        synonyms: m.synonyms,
        separateProfession: m.separateProfession ?? false,
      })),
    )
    .onConflictDoUpdate({
      target: modalities.slug,
      set: {
        name: sql`excluded.name`,
        family: sql`excluded.family`,
        description: sql`excluded.description`,
        synonyms: sql`excluded.synonyms`,
        separateProfession: sql`excluded.separate_profession`,
      },
    });
  await executor
    .insert(conditions)
    .values(
      CONDITIONS.map((c) => ({
        slug: c.slug,
        name: c.name,
        bodyArea: c.bodyArea,
        synonyms: c.synonyms,
      })),
    )
    .onConflictDoUpdate({
      target: conditions.slug,
      set: {
        name: sql`excluded.name`,
        bodyArea: sql`excluded.body_area`,
        synonyms: sql`excluded.synonyms`,
      },
    });
  const modalityRows = await executor
    .select({ id: modalities.id, slug: modalities.slug })
    .from(modalities);
  const conditionRows = await executor
    .select({ id: conditions.id, slug: conditions.slug })
    .from(conditions);
  return {
    modalities: new Map(modalityRows.map((r) => [r.slug, r.id])),
    conditions: new Map(conditionRows.map((r) => [r.slug, r.id])),
  };
}

function idOf(map: ReadonlyMap<string, number>, slug: string): number {
  const id = map.get(slug);
  if (id === undefined) throw new Error(`Unknown taxonomy slug "${slug}"`);
  return id;
}

export function modalityLinks(
  draft: TherapistDraft,
  therapistId: number,
  taxonomy: TaxonomyIds,
): { therapistId: number; modalityId: number }[] {
  return draft.modalities.map((slug) => ({
    therapistId,
    modalityId: idOf(taxonomy.modalities, slug),
  }));
}

export function conditionLinks(
  draft: TherapistDraft,
  therapistId: number,
  taxonomy: TaxonomyIds,
): { therapistId: number; conditionId: number }[] {
  return draft.conditions.map((slug) => ({
    therapistId,
    conditionId: idOf(taxonomy.conditions, slug),
  }));
}

export function conditionIdOf(taxonomy: TaxonomyIds, slug: string | null): number | null {
  return slug === null ? null : idOf(taxonomy.conditions, slug);
}

// ---------------------------------------------------------------------------------------------
// Bulk insert: many rows, one JSON parameter
// ---------------------------------------------------------------------------------------------

const statementCache = new Map<string, { head: SQL; tail: SQL }>();

function columnsOf(table: PgTable): Record<string, PgColumn> {
  return getTableColumns(table);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `insert into <table> (<columns>) select <columns> from json_to_recordset($1) ... returning`:
 * the rows travel as one JSON text parameter, which both drivers pass through unchanged.
 */
async function insertJson<
  T extends PgTable,
  K extends keyof T['$inferInsert'] & string,
  R extends keyof T['$inferSelect'] & string = never,
>(
  executor: Executor,
  table: T,
  keys: readonly K[],
  rows: readonly Complete<T['$inferInsert'], K>[],
  returning: readonly R[] = [],
): Promise<{ [P in R]: T['$inferSelect'][P] }[]> {
  if (rows.length === 0) return [];
  const columns = columnsOf(table);
  const tableName = getTableName(table);
  const cacheKey = `${tableName}|${keys.join(',')}|${returning.join(',')}`;
  let statement = statementCache.get(cacheKey);
  if (!statement) {
    const column = (key: string) => {
      const c = columns[key];
      if (!c) throw new Error(`No column ${key}`);
      return c;
    };
    const target = keys.map((k) => quoteIdent(column(k).name)).join(', ');
    const source = keys.map((k) => quoteIdent(k)).join(', ');
    const shape = keys.map((k) => `${quoteIdent(k)} ${column(k).getSQLType()}`).join(', ');
    const back = returning
      .map((k) => `${quoteIdent(column(k).name)} as ${quoteIdent(k)}`)
      .join(', ');
    statement = {
      head: sql.raw(
        `insert into ${quoteIdent(tableName)} (${target}) select ${source} from json_to_recordset(`,
      ),
      tail: sql.raw(`::json) as r(${shape})${back ? ` returning ${back}` : ''}`),
    };
    statementCache.set(cacheKey, statement);
  }
  const query = sql.join(
    [statement.head, sql`${JSON.stringify(rows)}`, statement.tail],
    sql.raw(''),
  );
  if (returning.length === 0) {
    await executor.execute(query);
    return [];
  }
  return selectRows<{ [P in R]: T['$inferSelect'][P] }>(executor, query);
}

async function insertInChunks<T extends PgTable, K extends keyof T['$inferInsert'] & string>(
  executor: Executor,
  table: T,
  keys: readonly K[],
  rows: readonly Complete<T['$inferInsert'], K>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += SEED_BATCH_SIZE) {
    await insertJson(executor, table, keys, rows.slice(start, start + SEED_BATCH_SIZE));
  }
}

/**
 * Writes batches one after another, generating the next batch while the previous one is being
 * written. At most one write is in flight.
 */
async function pipeline<T>(
  batches: Iterable<T>,
  write: (batch: T) => Promise<void>,
): Promise<void> {
  let pending: Promise<void> | null = null;
  try {
    for (const batch of batches) {
      if (pending) await pending;
      pending = write(batch);
    }
  } catch (error) {
    if (pending) await pending.catch(() => undefined);
    throw error;
  }
  if (pending) await pending;
}

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

/**
 * Fills an empty database with the demo data set: the taxonomy, reviewers, therapists with their
 * locations and taxonomy links, reviews with follow-ups, then each therapist's aggregates. All in
 * one transaction: it lands completely or not at all. Deterministic for a given seed and `now`.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const plan = new SeedPlan(options);
  const counts: SeedCounts = {
    modalities: MODALITIES.length,
    conditions: CONDITIONS.length,
    users: 0,
    therapists: 0,
    locations: 0,
    therapistModalities: 0,
    therapistConditions: 0,
    reviews: 0,
    followUps: 0,
    therapistStats: 0,
  };
  const total = plan.therapistCount + plan.userCount + plan.reviewCount;
  let done = 0;
  const progress = (phase: SeedPhase, advance: number) => {
    done += advance;
    options.onProgress?.(done, total, phase);
  };

  await db.transaction(async (tx) => {
    progress('taxonomy', 0);
    const taxonomy = await ensureTaxonomy(tx);
    const therapistIds = new Int32Array(plan.therapistCount);

    await pipeline(inBatches(plan.therapists(), SEED_BATCH_SIZE), async (batch) => {
      const inserted = await insertJson(
        tx,
        therapists,
        THERAPIST_KEYS,
        batch.map(toTherapistInsert),
        ['id', 'slug'],
      );
      const idBySlug = new Map(inserted.map((row) => [row.slug, row.id]));
      const locations: LocationInsert[] = [];
      const modalityRows: { therapistId: number; modalityId: number }[] = [];
      const conditionRows: { therapistId: number; conditionId: number }[] = [];
      for (const draft of batch) {
        const id = idBySlug.get(draft.slug);
        if (id === undefined) throw new Error(`Therapist ${draft.slug} was not inserted`);
        therapistIds[draft.profile.index] = id;
        locations.push(...toLocationInserts(draft, id));
        modalityRows.push(...modalityLinks(draft, id, taxonomy));
        conditionRows.push(...conditionLinks(draft, id, taxonomy));
      }
      await insertInChunks(tx, practiceLocations, LOCATION_KEYS, locations);
      await insertInChunks(tx, therapistModalities, THERAPIST_MODALITY_KEYS, modalityRows);
      await insertInChunks(tx, therapistConditions, THERAPIST_CONDITION_KEYS, conditionRows);
      counts.therapists += batch.length;
      counts.locations += locations.length;
      counts.therapistModalities += modalityRows.length;
      counts.therapistConditions += conditionRows.length;
      progress('therapists', batch.length);
    });

    await pipeline(inBatches(plan.users(), SEED_BATCH_SIZE), async (batch) => {
      await insertJson(tx, users, USER_KEYS, batch.map(toUserInsert));
      counts.users += batch.length;
      progress('users', batch.length);
    });

    await pipeline(inBatches(plan.reviews(), SEED_BATCH_SIZE), async (batch) => {
      const rows = batch.map((planned) =>
        toReviewInsert(planned.review, {
          authorId: plan.userId(planned.authorIndex),
          therapistId: therapistIds[planned.therapistIndex] ?? 0,
          conditionId: conditionIdOf(taxonomy, planned.review.condition),
        }),
      );
      const inserted = await insertJson(tx, reviews, REVIEW_KEYS, rows, [
        'id',
        'authorId',
        'therapistId',
      ]);
      const idByPair = new Map(
        inserted.map((row) => [`${row.authorId ?? ''}|${row.therapistId}`, row.id]),
      );
      const followUps: FollowUpInsert[] = [];
      batch.forEach(({ review }, i) => {
        if (review.followUps.length === 0) return;
        const row = rows[i];
        const reviewId = row ? idByPair.get(`${row.authorId ?? ''}|${row.therapistId}`) : undefined;
        if (reviewId === undefined) throw new Error('A review was not inserted');
        followUps.push(...toFollowUpInserts(review, reviewId));
      });
      await insertInChunks(tx, reviewFollowUps, FOLLOW_UP_KEYS, followUps);
      counts.reviews += batch.length;
      counts.followUps += followUps.length;
      progress('reviews', batch.length);
    });

    progress('stats', 0);
    await recomputeTherapistStats(tx);
    counts.therapistStats = plan.therapistCount;
  });

  await db.execute(
    sql`analyze users, therapists, practice_locations, therapist_modalities, therapist_conditions, reviews, review_follow_ups, therapist_stats`,
  );

  const ms = performance.now() - started;
  const rows = totalRows(counts);
  return { rows, ms, rowsPerSecond: rows / Math.max(ms / 1000, 1e-9), counts };
}

/** Whether the database already holds people, therapists or reviews. */
export async function countExistingData(
  executor: Executor,
): Promise<{ users: number; therapists: number; reviews: number }> {
  const [row] = await selectRows<{ users: number; therapists: number; reviews: number }>(
    executor,
    sql`select (select count(*) from users)::int as users,
               (select count(*) from therapists)::int as therapists,
               (select count(*) from reviews)::int as reviews`,
  );
  return row ?? { users: 0, therapists: 0, reviews: 0 };
}

/** Empties every table of the app (not the migration journal) and restarts their identities. */
export async function resetDatabase(executor: Executor): Promise<string[]> {
  const tables = await selectRows<{ name: string }>(
    executor,
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  if (tables.length > 0) {
    await executor.execute(
      sql.raw(`truncate table ${tables.map((t) => t.name).join(', ')} restart identity cascade`),
    );
  }
  return tables.map((t) => t.name);
}
