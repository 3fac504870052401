/**
 * schema.org data for a therapist's profile: the practice (a HealthAndBeautyBusiness, a kind of
 * LocalBusiness; schema.org has no massage therapist type, so `additionalType` names massage),
 * its star rating and a few of its reviews. Pure: the page renders the result in a
 * `<script type="application/ld+json">`, through `serializeJsonLd`.
 */
import type { PracticeLocation, PublicReview, TherapistProfile } from '@/lib/therapists/types';

/** Reviews written into the data at most. */
export const JSON_LD_MAX_REVIEWS = 5;

export interface TherapistJsonLdInput {
  /** The profile's absolute address. */
  url: string;
  profile: Pick<TherapistProfile, 'name' | 'headline' | 'phone' | 'locations' | 'rating'>;
  /** Published reviews as the page shows them (the first few are used). */
  reviews: readonly Pick<
    PublicReview,
    'authorName' | 'publishedAt' | 'rating' | 'title' | 'body'
  >[];
}

type JsonLd = Record<string, unknown>;

function postalAddress(location: PracticeLocation): JsonLd {
  return {
    '@type': 'PostalAddress',
    streetAddress: location.address,
    addressLocality: location.city,
    addressRegion: location.region,
    postalCode: location.postalCode,
    addressCountry: location.country,
  };
}

/** The average as schema.org wants it: a number, to two decimals. */
function ratingValue(average: number): number {
  return Math.round(average * 100) / 100;
}

/** The JSON-LD object of a profile. */
export function toTherapistJsonLd({ url, profile, reviews }: TherapistJsonLdInput): JsonLd {
  const addresses = profile.locations.filter((l) => l.current).map(postalAddress);
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'HealthAndBeautyBusiness',
    additionalType: 'https://en.wikipedia.org/wiki/Massage',
    '@id': url,
    name: profile.name,
    url,
  };
  if (profile.headline) data.description = profile.headline;
  if (profile.phone) data.telephone = profile.phone;
  if (addresses.length === 1) data.address = addresses[0];
  else if (addresses.length > 1) data.address = addresses;

  const { reviewCount, average } = profile.rating;
  if (reviewCount > 0 && average !== null) {
    data.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: ratingValue(average),
      reviewCount,
      bestRating: 5,
      worstRating: 1,
    };
    const items = reviews.slice(0, JSON_LD_MAX_REVIEWS).map((review): JsonLd => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: review.authorName },
      datePublished: review.publishedAt.slice(0, 10),
      ...(review.title ? { name: review.title } : {}),
      reviewBody: review.body,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: review.rating,
        bestRating: 5,
        worstRating: 1,
      },
    }));
    if (items.length > 0) data.review = items;
  }
  return data;
}

/**
 * JSON for inside a `<script>` element: `<` (so no `</script>` or `<!--` in a review can end or
 * bend the element), `>` and `&` become `\u` escapes, and so do the line and paragraph
 * separators. The result parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
