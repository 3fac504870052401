import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from '@/db';
import { searchDocumentLocations, searchDocuments, searchTerms } from '@/db/schema';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { distanceKmSql, withinBoxSql } from '@/lib/geo';
import { toOutcomeFigure } from '@/lib/therapists/outcomes';
import { INTENT_LABELS } from '@/lib/format';
import { analyzeText, foldText, type AnalyzedText } from './analyze';
import { highlight } from './highlight';
import type {
  EngineQuery,
  EngineResult,
  FacetCount,
  SearchDocument,
  SearchEngine,
  SearchFacets,
  SearchHit,
  TopReviewSnippet,
} from './types';

/** Text search configuration used for documents and queries alike. */
const TS_CONFIG = sql.raw(`'english'::regconfig`);
/** Query words shorter than this are never corrected. */
const MIN_CORRECTABLE = 4;
/** How alike (trigram similarity) a vocabulary word must be to replace a query word. */
const MIN_SIMILARITY = 0.35;
const CARD_MODALITIES = 3;

const modalityLabel = new Map(MODALITIES.map((m) => [m.slug, m.name]));
const conditionLabel = new Map(CONDITIONS.map((c) => [c.slug, c.name]));

function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`array[]::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** A tsquery of words that were folded to [a-z0-9], so no operator can slip in. */
function tsquery(
  words: readonly string[],
  joiner: '&' | '|' | '<->',
  prefixLast: boolean,
): SQL | null {
  const safe = words.map((w) => w.replace(/[^a-z0-9]/g, '')).filter(Boolean);
  if (safe.length === 0) return null;
  const text = safe
    .map((w, i) => (prefixLast && i === safe.length - 1 ? `${w}:*` : w))
    .join(` ${joiner} `);
  return sql`to_tsquery(${TS_CONFIG}, ${text})`;
}

// --- correcting misspelt words against the vocabulary of indexed words ---

interface Correction {
  word: string;
  known: boolean;
  isPrefix: boolean;
  suggestion: string | null;
}

async function correctWords(
  executor: Executor,
  words: readonly string[],
  lastIsPrefix: boolean,
): Promise<Map<string, string>> {
  const candidates = [
    ...new Set(words.filter((w) => w.length >= MIN_CORRECTABLE && !/^\d+$/.test(w))),
  ];
  const corrections = new Map<string, string>();
  if (candidates.length === 0) return corrections;
  const last = words[words.length - 1];
  const rows = await selectRows<Correction & Record<string, unknown>>(
    executor,
    sql`select w.word,
        exists(select 1 from search_terms t where t.term = w.word) as known,
        (w.word = ${last ?? ''} and ${lastIsPrefix}::boolean
          and exists(select 1 from search_terms t where t.term like w.word || '%')) as "isPrefix",
        (select t.term from search_terms t
          where t.term % w.word and similarity(t.term, w.word) >= ${MIN_SIMILARITY}::float4
          order by similarity(t.term, w.word) desc, t.document_count desc, t.term
          limit 1) as suggestion
      from unnest(${textArray(candidates)}) as w(word)`,
  );
  for (const row of rows) {
    if (!row.known && !row.isPrefix && row.suggestion) corrections.set(row.word, row.suggestion);
  }
  return corrections;
}

interface Understanding {
  analyzed: AnalyzedText;
  correctedText: string | null;
  /** The last word may still be being typed. */
  prefixLast: boolean;
}

async function understand(executor: Executor, text: string): Promise<Understanding> {
  const prefixLast = text !== '' && !/\s$/.test(text);
  const analyzed = analyzeText(text);
  if (analyzed.words.length === 0) return { analyzed, correctedText: null, prefixLast };
  const corrections = await correctWords(executor, analyzed.words, prefixLast);
  if (corrections.size === 0) return { analyzed, correctedText: null, prefixLast };
  const correctedText = foldText(text)
    .split(' ')
    .map((w) => corrections.get(w) ?? w)
    .join(' ');
  return { analyzed: analyzeText(correctedText), correctedText, prefixLast };
}

// --- building the query ---

interface Criterion {
  /** True for a document that satisfies it. */
  match: SQL;
  /** How much satisfying it adds to relevance. */
  rank: SQL;
}

function criteria(understanding: Understanding): Criterion[] {
  const { analyzed, prefixLast } = understanding;
  const list: Criterion[] = [];
  for (const m of analyzed.matches) {
    const column =
      m.kind === 'modality' ? sql.raw('d.modality_slugs') : sql.raw('d.condition_slugs');
    const phrase = tsquery(m.phrase.split(' '), '<->', false);
    const direct = sql`${column} && ${textArray(m.slugs)}`;
    const related = m.related.length > 0 ? sql`${column} && ${textArray(m.related)}` : sql`false`;
    const inText = phrase ? sql`d.document @@ ${phrase}` : sql`false`;
    list.push({
      match: sql`(${direct} or ${related} or ${inText})`,
      rank: sql`(case when ${direct} then 1.0 when ${related} then 0.45 when ${inText} then 0.3 else 0 end)`,
    });
  }
  const words = tsquery(analyzed.words, '&', prefixLast);
  if (words) {
    list.push({
      match: sql`d.document @@ ${words}`,
      rank: sql`(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, ${words}, 1) * 4)`,
    });
  }
  return list;
}

interface Filters {
  modality: SQL | null;
  condition: SQL | null;
  intent: SQL | null;
  other: SQL[];
}

function filters(q: EngineQuery): Filters {
  const other: SQL[] = [];
  if (q.minRating !== null) other.push(sql`d.rating_average >= ${q.minRating}::float8`);
  if (q.pressureMin !== null) other.push(sql`d.pressure_max >= ${q.pressureMin}::int`);
  if (q.pressureMax !== null) other.push(sql`d.pressure_min <= ${q.pressureMax}::int`);
  if (q.mobile !== null) other.push(sql`d.mobile_service = ${q.mobile}::boolean`);
  if (q.language !== null) other.push(sql`${q.language}::text = any(d.languages)`);
  return {
    modality: q.modality.length ? sql`d.modality_slugs && ${textArray(q.modality)}` : null,
    condition: q.condition.length ? sql`d.condition_slugs && ${textArray(q.condition)}` : null,
    intent: q.intent.length ? sql`d.intents && ${textArray(q.intent)}` : null,
    other,
  };
}

function all(parts: readonly (SQL | null)[]): SQL {
  const present = parts.filter((p): p is SQL => p !== null);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

const QUALITY = sql`(coalesce(d.damped_rating, 0) / 5 * 0.6
  + least(ln(1 + d.review_count) / ln(100), 1) * 0.2
  + d.lasting_relief_score * 0.4)`;

function orderBy(q: EngineQuery, relevance: SQL): SQL {
  switch (q.sort) {
    case 'rating':
      return sql`d.damped_rating desc, d.review_count desc, d.therapist_id`;
    case 'relief':
      return sql`d.lasting_relief_score desc, d.damped_rating desc, d.therapist_id`;
    case 'reviews':
      return sql`d.review_count desc, d.damped_rating desc, d.therapist_id`;
    case 'distance':
      return q.place ? sql`n.distance_km, d.therapist_id` : sql`${relevance} desc, d.therapist_id`;
    case 'relevance':
      return sql`${relevance} desc, d.therapist_id`;
  }
}

interface HitRow extends Record<string, unknown> {
  therapist_id: number;
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  modality_slugs: string[];
  city: string;
  region: string;
  distance_km: number | null;
  nearest_city: string | null;
  nearest_region: string | null;
  rating_average: number | null;
  review_count: number;
  followed_up_count: number;
  lasting_relief_count: number;
  mobile_service: boolean;
  top_review: TopReviewSnippet | null;
  total: number;
}

function toFacets(
  rows: { facet: string; value: string; n: number }[],
  q: EngineQuery,
): SearchFacets {
  const build = (
    facet: keyof SearchFacets,
    labels: Map<string, string>,
    selected: readonly string[],
  ): FacetCount[] => {
    const counts = new Map(
      rows.filter((r) => r.facet === facet).map((r) => [r.value, Number(r.n)]),
    );
    for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
    return [...counts.entries()]
      .filter(([value]) => labels.has(value))
      .map(([value, count]) => ({ value, label: labels.get(value)!, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };
  return {
    modality: build('modality', modalityLabel, q.modality),
    condition: build('condition', conditionLabel, q.condition),
    intent: build('intent', new Map(Object.entries(INTENT_LABELS)), q.intent),
  };
}

// --- indexing ---

const VOCABULARY_STOPWORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'you',
  'your',
  'are',
  'who',
  'not',
  'but',
  'have',
]);

function vocabulary(documents: readonly SearchDocument[]): string[] {
  const words = new Set<string>();
  for (const d of documents) {
    const text = [d.name, d.headline, d.bio, d.city, ...d.modalityNames, ...d.conditionNames].join(
      ' ',
    );
    for (const w of foldText(text).split(' ')) {
      if (w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w) && !VOCABULARY_STOPWORDS.has(w))
        words.add(w);
    }
  }
  for (const m of MODALITIES)
    for (const w of foldText([m.name, ...m.synonyms].join(' ')).split(' '))
      if (w.length >= 3) words.add(w);
  for (const c of CONDITIONS)
    for (const w of foldText([c.name, ...c.synonyms].join(' ')).split(' '))
      if (w.length >= 3) words.add(w);
  return [...words];
}

function documentVector(d: SearchDocument): SQL {
  const taxonomy = [...d.modalityNames, ...d.conditionNames, ...synonymsOf(d)].join(' ');
  return sql`setweight(to_tsvector(${TS_CONFIG}, unknot_fold(${`${d.name} ${d.credentials}`})), 'A')
    || setweight(to_tsvector(${TS_CONFIG}, unknot_fold(${taxonomy})), 'B')
    || setweight(to_tsvector(${TS_CONFIG}, unknot_fold(${`${d.headline} ${d.bio} ${d.city}`})), 'C')
    || setweight(to_tsvector(${TS_CONFIG}, unknot_fold(${d.reviewText})), 'D')`;
}

function synonymsOf(d: SearchDocument): string[] {
  const modalities = new Set(d.modalities);
  const conditions = new Set(d.conditions);
  return [
    ...MODALITIES.filter((m) => modalities.has(m.slug)).flatMap((m) => m.synonyms),
    ...CONDITIONS.filter((c) => conditions.has(c.slug)).flatMap((c) => c.synonyms),
  ];
}

async function writeDocuments(
  executor: Executor,
  documents: readonly SearchDocument[],
): Promise<void> {
  if (documents.length === 0) return;
  const ids = documents.map((d) => d.id);
  await executor
    .insert(searchDocuments)
    .values(
      documents.map((d) => ({
        therapistId: d.id,
        slug: d.slug,
        name: d.name,
        credentials: d.credentials,
        headline: d.headline,
        bio: d.bio,
        modalitySlugs: d.modalities,
        modalityNames: d.modalityNames,
        conditionSlugs: d.conditions,
        conditionNames: d.conditionNames,
        intents: d.intents,
        languages: d.languages,
        mobileService: d.mobileService,
        pressureMin: d.pressureMin,
        pressureMax: d.pressureMax,
        city: d.city,
        region: d.region,
        postalCodes: d.postalCodes,
        ratingAverage: d.ratingAverage,
        dampedRating: d.dampedRating,
        reviewCount: d.reviewCount,
        followedUpCount: d.followedUpCount,
        lastingReliefCount: d.lastingReliefCount,
        lastingReliefScore: d.lastingReliefScore,
        topReview: d.topReview,
        reviewText: d.reviewText,
        document: documentVector(d),
        indexedAt: new Date(),
      })),
    )
    .onConflictDoUpdate({
      target: searchDocuments.therapistId,
      set: Object.fromEntries(
        [
          'slug',
          'name',
          'credentials',
          'headline',
          'bio',
          'modality_slugs',
          'modality_names',
          'condition_slugs',
          'condition_names',
          'intents',
          'languages',
          'mobile_service',
          'pressure_min',
          'pressure_max',
          'city',
          'region',
          'postal_codes',
          'rating_average',
          'damped_rating',
          'review_count',
          'followed_up_count',
          'lasting_relief_count',
          'lasting_relief_score',
          'top_review',
          'review_text',
          'document',
          'indexed_at',
        ].map((column) => [toCamel(column), sql.raw(`excluded.${column}`)]),
      ),
    });
  await executor.delete(searchDocumentLocations).where(
    sql`${searchDocumentLocations.therapistId} in (${sql.join(
      ids.map((id) => sql`${id}::int`),
      sql`, `,
    )})`,
  );
  const locations = documents.flatMap((d) => d.locations.map((l) => ({ therapistId: d.id, ...l })));
  if (locations.length) await executor.insert(searchDocumentLocations).values(locations);
  const words = vocabulary(documents);
  for (let i = 0; i < words.length; i += 2000) {
    await executor
      .insert(searchTerms)
      .values(words.slice(i, i + 2000).map((term) => ({ term })))
      .onConflictDoNothing();
  }
}

function toCamel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

async function removeDocuments(executor: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await executor.delete(searchDocuments).where(
    sql`${searchDocuments.therapistId} in (${sql.join(
      ids.map((id) => sql`${id}::int`),
      sql`, `,
    )})`,
  );
}

/** Runs `work` in one transaction when the executor can open one. */
async function atomically(
  executor: Executor,
  work: (tx: Executor) => Promise<void>,
): Promise<void> {
  const candidate = executor as Executor & {
    transaction?: (fn: (tx: Executor) => Promise<void>) => Promise<void>;
  };
  if (typeof candidate.transaction === 'function') await candidate.transaction(work);
  else await work(executor);
}

/**
 * The Postgres engine: weighted full text with prefix matching, spelling corrected against the
 * vocabulary of indexed words, taxonomy synonyms, and radius filters by bounding box plus
 * haversine. `executor` is the database, or a transaction the indexer is running.
 */
export function createPostgresEngine(executor: () => Executor = getDb): SearchEngine {
  return {
    name: 'postgres',

    async search(q: EngineQuery): Promise<EngineResult> {
      const db = executor();
      const understanding = await understand(db, q.text);
      const crit = criteria(understanding);
      const f = filters(q);

      const near =
        q.place && q.radiusKm
          ? sql`near as (
            select l.therapist_id,
              min(${distanceKmSql(sql.raw('l.latitude'), sql.raw('l.longitude'), q.place)}) as distance_km,
              (array_agg(l.city order by ${distanceKmSql(sql.raw('l.latitude'), sql.raw('l.longitude'), q.place)}))[1] as city,
              (array_agg(l.region order by ${distanceKmSql(sql.raw('l.latitude'), sql.raw('l.longitude'), q.place)}))[1] as region
            from search_document_locations l
            where ${withinBoxSql(sql.raw('l.latitude'), sql.raw('l.longitude'), q.place, q.radiusKm)}
            group by l.therapist_id
            having min(${distanceKmSql(sql.raw('l.latitude'), sql.raw('l.longitude'), q.place)}) <= ${q.radiusKm}::float8
          )`
          : null;
      const from = near
        ? sql`search_documents d join near n on n.therapist_id = d.therapist_id`
        : sql`search_documents d`;
      const distanceRank = near ? sql`(0.6 / (1 + n.distance_km / 8))` : sql`0`;

      const run = async (relaxed: boolean) => {
        const textMatch =
          crit.length === 0
            ? sql`true`
            : relaxed
              ? sql.join(
                  crit.map((c) => sql`(${c.match})`),
                  sql` or `,
                )
              : sql.join(
                  crit.map((c) => sql`(${c.match})`),
                  sql` and `,
                );
        const matchedCount = crit.length
          ? sql.join(
              crit.map((c) => sql`(case when ${c.match} then 1 else 0 end)`),
              sql` + `,
            )
          : sql`0`;
        const relevance = sql`(${
          crit.length
            ? sql.join(
                crit.map((c) => c.rank),
                sql` + `,
              )
            : sql`0`
        }
          + ${QUALITY} + ${distanceRank} + ${relaxed ? sql`(${matchedCount}) * 10` : sql`0`})`;
        const where = all([textMatch, ...f.other]);
        const withNear = near ? sql`with ${near} ` : sql``;

        const hits = await selectRows<HitRow>(
          db,
          sql`${withNear}
            select d.therapist_id, d.slug, d.name, d.credentials, d.headline, d.modality_slugs,
              d.city, d.region, d.rating_average, d.review_count, d.followed_up_count,
              d.lasting_relief_count, d.mobile_service, d.top_review,
              ${near ? sql`n.distance_km, n.city as nearest_city, n.region as nearest_region` : sql`null::float8 as distance_km, null::text as nearest_city, null::text as nearest_region`},
              count(*) over ()::int as total
            from ${from}
            where ${where} and ${all([f.modality, f.condition, f.intent])}
            order by ${orderBy(q, relevance)}
            limit ${q.pageSize}::int offset ${(q.page - 1) * q.pageSize}::int`,
        );
        let total = hits[0]?.total ?? 0;
        if (hits.length === 0 && q.page > 1) {
          const [row] = await selectRows<{ n: number }>(
            db,
            sql`${withNear} select count(*)::int as n from ${from}
                where ${where} and ${all([f.modality, f.condition, f.intent])}`,
          );
          total = row?.n ?? 0;
        }
        const facetRows = await selectRows<{ facet: string; value: string; n: number }>(
          db,
          sql`${near ? sql`with ${near}, ` : sql`with `} base as (
              select d.modality_slugs, d.condition_slugs, d.intents,
                ${f.modality ?? sql`true`} as fm, ${f.condition ?? sql`true`} as fc, ${f.intent ?? sql`true`} as fi
              from ${from} where ${where}
            )
            select 'modality' as facet, v as value, count(*)::int as n
              from base, unnest(base.modality_slugs) as v where fc and fi group by v
            union all
            select 'condition', v, count(*)::int from base, unnest(base.condition_slugs) as v where fm and fi group by v
            union all
            select 'intent', v, count(*)::int from base, unnest(base.intents) as v where fm and fc group by v`,
        );
        return { hits, total, facetRows };
      };

      let relaxed = false;
      let outcome = await run(false);
      if (outcome.total === 0 && crit.length > 1) {
        relaxed = true;
        outcome = await run(true);
      }

      const terms = [
        ...understanding.analyzed.words,
        ...understanding.analyzed.matches.flatMap((m) => m.phrase.split(' ')),
      ];
      const hits: SearchHit[] = outcome.hits.map((r) => ({
        slug: r.slug,
        name: r.name,
        credentials: r.credentials,
        headline: r.headline,
        highlight: { name: highlight(r.name, terms), headline: highlight(r.headline, terms) },
        modalities: r.modality_slugs
          .slice(0, CARD_MODALITIES)
          .map((slug) => ({ slug, name: modalityLabel.get(slug) ?? slug })),
        city: r.nearest_city ?? r.city,
        region: r.nearest_region ?? r.region,
        distanceKm: r.distance_km === null ? null : Number(r.distance_km),
        ratingAverage: r.rating_average,
        reviewCount: r.review_count,
        lastingRelief: toOutcomeFigure(r.lasting_relief_count, r.followed_up_count),
        mobileService: r.mobile_service,
        topReview: r.top_review,
      }));
      return {
        hits,
        total: outcome.total,
        facets: toFacets(outcome.facetRows, q),
        correctedText: understanding.correctedText,
        relaxed,
      };
    },

    async upsert(documents) {
      await atomically(executor(), (tx) => writeDocuments(tx, documents));
    },

    async remove(ids) {
      await removeDocuments(executor(), ids);
    },

    async reindex(source, onProgress) {
      await atomically(executor(), async (tx) => {
        await tx.execute(sql`delete from search_documents`);
        await tx.execute(sql`delete from search_terms`);
        let indexed = 0;
        for await (const batch of source(tx)) {
          await writeDocuments(tx, batch);
          indexed += batch.length;
          onProgress?.(indexed);
        }
      });
    },

    async health() {
      try {
        const [row] = await selectRows<{ n: number }>(
          executor(),
          sql`select count(*)::int as n from search_documents`,
        );
        return { ok: true, detail: 'Postgres full-text index', documents: row?.n ?? 0 };
      } catch (error) {
        return {
          ok: false,
          detail: error instanceof Error ? error.message : 'unavailable',
          documents: null,
        };
      }
    },
  };
}
