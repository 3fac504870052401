/**
 * The one search interface, with the documents both engines index and the results they give.
 */
import type { Executor } from '@/db';
import type { Intent } from '@/db/schema/enums';
import type { TopReviewSnippet } from '@/db/schema/search';
import type { LatLng } from '@/lib/geo';
import type { OutcomeFigure, TaxonomyTag } from '@/lib/therapists/types';
import type { ResolvedPlace } from './places';
import type { SearchQuery, SortOrder } from './query';

export type { TopReviewSnippet };
export type EngineName = 'postgres' | 'meilisearch';

/** What both engines index for one published therapist. */
export interface SearchDocument {
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
  intents: Intent[];
  languages: string[];
  mobileService: boolean;
  pressureMin: number;
  pressureMax: number;
  /** The first current location's city and region. */
  city: string;
  region: string;
  postalCodes: string[];
  /** Current practice locations. */
  locations: (LatLng & { city: string; region: string })[];
  ratingAverage: number | null;
  dampedRating: number;
  reviewCount: number;
  followedUpCount: number;
  lastingReliefCount: number;
  lastingReliefScore: number;
  topReview: TopReviewSnippet | null;
  /** Text of the most helpful published reviews, for matching words. */
  reviewText: string;
}

/** A piece of displayed text; `match` pieces are what the search matched. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  highlight: { name: HighlightSegment[]; headline: HighlightSegment[] };
  modalities: TaxonomyTag[];
  city: string;
  region: string;
  distanceKm: number | null;
  ratingAverage: number | null;
  reviewCount: number;
  lastingRelief: OutcomeFigure | null;
  mobileService: boolean;
  topReview: TopReviewSnippet | null;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface SearchFacets {
  modality: FacetCount[];
  condition: FacetCount[];
  intent: FacetCount[];
}

/** A query after place resolution: what an engine is asked. */
export interface EngineQuery {
  /** Free text without the place words. */
  text: string;
  modality: string[];
  condition: string[];
  intent: Intent[];
  place: ResolvedPlace | null;
  /** Only with a place. */
  radiusKm: number | null;
  minRating: number | null;
  pressureMin: number | null;
  pressureMax: number | null;
  mobile: boolean | null;
  language: string | null;
  sort: SortOrder;
  page: number;
  pageSize: number;
}

export interface EngineResult {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets;
  /** The query text as the engine understood it after correcting spelling, when it did. */
  correctedText: string | null;
  /** True when no result had every word and the engine relaxed to some of them. */
  relaxed: boolean;
}

export interface SearchResult extends EngineResult {
  query: SearchQuery;
  place: ResolvedPlace | null;
  radiusKm: number | null;
  sort: SortOrder;
  page: number;
  pageSize: number;
  pageCount: number;
  engine: EngineName;
  /** The configured engine failed and the Postgres engine answered instead. */
  fallback: boolean;
  elapsedMs: number;
}

export interface EngineHealth {
  ok: boolean;
  detail: string;
  documents: number | null;
}

/** Reads every document to index, in batches, through the given database or transaction. */
export type DocumentSource = (executor: Executor) => AsyncIterable<SearchDocument[]>;

export interface SearchEngine {
  readonly name: EngineName;
  search(query: EngineQuery, signal?: AbortSignal): Promise<EngineResult>;
  /** Adds or replaces documents; resolves once the engine has applied them. */
  upsert(documents: SearchDocument[]): Promise<void>;
  /** Removes documents by therapist id; resolves once applied. */
  remove(ids: number[]): Promise<void>;
  /**
   * Builds a fresh index from the documents `source` reads (through the executor it is given)
   * and swaps it in at once; searches keep being answered from the old index until the swap.
   */
  reindex(source: DocumentSource, onProgress?: (indexed: number) => void): Promise<void>;
  health(): Promise<EngineHealth>;
}
