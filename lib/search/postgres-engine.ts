import 'server-only';
import { CARD_MODALITIES } from '@/lib/config';
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from '@/db';
import { searchDocumentLocations, searchDocuments, searchTerms } from '@/db/schema';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { distanceKmSql, withinBoxSql } from '@/lib/geo';
import { toOutcomeFigure } from '@/lib/therapists/outcomes';
import { analyzeText, foldText, type AnalyzedText } from './analyze';
import { CONDITION_BITS, INTENT_BITS, MODALITY_BITS, toMask } from './bits';
import { FACET_LABELS, toFacetCounts } from './facets';
import { highlight } from './highlight';
import type {
  EngineQuery,
  EngineResult,
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

const modalityLabel = FACET_LABELS.modality;

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
  alternatives: ReadonlyMap<string, string> = new Map(),
): SQL | null {
  const clean = (w: string) => w.replace(/[^a-z0-9]/g, '');
  const safe = words.map(clean).filter(Boolean);
  if (safe.length === 0) return null;
  const text = safe
    .map((w, i) => {
      const suffix = prefixLast && i === safe.length - 1 ? ':*' : '';
      const other = clean(alternatives.get(w) ?? '');
      return other && other !== w ? `(${w}${suffix} | ${other}${suffix})` : `${w}${suffix}`;
    })
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
  /** Corrected word -> the word as typed: both are searched, so a real word that the index
   * does not know yet ("expert") is not lost to its correction ("expect"). */
  asTyped: ReadonlyMap<string, string>;
  /** The last word may still be being typed. */
  prefixLast: boolean;
}

async function understand(executor: Executor, text: string): Promise<Understanding> {
  const prefixLast = text !== '' && !/\s$/.test(text);
  const analyzed = analyzeText(text);
  const unchanged = {
    analyzed,
    correctedText: null,
    asTyped: new Map<string, string>(),
    prefixLast,
  };
  if (analyzed.words.length === 0) return unchanged;
  const corrections = await correctWords(executor, analyzed.words, prefixLast);
  if (corrections.size === 0) return unchanged;
  const correctedText = foldText(text)
    .split(' ')
    .map((w) => corrections.get(w) ?? w)
    .join(' ');
  const asTyped = new Map([...corrections].map(([typed, corrected]) => [corrected, typed]));
  return { analyzed: analyzeText(correctedText), correctedText, asTyped, prefixLast };
}

// --- building the query ---

interface Criterion {
  /** True for a document that satisfies it. */
  match: SQL;
  /** How much satisfying it adds to relevance. */
  rank: SQL;
}

function maskTest(column: string, mask: number): SQL {
  return sql`(${sql.raw(column)} & ${sql.raw(String(mask))}::bigint) <> 0`;
}

/** The alias of the row holding the text vectors (`t`, joined when searching around a place). */
const TEXT = sql.raw('t');

/** A text match in the ranked document or in the reviews' words. */
function textMatch(query: SQL): SQL {
  return sql`(${TEXT}.document @@ ${query} or ${TEXT}.review_document @@ ${query})`;
}

