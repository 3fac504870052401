import 'server-only';
import { CARD_MODALITIES } from '@/lib/config';
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type MultiSearchQuery,
  type Task,
} from 'meilisearch';
import { z } from 'zod';
import { getDb } from '@/db';
import { distanceKm } from '@/lib/geo';
import { toOutcomeFigure } from '@/lib/therapists/outcomes';
import { FACET_LABELS, toFacetCounts } from './facets';
import { meilisearchSettings } from './meilisearch-settings';
import type {
  EngineQuery,
  EngineResult,
  HighlightSegment,
  SearchDocument,
  SearchEngine,
  SearchFacets,
  SearchHit,
  TopReviewSnippet,
} from './types';

export interface MeilisearchConfig {
  host: string;
  apiKey: string | undefined;
  index: string;
}

const PRIMARY_KEY = 'id';
/** Characters no indexed name or headline holds (they are stripped), marking highlights. */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';
/** How long a write may wait for its task (large reindex batches take a while). */
const TASK_TIMEOUT_MS = 120_000;
const TASK_POLL_MS = 50;
/** Every request except searches (which get the caller's signal) and health probes. */
const REQUEST_TIMEOUT_MS = 30_000;
const HEALTH_TIMEOUT_MS = 2_000;

const modalityLabel = FACET_LABELS.modality;

/** A document as Meilisearch stores it. */
export type MeilisearchDocument = {
  id: number;
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  bio: string;
  modalities: string[];
  modalityNames: string[];
  conditions: string[];
  conditionNames: string[];
  intents: string[];
  languages: string[];
  mobileService: boolean;
  pressureMin: number;
  pressureMax: number;
  city: string;
  region: string;
  postalCodes: string[];
  _geo?: { lat: number; lng: number };
  ratingAverage: number | null;
  dampedRating: number;
  reviewCount: number;
  followedUpCount: number;
  lastingReliefCount: number;
  lastingReliefScore: number;
  topReview: TopReviewSnippet | null;
  reviewText: string;
};

function withoutMarks(text: string): string {
  return text.replaceAll(HIGHLIGHT_PRE, '').replaceAll(HIGHLIGHT_POST, '');
}

/**
 * Projects a search document for Meilisearch. A Meilisearch document holds one `_geo` point,
 * so only the first current location is geo-searchable here; therapists' other locations
 * count for radius filters and distances in the Postgres engine only.
 */
export function toMeilisearchDocument(d: SearchDocument): MeilisearchDocument {
  const first = d.locations[0];
  return {
    id: d.id,
    slug: d.slug,
    name: withoutMarks(d.name),
    credentials: d.credentials,
    headline: withoutMarks(d.headline),
    bio: d.bio,
    modalities: d.modalities,
    modalityNames: d.modalityNames,
    conditions: d.conditions,
    conditionNames: d.conditionNames,
    intents: d.intents,
    languages: d.languages,
    mobileService: d.mobileService,
    pressureMin: d.pressureMin,
    pressureMax: d.pressureMax,
    city: d.city,
    region: d.region,
    postalCodes: d.postalCodes,
    ...(first ? { _geo: { lat: first.latitude, lng: first.longitude } } : {}),
    ratingAverage: d.ratingAverage,
    dampedRating: d.dampedRating,
    reviewCount: d.reviewCount,
    followedUpCount: d.followedUpCount,
    lastingReliefCount: d.lastingReliefCount,
    lastingReliefScore: d.lastingReliefScore,
    topReview: d.topReview,
    reviewText: d.reviewText,
  };
}

// --- filters ---

/**
 * A value for a Meilisearch filter: always inside double quotes, with backslashes and double
 * quotes escaped, so no value can end the string and add filter syntax.
 */
export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A number for a geo expression, which takes bare decimals only. */
function geoNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite coordinate: ${value}`);
  return value.toFixed(digits);
}

function anyOf(attribute: string, values: readonly string[]): string | null {
  if (values.length === 0) return null;
  return `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

interface FilterParts {
  modality: string | null;
  condition: string | null;
  intent: string | null;
  other: string[];
}

