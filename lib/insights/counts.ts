import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { errorMessage, log } from '@/lib/log';
import { utcDay } from './periods';
import { isLikelyBot } from './visits';

/**
 * Aggregate counting of how often listings appear in search results and are opened. Each call
 * adds one to a per-listing, per-day number and stores nothing about the visitor: no user, no
 * session, no address, no user-agent. `listing_daily_counts` has no search-outbox trigger, so
 * counting never touches the search index.
 *
 * The functions never throw: counting runs after the response, and a failure to count must not
 * become a failed page. They return whether something was counted.
 */

/** A results page never holds more listings than this (the largest page size). */
const MAX_LISTINGS_PER_PAGE = 50;

type Column = 'search_appearances' | 'profile_views';

/**
 * One statement for all the listings `listings` selects (a query yielding therapist ids): a new
 * row for the day, or one more on the existing one. Concurrent calls serialise on the row, so no
 * increment is lost. Returns how many listings were counted.
 */
async function increment(
  executor: Executor,
  column: Column,
  listings: SQL,
  now: Date,
): Promise<number> {
  const views = column === 'profile_views' ? 1 : 0;
  const appearances = column === 'search_appearances' ? 1 : 0;
  const result: unknown = await executor.execute(sql`
    insert into listing_daily_counts as c (therapist_id, day, search_appearances, profile_views)
    select listed.id, ${utcDay(now)}::date, ${appearances}::int, ${views}::int
    from (${listings}) as listed (id)
    on conflict (therapist_id, day) do update set
      search_appearances = c.search_appearances + excluded.search_appearances,
      profile_views = c.profile_views + excluded.profile_views
    returning c.therapist_id
  `);
  if (Array.isArray(result)) return result.length;
  return (result as { rows?: unknown[] }).rows?.length ?? 0;
}

function valueList(values: readonly (number | string)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

/** Runs a count; a failure is logged and reported as nothing counted. */
async function safely(what: string, work: () => Promise<number>): Promise<boolean> {
  try {
    return (await work()) > 0;
  } catch (error) {
    log.error(`counting ${what} failed`, { error: errorMessage(error) });
    return false;
  }
}

/**
 * One appearance for each published listing shown on a page of search results (each listing
 * once, however often its id is given).
 */
export async function recordSearchAppearances(
  therapistIds: readonly number[],
  now: Date = new Date(),
  executor: Executor = getDb(),
): Promise<boolean> {
  const ids = [...new Set(therapistIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  const page = ids.slice(0, MAX_LISTINGS_PER_PAGE);
  if (page.length === 0) return false;
  return safely('search appearances', () =>
    increment(
      executor,
      'search_appearances',
      sql`select id from therapists where id in (${valueList(page)}) and status = 'published'`,
      now,
    ),
  );
}

/**
 * The same, for a page of results that names its listings by slug (search hits carry slugs,
 * not ids): the slugs are resolved inside the one statement.
 */
export async function recordSearchAppearancesBySlug(
  slugs: readonly string[],
  now: Date = new Date(),
  executor: Executor = getDb(),
): Promise<boolean> {
  const distinct = [...new Set(slugs.filter((slug) => slug.length > 0 && slug.length <= 200))];
  const page = distinct.slice(0, MAX_LISTINGS_PER_PAGE);
  if (page.length === 0) return false;
  return safely('search appearances', () =>
    increment(
      executor,
      'search_appearances',
      sql`select id from therapists where slug in (${valueList(page)}) and status = 'published'`,
      now,
    ),
  );
}

/**
 * One opening of a published listing's profile, unless the viewer is the listing's owner or
 * the request comes from a robot. The viewer is used for that check only and is not stored.
 */
export async function recordProfileView(
  therapistId: number,
  viewer: { userId: string } | null,
  userAgent: string | null | undefined,
  now: Date = new Date(),
  executor: Executor = getDb(),
): Promise<boolean> {
  if (!Number.isSafeInteger(therapistId) || therapistId <= 0) return false;
  if (isLikelyBot(userAgent)) return false;
  const notOwner = viewer
    ? sql` and (claimed_by_user_id is null or claimed_by_user_id <> ${viewer.userId})`
    : sql``;
  return safely('profile views', () =>
    increment(
      executor,
      'profile_views',
      sql`select id from therapists where id = ${therapistId} and status = 'published'${notOwner}`,
      now,
    ),
  );
}
