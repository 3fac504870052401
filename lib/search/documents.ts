import 'server-only';
import { sql } from 'drizzle-orm';
import { selectRows, type Executor } from '@/db';
import { FACET_LABELS } from './facets';
import type { SearchDocument, TopReviewSnippet } from './types';

/** Published reviews whose text is indexed per therapist (most recent first). */
const REVIEWS_INDEXED = 20;
const REVIEW_TEXT_LIMIT = 8_000;
const SNIPPET_LENGTH = 220;

interface DocumentRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  bio: string;
  modalities: string[] | null;
  conditions: string[] | null;
  intents: string[];
  languages: string[];
  mobile_service: boolean;
  pressure_min: number;
  pressure_max: number;
  locations:
    | { latitude: number; longitude: number; city: string; region: string; postal_code: string }[]
    | null;
  rating_average: number | null;
  damped_rating: number | null;
  review_count: number | null;
  followed_up_count: number | null;
  lasting_relief_count: number | null;
  top_review: TopReviewSnippet | null;
  review_text: string | null;
}

const modalityNames = FACET_LABELS.modality;
const conditionNames = FACET_LABELS.condition;

/**
 * Lower bound of the Wilson interval for a share: ranks "lasting relief" so that 9 of 10 beats
 * 1 of 1, and nobody ranks on no evidence.
 */
export function lastingReliefScore(count: number, base: number, z = 1.645): number {
  if (base <= 0) return 0;
  const p = count / base;
  const z2 = z * z;
  return (
    (p + z2 / (2 * base) - z * Math.sqrt((p * (1 - p) + z2 / (4 * base)) / base)) / (1 + z2 / base)
  );
}

function snippet(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= SNIPPET_LENGTH) return clean;
  const cut = clean.slice(0, SNIPPET_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_LENGTH - 40))}…`;
}

function toDocument(row: DocumentRow): SearchDocument | null {
  const locations = (row.locations ?? []).map((l) => ({
    latitude: Number(l.latitude),
    longitude: Number(l.longitude),
    city: l.city,
    region: l.region,
  }));
  const first = locations[0];
  if (!first) return null;
  const modalities = row.modalities ?? [];
  const conditions = row.conditions ?? [];
  const followedUp = row.followed_up_count ?? 0;
  const lasting = row.lasting_relief_count ?? 0;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    credentials: row.credentials,
    headline: row.headline,
    bio: row.bio,
    modalities,
    modalityNames: modalities.map((s) => modalityNames.get(s) ?? s),
    conditions,
    conditionNames: conditions.map((s) => conditionNames.get(s) ?? s),
    intents: row.intents as SearchDocument['intents'],
    languages: row.languages,
    mobileService: row.mobile_service,
    pressureMin: row.pressure_min,
    pressureMax: row.pressure_max,
    city: first.city,
    region: first.region,
    postalCodes: [...new Set((row.locations ?? []).map((l) => l.postal_code))],
    locations,
    ratingAverage: row.rating_average,
    dampedRating: row.damped_rating ?? 0,
    reviewCount: row.review_count ?? 0,
    followedUpCount: followedUp,
    lastingReliefCount: lasting,
    lastingReliefScore: lastingReliefScore(lasting, followedUp),
    topReview: row.top_review ? { ...row.top_review, body: snippet(row.top_review.body) } : null,
    reviewText: (row.review_text ?? '').slice(0, REVIEW_TEXT_LIMIT),
  };
}

/**
 * Builds the search documents of the given therapists from the source tables. Therapists that
 * are missing, hidden or have no current location come back in `absent`: their documents must
 * be removed.
 */
export async function loadSearchDocuments(
  executor: Executor,
  therapistIds: readonly number[],
): Promise<{ documents: SearchDocument[]; absent: number[] }> {
  if (therapistIds.length === 0) return { documents: [], absent: [] };
  const ids = sql.join(
    therapistIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const rows = await selectRows<DocumentRow>(
    executor,
    sql`
    select
      t.id, t.slug, t.name, t.credentials, t.headline, t.bio,
      t.intents::text[] as intents, t.languages, t.mobile_service, t.pressure_min, t.pressure_max,
      (select array_agg(m.slug order by m.id) from therapist_modalities tm
         join modalities m on m.id = tm.modality_id where tm.therapist_id = t.id) as modalities,
      (select array_agg(c.slug order by c.id) from therapist_conditions tc
         join conditions c on c.id = tc.condition_id where tc.therapist_id = t.id) as conditions,
      (select json_agg(json_build_object(
          'latitude', l.latitude, 'longitude', l.longitude, 'city', l.city,
          'region', l.region, 'postal_code', l.postal_code) order by l.starts_on, l.id)
         from practice_locations l where l.therapist_id = t.id and l.ends_on is null) as locations,
      s.rating_average, s.damped_rating, s.review_count, s.followed_up_count, s.lasting_relief_count,
      (select json_build_object('rating', r.rating, 'title', r.title, 'body', r.body,
                                'authorName', coalesce(u.display_name, 'Former member'))
         from reviews r left join users u on u.id = r.author_id
         where r.therapist_id = t.id and r.status = 'published'
         order by (r.rating >= 4 and coalesce(r.pain_before - r.pain_now, 0) >= 2) desc,
                  r.rating desc, r.published_at desc
         limit 1) as top_review,
      (select string_agg(x.title || '. ' || x.body, ' ')
         from (select r.title, r.body from reviews r
               where r.therapist_id = t.id and r.status = 'published'
               order by r.published_at desc limit ${REVIEWS_INDEXED}) x) as review_text
    from therapists t
    left join therapist_stats s on s.therapist_id = t.id
    where t.id in (${ids}) and t.status = 'published'
  `,
  );
  const documents: SearchDocument[] = [];
  for (const row of rows) {
    const document = toDocument(row);
    if (document) documents.push(document);
  }
  const present = new Set(documents.map((d) => d.id));
  return { documents, absent: therapistIds.filter((id) => !present.has(id)) };
}

/** Every published therapist's document, in batches of therapist ids. */
export async function* allSearchDocuments(
  executor: Executor,
  batchSize = 500,
): AsyncGenerator<SearchDocument[]> {
  let after = 0;
  for (;;) {
    const ids = await selectRows<{ id: number }>(
      executor,
      sql`select id from therapists where id > ${after} and status = 'published' order by id limit ${batchSize}`,
    );
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!.id;
    const { documents } = await loadSearchDocuments(
      executor,
      ids.map((r) => r.id),
    );
    yield documents;
  }
}

export async function countSearchableTherapists(executor: Executor): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    executor,
    sql`select count(*)::int as n from therapists where status = 'published'`,
  );
  return row?.n ?? 0;
}