function criteria(understanding: Understanding): Criterion[] {
  const { analyzed, prefixLast, asTyped } = understanding;
  const list: Criterion[] = [];
  for (const m of analyzed.matches) {
    // Taxonomy phrases are answered from the bits alone (no text to read per row): the
    // therapist's own modalities and conditions first, relatives (shiatsu for acupressure) after.
    const [column, bits] =
      m.kind === 'modality'
        ? ['d.modality_mask', MODALITY_BITS]
        : ['d.condition_mask', CONDITION_BITS];
    const direct = maskTest(column, toMask(bits, m.slugs));
    const related = m.related.length > 0 ? maskTest(column, toMask(bits, m.related)) : null;
    list.push(
      related
        ? {
            match: sql`(${direct} or ${related})`,
            rank: sql`(case when ${direct} then 1.0 else 0.45 end)`,
          }
        : { match: direct, rank: sql`1.0` },
    );
  }
  const words = tsquery(analyzed.words, '&', prefixLast, asTyped);
  if (words) {
    list.push({
      match: textMatch(words),
      // Words found only in reviews rank after those in the therapist's own text.
      rank: sql`(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', ${TEXT}.document, ${words}, 1) * 4)`,
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
    modality: q.modality.length
      ? maskTest('d.modality_mask', toMask(MODALITY_BITS, q.modality))
      : null,
    condition: q.condition.length
      ? maskTest('d.condition_mask', toMask(CONDITION_BITS, q.condition))
      : null,
    intent: q.intent.length ? maskTest('d.intent_mask', toMask(INTENT_BITS, q.intent)) : null,
    other,
  };
}

function all(parts: readonly (SQL | null)[]): SQL {
  const present = parts.filter((p): p is SQL => p !== null);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

/** Order of the candidates (columns of the `base` set). */
function orderBy(q: EngineQuery): SQL {
  switch (q.sort) {
    case 'rating':
      return sql`damped_rating desc, review_count desc, therapist_id`;
    case 'relief':
      return sql`lasting_relief_score desc, damped_rating desc, therapist_id`;
    case 'reviews':
      return sql`review_count desc, damped_rating desc, therapist_id`;
    case 'distance':
      return q.place ? sql`distance_km, therapist_id` : sql`score desc, therapist_id`;
    case 'relevance':
      return sql`score desc, therapist_id`;
  }
}

/** One count per taxonomy value, each with every filter but its own facet's. */
function facetCounts(column: string, bits: readonly string[], others: string): SQL {
  return sql.raw(
    `json_build_array(${bits
      .map((_, i) => `count(*) filter (where ${others} and (${column} & ${2 ** i}::bigint) <> 0)`)
      .join(', ')})`,
  );
}

interface HitRow {
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
}

interface SearchRow extends Record<string, unknown> {
  hits: HitRow[] | null;
  total: number;
  modality: number[];
  condition: number[];
  intent: number[];
}

function toFacets(row: SearchRow, q: EngineQuery): SearchFacets {
  const distribution = (bits: readonly string[], counts: readonly number[]) =>
    Object.fromEntries(bits.map((value, i) => [value, Number(counts[i] ?? 0)]));
  return {
    modality: toFacetCounts('modality', distribution(MODALITY_BITS, row.modality), q.modality),
    condition: toFacetCounts('condition', distribution(CONDITION_BITS, row.condition), q.condition),
    intent: toFacetCounts('intent', distribution(INTENT_BITS, row.intent), q.intent),
  };
}

/**
 * The whole search in one statement: the candidates are gathered once, then the page of hits,
 * the total and the facet counts are all taken from them.
 */
function searchStatement(
  q: EngineQuery,
  crit: Criterion[],
  relaxed: boolean,
  needsText: boolean,
): SQL {
  const f = filters(q);
  // Around a place, candidates come from the narrow location rows (nearest location of each
  // therapist), which carry every filter and ranking column; the text vectors are joined only
  // when the query has words.
  const around = q.place && q.radiusKm ? { place: q.place, radiusKm: q.radiusKm } : null;
  const near = around
    ? sql`near as (
          select distinct on (therapist_id) *
          from (select l.*, ${distanceKmSql(sql.raw('l.latitude'), sql.raw('l.longitude'), around.place)} as distance_km
                from search_document_locations l
                where ${withinBoxSql(sql.raw('l.latitude'), sql.raw('l.longitude'), around.place, around.radiusKm)}) x
          where distance_km <= ${around.radiusKm}::float8
          order by therapist_id, distance_km
        ),`
    : sql``;
  const from = around
    ? needsText
      ? sql`near d join search_documents t on t.therapist_id = d.therapist_id`
      : sql`near d`
    : sql`search_documents d cross join lateral (select d.document, d.review_document) t`;
  const matched = crit.length
    ? sql.join(
        crit.map((c) => sql`(${c.match})`),
        relaxed ? sql` or ` : sql` and `,
      )
    : sql`true`;
  const matchedCount = crit.length
    ? sql.join(
        crit.map((c) => sql`(case when ${c.match} then 1 else 0 end)`),
        sql` + `,
      )
    : sql`0`;
  const distanceRank = around ? sql`(0.6 / (1 + d.distance_km / 8))` : sql`0`;
  const score = sql`(${
    crit.length
      ? sql.join(
          crit.map((c) => c.rank),
          sql` + `,
        )
      : sql`0`
  }
    + d.quality + ${distanceRank} + ${relaxed ? sql`(${matchedCount}) * 10` : sql`0`})`;

  return sql`with ${near} base as materialized (
      select d.therapist_id, d.damped_rating, d.lasting_relief_score, d.review_count,
        d.modality_mask, d.condition_mask, d.intent_mask,
        ${around ? sql`d.distance_km, d.city as nearest_city, d.region as nearest_region` : sql`null::float8 as distance_km, null::text as nearest_city, null::text as nearest_region`},
        ${score} as score,
        ${f.modality ?? sql`true`} as fm, ${f.condition ?? sql`true`} as fc, ${f.intent ?? sql`true`} as fi
      from ${from}
      where ${all([matched, ...f.other])}
    ),
    page as (
      select * from base where fm and fc and fi
      order by ${orderBy(q)}
      limit ${q.pageSize}::int offset ${(q.page - 1) * q.pageSize}::int
    )
    select
      (select json_agg(json_build_object(
          'therapist_id', d.therapist_id, 'slug', d.slug, 'name', d.name, 'credentials', d.credentials,
          'headline', d.headline, 'modality_slugs', d.modality_slugs, 'city', d.city, 'region', d.region,
          'distance_km', p.distance_km, 'nearest_city', p.nearest_city, 'nearest_region', p.nearest_region,
          'rating_average', d.rating_average, 'review_count', d.review_count,
          'followed_up_count', d.followed_up_count, 'lasting_relief_count', d.lasting_relief_count,
          'mobile_service', d.mobile_service, 'top_review', d.top_review) order by p.ord)
        from (select page.*, row_number() over (order by ${orderBy(q)}) as ord from page) p
        join search_documents d on d.therapist_id = p.therapist_id) as hits,
      (select count(*) from base where fm and fc and fi)::int as total,
      (select ${facetCounts('modality_mask', MODALITY_BITS, 'fc and fi')} from base) as modality,
      (select ${facetCounts('condition_mask', CONDITION_BITS, 'fm and fi')} from base) as condition,
      (select ${facetCounts('intent_mask', INTENT_BITS, 'fm and fc')} from base) as intent`;
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
    || setweight(to_tsvector(${TS_CONFIG}, unknot_fold(${`${d.headline} ${d.bio} ${d.city}`})), 'C')`;
}

/** Rating, review volume and lasting relief as one figure (about 0 to 1.2) for relevance. */
export function qualityScore(
  d: Pick<SearchDocument, 'dampedRating' | 'reviewCount' | 'lastingReliefScore'>,
): number {
  return (
    (d.dampedRating / 5) * 0.6 +
    Math.min(Math.log(1 + d.reviewCount) / Math.log(100), 1) * 0.2 +
    d.lastingReliefScore * 0.4
  );
}

function synonymsOf(d: SearchDocument): string[] {
  const modalities = new Set(d.modalities);
  const conditions = new Set(d.conditions);
  return [
    ...MODALITIES.filter((m) => modalities.has(m.slug)).flatMap((m) => m.synonyms),
    ...CONDITIONS.filter((c) => conditions.has(c.slug)).flatMap((c) => c.synonyms),
  ];
}

/** The filter and ranking columns, the same on a document and on each of its locations. */
function rankingValues(d: SearchDocument) {
  return {
    languages: d.languages,
    mobileService: d.mobileService,
    pressureMin: d.pressureMin,
    pressureMax: d.pressureMax,
    ratingAverage: d.ratingAverage,
    dampedRating: d.dampedRating,
    reviewCount: d.reviewCount,
    lastingReliefScore: d.lastingReliefScore,
    modalityMask: toMask(MODALITY_BITS, d.modalities),
    conditionMask: toMask(CONDITION_BITS, d.conditions),
    intentMask: toMask(INTENT_BITS, d.intents),
    quality: qualityScore(d),
  };
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
        city: d.city,
        region: d.region,
        postalCodes: d.postalCodes,
        followedUpCount: d.followedUpCount,
        lastingReliefCount: d.lastingReliefCount,
        topReview: d.topReview,
        reviewText: d.reviewText,
        document: documentVector(d),
        reviewDocument: sql`to_tsvector(${TS_CONFIG}, unknot_fold(${d.reviewText}))`,
        ...rankingValues(d),
        indexedAt: new Date(),
      })),
    )
    .onConflictDoUpdate({
      target: searchDocuments.therapistId,
      // Every column but the key, from the table itself, so that none can be left stale.
      set: Object.fromEntries(
        Object.entries(getTableColumns(searchDocuments))
          .filter(([key]) => key !== 'therapistId')
          .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
      ),
    });
  await executor
    .delete(searchDocumentLocations)
    .where(inArray(searchDocumentLocations.therapistId, ids));
  const locations = documents.flatMap((d) => {
    const ranking = rankingValues(d);
    return d.locations.map((l) => ({ therapistId: d.id, ...l, ...ranking }));
  });
  if (locations.length) await executor.insert(searchDocumentLocations).values(locations);
  const words = vocabulary(documents);
  for (let i = 0; i < words.length; i += 2000) {
    await executor
      .insert(searchTerms)
      .values(words.slice(i, i + 2000).map((term) => ({ term })))
      .onConflictDoNothing();
  }
}

async function removeDocuments(executor: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await executor.delete(searchDocuments).where(inArray(searchDocuments.therapistId, [...ids]));
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

      const run = async (relaxed: boolean) => {
        const [row] = await selectRows<SearchRow>(
          db,
          searchStatement(q, crit, relaxed, understanding.analyzed.words.length > 0),
        );
        return row!;
      };
      let relaxed = false;
      let row = await run(false);
      if (row.total === 0 && crit.length > 1) {
        relaxed = true;
        row = await run(true);
      }

      const terms = [
        ...understanding.analyzed.words,
        ...understanding.analyzed.matches.flatMap((m) => m.phrase.split(' ')),
      ];
      const hits: SearchHit[] = (row.hits ?? []).map((r) => ({
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
        total: Number(row.total),
        facets: toFacets(row, q),
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
      const db = executor();
      await atomically(db, async (tx) => {
        await tx.execute(sql`delete from search_documents`);
        await tx.execute(sql`delete from search_terms`);
        let indexed = 0;
        for await (const batch of source(tx)) {
          await writeDocuments(tx, batch);
          indexed += batch.length;
          onProgress?.(indexed);
        }
      });
      // The old rows are dead now: make their space reusable so the index does not grow with
      // every rebuild (outside the transaction, as VACUUM must be).
      await db.execute(
        sql`vacuum (analyze) search_documents, search_document_locations, search_terms`,
      );
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