function filterParts(q: EngineQuery): FilterParts {
  const other: string[] = [];
  if (q.minRating !== null) other.push(`ratingAverage >= ${quoteFilterValue(q.minRating)}`);
  if (q.pressureMin !== null) other.push(`pressureMax >= ${quoteFilterValue(q.pressureMin)}`);
  if (q.pressureMax !== null) other.push(`pressureMin <= ${quoteFilterValue(q.pressureMax)}`);
  if (q.mobile !== null) other.push(`mobileService = ${quoteFilterValue(q.mobile)}`);
  if (q.language !== null) other.push(`languages = ${quoteFilterValue(q.language)}`);
  if (q.place && q.radiusKm) {
    other.push(
      `_geoRadius(${geoNumber(q.place.latitude, 6)}, ${geoNumber(q.place.longitude, 6)}, ${geoNumber(
        Math.round(q.radiusKm * 1000),
        0,
      )})`,
    );
  }
  return {
    modality: anyOf('modalities', q.modality),
    condition: anyOf('conditions', q.condition),
    intent: anyOf('intents', q.intent),
    other,
  };
}

function allOf(parts: readonly (string | null)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== null);
  return present.length ? present.join(' AND ') : undefined;
}

/** The whole filter of a query, as sent with its main search. */
export function toMeilisearchFilter(q: EngineQuery): string | undefined {
  const f = filterParts(q);
  return allOf([f.modality, f.condition, f.intent, ...f.other]);
}

function toSort(q: EngineQuery): string[] | undefined {
  switch (q.sort) {
    case 'rating':
      return ['dampedRating:desc', 'reviewCount:desc'];
    case 'relief':
      return ['lastingReliefScore:desc', 'dampedRating:desc'];
    case 'reviews':
      return ['reviewCount:desc', 'dampedRating:desc'];
    case 'distance':
      return q.place
        ? [`_geoPoint(${geoNumber(q.place.latitude, 6)},${geoNumber(q.place.longitude, 6)}):asc`]
        : undefined;
    case 'relevance':
      return undefined;
  }
}

// --- reading responses ---

const topReviewSchema = z.object({
  rating: z.number(),
  title: z.string(),
  body: z.string(),
  authorName: z.string(),
});

const hitSchema = z.object({
  slug: z.string(),
  name: z.string(),
  credentials: z.string().default(''),
  headline: z.string().default(''),
  modalities: z.array(z.string()).default([]),
  city: z.string().default(''),
  region: z.string().default(''),
  _geo: z.object({ lat: z.coerce.number(), lng: z.coerce.number() }).nullish(),
  _geoDistance: z.number().nullish(),
  ratingAverage: z.number().nullable().default(null),
  reviewCount: z.number().default(0),
  followedUpCount: z.number().default(0),
  lastingReliefCount: z.number().default(0),
  mobileService: z.boolean().default(false),
  topReview: topReviewSchema.nullable().default(null),
  _formatted: z
    .object({ name: z.unknown().optional(), headline: z.unknown().optional() })
    .nullish(),
});

const resultSchema = z.object({
  hits: z.array(hitSchema),
  totalHits: z.number().optional(),
  estimatedTotalHits: z.number().optional(),
  facetDistribution: z.record(z.string(), z.record(z.string(), z.number())).nullish(),
});

const multiSearchSchema = z.object({ results: z.array(resultSchema) });

type ParsedHit = z.output<typeof hitSchema>;

/**
 * Turns Meilisearch's highlighted text into plain-text segments. When the marked text does not
 * spell out the displayed text exactly, nothing is marked.
 */
function toSegments(formatted: unknown, text: string): HighlightSegment[] {
  if (text === '') return [];
  if (typeof formatted !== 'string') return [{ text, match: false }];
  const segments: HighlightSegment[] = [];
  let match = false;
  for (const char of formatted) {
    if (char === HIGHLIGHT_PRE) match = true;
    else if (char === HIGHLIGHT_POST) match = false;
    else {
      const last = segments[segments.length - 1];
      if (last && last.match === match) last.text += char;
      else segments.push({ text: char, match });
    }
  }
  if (segments.map((s) => s.text).join('') !== text) return [{ text, match: false }];
  return segments;
}

