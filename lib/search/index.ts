import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db';
import { validationError } from '@/lib/errors';
import { errorMessage, log } from '@/lib/log';
import { searchConfig } from './config';
import { createMeilisearchEngine } from './meilisearch-engine';
import { coordinatesPlace, extractPlace, resolvePlace, type ResolvedPlace } from './places';
import { createPostgresEngine } from './postgres-engine';
import { DEFAULT_RADIUS_MILES, KM_PER_MILE, type SearchQuery, type SortOrder } from './query';
import type { EngineHealth, EngineName, EngineQuery, SearchEngine, SearchResult } from './types';

export type { SearchResult } from './types';

/** After a failure, the configured engine is skipped for this long (per process). */
const COOLDOWN_MS = 10_000;
export const FALLBACK_COUNTER = 'meilisearch_fallbacks';

interface Engines {
  primary: SearchEngine;
  fallback: SearchEngine | null;
  timeoutMs: number;
}

const holder = globalThis as typeof globalThis & {
  __unknotSearch?: Engines;
  __unknotSearchCooldownUntil?: number;
};

/** The configured engine, and the Postgres engine behind it when the configured one is Meilisearch. */
export function searchEngines(): Engines {
  if (holder.__unknotSearch) return holder.__unknotSearch;
  const config = searchConfig();
  const postgres = createPostgresEngine();
  holder.__unknotSearch = config.meilisearch
    ? {
        primary: createMeilisearchEngine(config.meilisearch),
        fallback: postgres,
        timeoutMs: config.timeoutMs,
      }
    : { primary: postgres, fallback: null, timeoutMs: config.timeoutMs };
  return holder.__unknotSearch;
}

/** Replaces the engines (tests). */
export function setSearchEngines(engines: Engines | undefined): void {
  holder.__unknotSearch = engines;
  holder.__unknotSearchCooldownUntil = undefined;
}

function resolveWhere(query: SearchQuery): { place: ResolvedPlace | null; text: string } {
  if (query.near) return { place: coordinatesPlace(query.near), text: query.q };
  if (query.place) {
    const place = resolvePlace(query.place);
    if (!place) {
      throw validationError([
        {
          field: 'place',
          message: `We could not find “${query.place}”. Try a US city or a 5-digit ZIP code.`,
        },
      ]);
    }
    return { place, text: query.q };
  }
  const found = extractPlace(query.q);
  return found ? { place: found.place, text: found.rest } : { place: null, text: query.q };
}

/** Turns the page's or the API's query into what an engine is asked. */
export function toEngineQuery(query: SearchQuery): EngineQuery {
  const { place, text } = resolveWhere(query);
  if (query.sort === 'distance' && !place) {
    throw validationError([
      { field: 'sort', message: 'Sorting by distance needs a place or “near me”' },
    ]);
  }
  const sort: SortOrder = query.sort ?? (place && !text.trim() ? 'distance' : 'relevance');
  return {
    text,
    modality: query.modality,
    condition: query.condition,
    intent: query.intent,
    place,
    radiusKm: place ? (query.radiusMiles ?? DEFAULT_RADIUS_MILES) * KM_PER_MILE : null,
    minRating: query.minRating,
    pressureMin: query.pressureMin,
    pressureMax: query.pressureMax,
    mobile: query.mobile,
    language: query.language,
    sort,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function countFallback(reason: string): Promise<void> {
  try {
    await getDb().execute(sql`
      insert into search_counters (name, value, updated_at) values (${FALLBACK_COUNTER}, 1, now())
      on conflict (name) do update set value = search_counters.value + 1, updated_at = now()`);
  } catch (error) {
    log.error('search fallback not counted', { reason, error: errorMessage(error) });
  }
}

/** Searches therapists with the configured engine, falling back to Postgres within the time budget. */
export async function searchTherapists(query: SearchQuery): Promise<SearchResult> {
  const started = performance.now();
  const engineQuery = toEngineQuery(query);
  const { primary, fallback, timeoutMs } = searchEngines();

  let engine: EngineName = primary.name;
  let usedFallback = false;
  let result;
  const cooling = fallback !== null && (holder.__unknotSearchCooldownUntil ?? 0) > Date.now();
  if (fallback && cooling) {
    result = await fallback.search(engineQuery);
    engine = fallback.name;
    usedFallback = true;
    await countFallback('cooldown');
  } else {
    try {
      result = await primary.search(engineQuery, AbortSignal.timeout(timeoutMs));
    } catch (error) {
      if (!fallback) throw error;
      holder.__unknotSearchCooldownUntil = Date.now() + COOLDOWN_MS;
      log.warn('search engine failed; the Postgres engine answers', {
        engine: primary.name,
        error: errorMessage(error),
        timeoutMs,
      });
      await countFallback(errorMessage(error));
      result = await fallback.search(engineQuery);
      engine = fallback.name;
      usedFallback = true;
    }
  }

  return {
    ...result,
    query,
    place: engineQuery.place,
    radiusKm: engineQuery.radiusKm,
    sort: engineQuery.sort,
    page: engineQuery.page,
    pageSize: engineQuery.pageSize,
    pageCount: Math.max(1, Math.ceil(result.total / engineQuery.pageSize)),
    engine,
    fallback: usedFallback,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

export interface SearchHealth {
  serving: EngineName;
  configured: EngineName;
  engines: Record<string, EngineHealth>;
  fallbacks: number;
  outbox: { pending: number; failed: number; oldestPendingSeconds: number | null };
}

/** Which engine serves, how each is doing, how many fallbacks happened, and the outbox backlog. */
export async function searchHealth(): Promise<SearchHealth> {
  const { primary, fallback } = searchEngines();
  const engines: Record<string, EngineHealth> = { [primary.name]: await primary.health() };
  if (fallback) engines[fallback.name] = await fallback.health();
  const [counters] = await selectRows<{
    fallbacks: number;
    pending: number;
    failed: number;
    oldest: number | null;
  }>(
    getDb(),
    sql`select
      coalesce((select value from search_counters where name = ${FALLBACK_COUNTER}), 0)::int as fallbacks,
      (select count(*) from search_outbox where processed_at is null and failed_at is null)::int as pending,
      (select count(*) from search_outbox where failed_at is not null)::int as failed,
      (select extract(epoch from now() - min(created_at)) from search_outbox
        where processed_at is null and failed_at is null)::float8 as oldest`,
  );
  const cooling = fallback !== null && (holder.__unknotSearchCooldownUntil ?? 0) > Date.now();
  const serving =
    fallback && (cooling || !engines[primary.name]?.ok) ? fallback.name : primary.name;
  return {
    serving,
    configured: primary.name,
    engines,
    fallbacks: counters?.fallbacks ?? 0,
    outbox: {
      pending: counters?.pending ?? 0,
      failed: counters?.failed ?? 0,
      oldestPendingSeconds:
        counters?.oldest === null || counters?.oldest === undefined
          ? null
          : Math.round(counters.oldest),
    },
  };
}
