/**
 * The Meilisearch index settings, as code: applied before the engine's first write in each
 * process and to every fresh index a reindex builds.
 */
import type { Settings } from 'meilisearch';
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { synonymMap } from './analyze';
import { MAX_PAGE, MAX_PAGE_SIZE } from './query';

/** Most important first: the attribute ranking rule follows this order. */
export const SEARCHABLE_ATTRIBUTES = [
  'name',
  'modalityNames',
  'conditionNames',
  'headline',
  'bio',
  'city',
  'postalCodes',
  'reviewText',
] as const;

export const FILTERABLE_ATTRIBUTES = [
  '_geo',
  'modalities',
  'conditions',
  'intents',
  'languages',
  'mobileService',
  'pressureMin',
  'pressureMax',
  'ratingAverage',
] as const;

export const SORTABLE_ATTRIBUTES = [
  '_geo',
  'dampedRating',
  'lastingReliefScore',
  'reviewCount',
] as const;

/**
 * Meilisearch's default order with `sort` where it belongs, then the damped rating so that,
 * among equally relevant therapists, the better reviewed come first.
 */
export const RANKING_RULES = [
  'words',
  // Right after words, as in the Postgres engine: among listings that match the words, a chosen
  // sort (best rated, lasting relief, distance) decides the order.
  'sort',
  'typo',
  'proximity',
  'attribute',
  'exactness',
  'dampedRating:desc',
] as const;

/** What a search result card needs; the long texts (bio, review text) stay in the index. */
export const DISPLAYED_ATTRIBUTES = [
  'id',
  'slug',
  'name',
  'credentials',
  'headline',
  'modalities',
  'city',
  'region',
  '_geo',
  'ratingAverage',
  'dampedRating',
  'reviewCount',
  'followedUpCount',
  'lastingReliefCount',
  'lastingReliefScore',
  'mobileService',
  'topReview',
] as const;

/** The full settings object sent with `PATCH /indexes/{uid}/settings`. */
export function meilisearchSettings(): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    displayedAttributes: [...DISPLAYED_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    synonyms: synonymMap(),
    typoTolerance: {
      enabled: true,
      // A postal code one digit off is another place, not a typo.
      disableOnAttributes: ['postalCodes'],
      disableOnNumbers: true,
    },
    faceting: {
      // Every taxonomy value fits, with room for values the taxonomy no longer has.
      maxValuesPerFacet: Math.max(
        100,
        2 * Math.max(MODALITIES.length, CONDITIONS.length, INTENTS.length),
      ),
      sortFacetValuesBy: { '*': 'count' },
    },
    // Enough for the deepest page the search API allows.
    pagination: { maxTotalHits: MAX_PAGE * MAX_PAGE_SIZE },
  };
}