function toHit(h: ParsedHit, q: EngineQuery): SearchHit {
  let distance: number | null = null;
  if (q.place) {
    if (typeof h._geoDistance === 'number') distance = h._geoDistance / 1000;
    else if (h._geo)
      distance = distanceKm(q.place, { latitude: h._geo.lat, longitude: h._geo.lng });
  }
  return {
    slug: h.slug,
    name: h.name,
    credentials: h.credentials,
    headline: h.headline,
    highlight: {
      name: toSegments(h._formatted?.name, h.name),
      headline: toSegments(h._formatted?.headline, h.headline),
    },
    modalities: h.modalities
      .slice(0, CARD_MODALITIES)
      .map((slug) => ({ slug, name: modalityLabel.get(slug) ?? slug })),
    city: h.city,
    region: h.region,
    distanceKm: distance,
    ratingAverage: h.ratingAverage,
    reviewCount: h.reviewCount,
    lastingRelief: toOutcomeFigure(h.lastingReliefCount, h.followedUpCount),
    mobileService: h.mobileService,
    topReview: h.topReview,
  };
}

// --- the engine ---

const FACETS = [
  { key: 'modality', attribute: 'modalities' },
  { key: 'condition', attribute: 'conditions' },
  { key: 'intent', attribute: 'intents' },
] as const satisfies readonly {
  key: keyof SearchFacets & keyof FilterParts;
  attribute: string;
}[];

const HIT_ATTRIBUTES = [
  'slug',
  'name',
  'credentials',
  'headline',
  'modalities',
  'city',
  'region',
  '_geo',
  'ratingAverage',
  'reviewCount',
  'followedUpCount',
  'lastingReliefCount',
  'mobileService',
  'topReview',
];

/** The message of an error and of the errors that caused it. */
function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && messages.length < 4) {
    if (current.message && !messages.includes(current.message)) messages.push(current.message);
    current = current.cause;
  }
  return messages.length ? messages.join(': ') : String(error);
}

function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

/** Indexes whose settings this process has applied, by host and index uid. */
const settingsApplied = new Map<string, Promise<void>>();

/**
 * The Meilisearch engine: relevance, typo tolerance, synonyms and geo search by Meilisearch,
 * with filters and facets that behave like the Postgres engine's.
 */
