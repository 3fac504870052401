/**
 * What pages and components receive about therapists and their reviews. Built only by
 * `lib/therapists/queries.ts`; nothing here is a raw row (no emails, no user ids).
 */
import type { Intent, LicenseStatus, ModalityFamily, PressureAdjusted } from '@/db/schema/enums';

export type { Intent };

export interface TaxonomyTag {
  slug: string;
  name: string;
}

export interface ModalityTag extends TaxonomyTag {
  family: ModalityFamily;
}

export interface RatingSummary {
  /** Published reviews. */
  reviewCount: number;
  /** Mean stars of published reviews, null without any. */
  average: number | null;
  /** Published reviews with 1, 2, 3, 4 and 5 stars (index 0 = one star). */
  starCounts: [number, number, number, number, number];
  /** Reviews that gave pain before and now (self-reported). */
  outcomeReports: number;
  /** Of those, how many improved by 2 points or more. */
  improvedCount: number;
  /** Reviewers who answered the follow-up about 6 weeks later. */
  followedUpCount: number;
  /** Of those, how many were still 2+ points better than before their first session. */
  lastingReliefCount: number;
  /** Reviews held for a moderator's look. */
  pendingCount: number;
  /** Reviews shown separately as not recommended. */
  notRecommendedCount: number;
}

/** A share shown only when it rests on enough reports (DOMAIN: from 5 up). */
export interface OutcomeFigure {
  count: number;
  base: number;
}

export interface TherapistCard {
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  modalities: TaxonomyTag[];
  city: string;
  region: string;
  /** Kilometres from the place searched, when there is one. */
  distanceKm: number | null;
  ratingAverage: number | null;
  reviewCount: number;
  /** Still better at the 6-week follow-up, over those followed up; null under 5 reports. */
  lastingRelief: OutcomeFigure | null;
  mobileService: boolean;
}

export interface PracticeLocation {
  name: string;
  address: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: number;
  longitude: number;
  /** ISO date (yyyy-mm-dd). */
  startsOn: string;
  /** ISO date, null while current. */
  endsOn: string | null;
  current: boolean;
}

export interface TherapistProfile {
  id: number;
  slug: string;
  name: string;
  credentials: string;
  headline: string;
  bio: string;
  intents: Intent[];
  pressureMin: number;
  pressureMax: number;
  /** BCP 47 codes ("en", "es"). */
  languages: string[];
  mobileService: boolean;
  phone: string | null;
  website: string | null;
  bookingUrl: string | null;
  license: { state: string; number: string; status: LicenseStatus } | null;
  claimed: boolean;
  modalities: ModalityTag[];
  conditions: TaxonomyTag[];
  /** Current locations first, then earlier ones, newest first. */
  locations: PracticeLocation[];
  rating: RatingSummary;
  /** Share of outcome reporters improved by 2+ points; null under 5 reports. */
  improved: OutcomeFigure | null;
  lastingRelief: OutcomeFigure | null;
}

export interface PublicReview {
  id: number;
  /** The author's pseudonymous public name, or "Former member" once anonymised. */
  authorName: string;
  rating: number;
  title: string;
  body: string;
  /** yyyy-mm, or null. */
  visitMonth: string | null;
  sessionsCount: number | null;
  intent: Intent | null;
  /** Present only when the reviewer agreed to show it. */
  condition: TaxonomyTag | null;
  painBefore: number | null;
  painNow: number | null;
  pressure: { wanted: number; received: number; adjusted: PressureAdjusted | null } | null;
  checklist: {
    assessedBefore: boolean | null;
    explainedCause: boolean | null;
    gaveHomeCare: boolean | null;
    setExpectations: boolean | null;
    referredOut: boolean | null;
  };
  wouldRecommend: boolean | null;
  /** ISO timestamp. */
  publishedAt: string;
  edited: boolean;
  /** "Still better?" answers, in order of weeks. */
  followUps: { weeksAfter: number; painNow: number }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
