/**
 * A small, hand-made directory whose search answers are known in advance: who practises what,
 * where, with which ratings and outcomes.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
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
import type { Intent } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';

interface FixtureLocation {
  city: string;
  region: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

export const PLACES = {
  denver: {
    city: 'Denver',
    region: 'CO',
    postalCode: '80202',
    latitude: 39.7525,
    longitude: -104.9995,
  },
  denverSouth: {
    city: 'Englewood',
    region: 'CO',
    postalCode: '80110',
    latitude: 39.6478,
    longitude: -104.9878,
  },
  boulder: {
    city: 'Boulder',
    region: 'CO',
    postalCode: '80302',
    latitude: 40.0176,
    longitude: -105.2797,
  },
  chelsea: {
    city: 'New York',
    region: 'NY',
    postalCode: '10001',
    latitude: 40.7484,
    longitude: -73.9967,
  },
  brooklyn: {
    city: 'Brooklyn',
    region: 'NY',
    postalCode: '11201',
    latitude: 40.6945,
    longitude: -73.9906,
  },
  chicago: {
    city: 'Chicago',
    region: 'IL',
    postalCode: '60601',
    latitude: 41.8858,
    longitude: -87.6181,
  },
} satisfies Record<string, FixtureLocation>;

interface FixtureReview {
  rating: number;
  body: string;
  painBefore?: number;
  painNow?: number;
  /** Pain at the 6-week follow-up. */
  sixWeeks?: number;
}

export interface FixtureTherapist {
  key: string;
  name: string;
  headline: string;
  bio?: string;
  modalities: string[];
  conditions: string[];
  intents: Intent[];
  pressure: [number, number];
  languages?: string[];
  mobile?: boolean;
  hidden?: boolean;
  locations: FixtureLocation[];
  reviews?: FixtureReview[];
}

const lasting = (n: number): FixtureReview[] =>
  Array.from({ length: n }, (_, i) => ({
    rating: 5,
    body: `Three sessions and my back has stayed fine for weeks (${i}).`,
    painBefore: 7,
    painNow: 2,
    sixWeeks: 2,
  }));

const manyGood = (n: number, average: number): FixtureReview[] => {
  const fives = Math.round((average - 4) * n);
  return Array.from({ length: n }, (_, i) => ({
    rating: i < fives ? 5 : 4,
    body: `Solid, careful work every visit (${i}).`,
  }));
};

export const THERAPISTS: FixtureTherapist[] = [
  {
    key: 'deep',
    name: 'Dana Whitfield',
    headline: 'Deep tissue for desk workers with stubborn back pain',
    modalities: ['deep-tissue', 'neuromuscular'],
    conditions: ['lower-back-pain', 'desk-posture-pain'],
    intents: ['therapeutic', 'maintenance'],
    pressure: [3, 5],
    locations: [PLACES.denver],
    reviews: manyGood(40, 4.8),
  },
  {
    key: 'newcomer',
    name: 'Nora Quill',
    headline: 'Relaxing deep tissue sessions',
    modalities: ['deep-tissue'],
    conditions: ['stress-tension'],
    intents: ['relaxation'],
    pressure: [2, 4],
    locations: [PLACES.denverSouth],
    reviews: [{ rating: 5, body: 'Lovely first visit.' }],
  },
  {
    key: 'trigger',
    name: 'Marco Rodriguez',
    headline: 'Trigger point therapy that finds the cause',
    bio: 'I look for the source of your pain, often far from where it hurts.',
    modalities: ['trigger-point', 'myofascial-release'],
    conditions: ['upper-back-pain', 'tight-shoulders', 'tension-headache'],
    intents: ['therapeutic'],
    pressure: [3, 5],
    languages: ['en', 'es'],
    locations: [PLACES.boulder],
    reviews: lasting(6),
  },
  {
    key: 'sciatica',
    name: 'Priya Natarajan',
    headline: 'Clinical massage for sciatica and hip pain',
    modalities: ['medical-massage', 'deep-tissue'],
    conditions: ['sciatica', 'hip-pain', 'lower-back-pain'],
    intents: ['therapeutic', 'rehab'],
    pressure: [2, 4],
    mobile: true,
    locations: [PLACES.chelsea],
    reviews: [
      ...lasting(3),
      { rating: 4, body: 'Good, relief faded.', painBefore: 6, painNow: 3, sixWeeks: 6 },
    ],
  },
  {
    key: 'shiatsu',
    name: 'Kenji Watanabe',
    headline: 'Traditional shiatsu on the mat',
    modalities: ['shiatsu'],
    conditions: ['stress-tension', 'neck-pain'],
    intents: ['relaxation', 'maintenance'],
    pressure: [2, 4],
    languages: ['en', 'ja'],
    locations: [PLACES.brooklyn],
    reviews: manyGood(8, 4.5),
  },
  {
    key: 'acupressure',
    name: 'Lin Zhao',
    headline: 'Firm acupressure for headaches and nausea',
    modalities: ['acupressure-firm', 'tui-na'],
    conditions: ['tension-headache', 'nausea'],
    intents: ['therapeutic'],
    pressure: [3, 5],
    languages: ['en', 'zh'],
    locations: [PLACES.chelsea],
    reviews: manyGood(5, 4.4),
  },
  {
    key: 'lighttouch',
    name: 'Grace Holloway',
    headline: 'Jin Shin Jyutsu, gentle holds',
    modalities: ['acupressure-light-touch', 'craniosacral'],
    conditions: ['stress-tension', 'chronic-pain'],
    intents: ['relaxation'],
    pressure: [1, 2],
    locations: [PLACES.chicago],
  },
  {
    key: 'sports',
    name: 'Tom Becker',
    headline: 'Sports massage and assisted stretching for runners',
    modalities: ['sports-massage', 'assisted-stretching'],
    conditions: ['sports-injury', 'tired-legs', 'limited-range-of-motion'],
    intents: ['sports', 'rehab'],
    pressure: [3, 5],
    mobile: true,
    locations: [PLACES.denver, PLACES.boulder],
    reviews: manyGood(12, 4.2),
  },
  {
    key: 'hidden',
    name: 'Hugo Hidden',
    headline: 'Deep tissue, hidden listing',
    modalities: ['deep-tissue'],
    conditions: ['lower-back-pain'],
    intents: ['therapeutic'],
    pressure: [3, 5],
    hidden: true,
    locations: [PLACES.denver],
    reviews: manyGood(20, 4.9),
  },
  {
    key: 'markup',
    name: '<script>alert(1)</script> Dana Byrne',
    headline: '<b>Swedish</b> relaxation & hot stone',
    modalities: ['swedish', 'hot-stone'],
    conditions: ['stress-tension'],
    intents: ['relaxation'],
    pressure: [1, 3],
    locations: [PLACES.chelsea],
  },
];