export function createMeilisearchEngine(config: MeilisearchConfig): SearchEngine {
  const client = new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    timeout: REQUEST_TIMEOUT_MS,
  });
  const probe = new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    timeout: HEALTH_TIMEOUT_MS,
  });
  const settingsKey = `${config.host}|${config.index}`;

  /** Waits for a task and throws with its error when it did not succeed. */
  async function settle(
    enqueued: EnqueuedTaskPromise,
    what: string,
    tolerated: readonly string[] = [],
  ): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS });
    if (task.status === 'succeeded') return task;
    if (task.error && tolerated.includes(task.error.code)) return task;
    throw new Error(
      `Meilisearch ${what} ${task.status}: ${task.error?.message ?? `task ${task.uid} did not succeed`}`,
    );
  }

  async function ensureIndex(uid: string): Promise<void> {
    try {
      await client.getRawIndex(uid);
      return;
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
    }
    await settle(client.createIndex(uid, { primaryKey: PRIMARY_KEY }), `creating index ${uid}`, [
      'index_already_exists',
    ]);
  }

  async function applySettings(uid: string): Promise<void> {
    await settle(client.index(uid).updateSettings(meilisearchSettings()), `settings of ${uid}`);
  }

  /** Creates the index and applies the settings, once per process. */
  function ready(): Promise<void> {
    let applied = settingsApplied.get(settingsKey);
    if (!applied) {
      applied = (async () => {
        await ensureIndex(config.index);
        await applySettings(config.index);
      })();
      applied.catch(() => settingsApplied.delete(settingsKey));
      settingsApplied.set(settingsKey, applied);
    }
    return applied;
  }

  async function addDocuments(uid: string, documents: readonly SearchDocument[]): Promise<void> {
    await settle(
      client
        .index<MeilisearchDocument>(uid)
        .addDocuments(documents.map(toMeilisearchDocument), { primaryKey: PRIMARY_KEY }),
      `adding ${documents.length} documents to ${uid}`,
    );
  }

  return {
    name: 'meilisearch',

    async search(q: EngineQuery, signal?: AbortSignal): Promise<EngineResult> {
      const parts = filterParts(q);
      const base = { indexUid: config.index, q: q.text, matchingStrategy: 'last' as const };
      const sort = toSort(q);
      const filter = allOf([parts.modality, parts.condition, parts.intent, ...parts.other]);
      const main: MultiSearchQuery = {
        ...base,
        ...(filter ? { filter } : {}),
        ...(sort ? { sort } : {}),
        page: q.page,
        hitsPerPage: q.pageSize,
        attributesToRetrieve: HIT_ATTRIBUTES,
        attributesToHighlight: ['name', 'headline'],
        highlightPreTag: HIGHLIGHT_PRE,
        highlightPostTag: HIGHLIGHT_POST,
      };
      // One query per facet, with every filter but its own: counts stay disjunctive.
      const facetQueries: MultiSearchQuery[] = FACETS.map((facet) => {
        const others = allOf([
          ...FACETS.filter((f) => f.key !== facet.key).map((f) => parts[f.key]),
          ...parts.other,
        ]);
        return {
          ...base,
          ...(others ? { filter: others } : {}),
          limit: 0,
          facets: [facet.attribute],
        };
      });

      const response = await client.multiSearch(
        { queries: [main, ...facetQueries] },
        signal ? { signal } : undefined,
      );
      const parsed = multiSearchSchema.parse(response);
      const [first, ...facetResults] = parsed.results;
      if (!first || facetResults.length !== FACETS.length) {
        throw new Error(
          `Meilisearch answered ${parsed.results.length} results to ${FACETS.length + 1} queries`,
        );
      }

      const facets: SearchFacets = { modality: [], condition: [], intent: [] };
      FACETS.forEach((facet, i) => {
        facets[facet.key] = toFacetCounts(
          facet.key,
          facetResults[i]?.facetDistribution?.[facet.attribute] ?? {},
          q[facet.key],
        );
      });

      return {
        hits: first.hits.map((h) => toHit(h, q)),
        total: first.totalHits ?? first.estimatedTotalHits ?? first.hits.length,
        facets,
        correctedText: null,
        relaxed: false,
      };
    },

    async upsert(documents) {
      if (documents.length === 0) return;
      await ready();
      await addDocuments(config.index, documents);
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await ready();
      await settle(
        client.index(config.index).deleteDocuments([...ids]),
        `removing ${ids.length} documents from ${config.index}`,
      );
    },

    async reindex(source, onProgress) {
      // The swap needs both indexes to exist.
      await ensureIndex(config.index);
      const next = `${config.index}_next_${Date.now()}`;
      await settle(client.createIndex(next, { primaryKey: PRIMARY_KEY }), `creating index ${next}`);
      try {
        await applySettings(next);
        let indexed = 0;
        for await (const batch of source(getDb())) {
          if (batch.length === 0) continue;
          await addDocuments(next, batch);
          indexed += batch.length;
          onProgress?.(indexed);
        }
        await settle(
          client.swapIndexes([{ indexes: [config.index, next], rename: false }]),
          `swapping ${next} into ${config.index}`,
        );
      } catch (error) {
        await settle(client.deleteIndex(next), `deleting ${next}`).catch(() => undefined);
        throw error;
      }
      settingsApplied.set(settingsKey, Promise.resolve());
      // After the swap, `next` holds the previous documents.
      await settle(client.deleteIndex(next), `deleting ${next}`);
    },

    async health() {
      try {
        const { status }: { status: string } = await probe.health();
        if (status !== 'available') {
          return { ok: false, detail: `Meilisearch is ${status}`, documents: null };
        }
        const stats = await probe.index(config.index).getStats();
        return {
          ok: true,
          detail: `Meilisearch index ${config.index}`,
          documents: stats.numberOfDocuments,
        };
      } catch (error) {
        return { ok: false, detail: describeError(error), documents: null };
      }
    },
  };
}