export interface SearchFixture {
  /** Therapist id by fixture key. */
  ids: Record<string, number>;
  /** Slug by fixture key. */
  slugs: Record<string, string>;
}

/** Inserts the taxonomy (when absent) and the fixture therapists with their reviews. */
export async function createSearchFixture(db: Database): Promise<SearchFixture> {
  await db
    .insert(modalities)
    .values(
      MODALITIES.map(({ separateProfession, ...m }) => ({
        ...m,
        separateProfession: separateProfession ?? false,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(conditions)
    .values([...CONDITIONS])
    .onConflictDoNothing();
  const modalityIds = new Map(
    (await db.select({ id: modalities.id, slug: modalities.slug }).from(modalities)).map((m) => [
      m.slug,
      m.id,
    ]),
  );
  const conditionIds = new Map(
    (await db.select({ id: conditions.id, slug: conditions.slug }).from(conditions)).map((c) => [
      c.slug,
      c.id,
    ]),
  );

  const ids: Record<string, number> = {};
  const slugs: Record<string, string> = {};
  let reviewer = 0;
  for (const t of THERAPISTS) {
    const slug = `fixture-${t.key}`;
    const [row] = await db
      .insert(therapists)
      .values({
        slug,
        name: t.name,
        credentials: 'LMT',
        headline: t.headline,
        bio: t.bio ?? `${t.headline}. Sessions are tailored to you.`,
        intents: t.intents,
        pressureMin: t.pressure[0],
        pressureMax: t.pressure[1],
        languages: t.languages ?? ['en'],
        mobileService: t.mobile ?? false,
        status: t.hidden ? 'hidden' : 'published',
      })
      .returning({ id: therapists.id });
    const id = row!.id;
    ids[t.key] = id;
    slugs[t.key] = slug;
    await db.insert(practiceLocations).values(
      t.locations.map((l, i) => ({
        therapistId: id,
        name: `${t.name.split(' ').pop()} Bodywork ${i + 1}`,
        address: `${100 + i} Main St`,
        ...l,
        startsOn: '2021-01-01',
      })),
    );
    await db
      .insert(therapistModalities)
      .values(t.modalities.map((m) => ({ therapistId: id, modalityId: modalityIds.get(m)! })));
    await db
      .insert(therapistConditions)
      .values(t.conditions.map((c) => ({ therapistId: id, conditionId: conditionIds.get(c)! })));
    for (const r of t.reviews ?? []) {
      reviewer += 1;
      const [author] = await db
        .insert(users)
        .values({
          email: `fixture-reviewer-${reviewer}@example.net`,
          displayName: `Reviewer ${reviewer}`,
        })
        .returning({ id: users.id });
      const [review] = await db
        .insert(reviews)
        .values({
          authorId: author!.id,
          therapistId: id,
          rating: r.rating,
          title: 'Visit',
          body: r.body,
          painBefore: r.painBefore,
          painNow: r.painNow,
          status: 'published',
          publishedAt: new Date(Date.UTC(2026, 0, 1 + (reviewer % 300))),
        })
        .returning({ id: reviews.id });
      if (r.sixWeeks !== undefined) {
        await db
          .insert(reviewFollowUps)
          .values({ reviewId: review!.id, weeksAfter: 6, painNow: r.sixWeeks });
      }
    }
  }
  await recomputeTherapistStats(db);
  return { ids, slugs };
}

/** Keys of the fixture therapists behind a list of slugs. */
export function keysOf(fixture: SearchFixture, slugList: readonly string[]): string[] {
  const byslug = new Map(Object.entries(fixture.slugs).map(([k, s]) => [s, k]));
  return slugList.map((s) => byslug.get(s) ?? s);
}

export async function setHidden(db: Database, id: number, hidden: boolean): Promise<void> {
  await db
    .update(therapists)
    .set({ status: hidden ? 'hidden' : 'published' })
    .where(eq(therapists.id, id));
}

export async function therapistIdsBySlug(db: Database, slugList: string[]): Promise<number[]> {
  const rows = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(inArray(therapists.slug, slugList));
  return rows.map((r) => r.id);
}
