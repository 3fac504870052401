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

/** One opening: day 0 = Monday ... 6 = Sunday, times "HH:MM" (24 h). */
export interface OpeningHoursEntry {
  day: number;
  opens: string;
  closes: string;
}

export interface PriceEntry {
  service: string;
  minutes: number;
  /** Whole US dollars. */
  dollars: number;
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
  /** A practitioner holds the listing (who does is never exposed). */
  claimed: boolean;
  /** What they do not treat, in their words; empty when not given. */
  notTreated: string;
  /** Whom they refer people to, in their words; empty when not given. */
  referrals: string;
  /** Opening hours by day and time; empty when not given (then no day reads "Closed"). */
  hours: OpeningHoursEntry[];
  /** Services with their length and price, in the practitioner's order. */
  prices: PriceEntry[];
  modalities: ModalityTag[];
  conditions: TaxonomyTag[];
  /** Current locations first, then earlier ones, newest first. */
  locations: PracticeLocation[];
  rating: RatingSummary;
  /** Share of outcome reporters improved by 2+ points; null under 5 reports. */
  improved: OutcomeFigure | null;
  lastingRelief: OutcomeFigure | null;
  /** Median pain at each stage, from published outcome reports; null under 5 reports. */
  reliefCurve: ReliefCurve | null;
  /** Outcomes per condition (public conditions only) with 5 reports or more, most reports first. */
  conditionOutcomes: ConditionOutcome[];
}

/** Where on a reviewer's way a pain score was taken. */
export type ReliefStage = 'before' | 'review' | 'week2' | 'week6' | 'week12';

export interface ReliefPoint {
  stage: ReliefStage;
  /** Weeks after the review for follow-ups, null for "before" and "at review". */
  weeksAfter: number | null;
  /** Pain scores behind this point. */
  n: number;
  /** Median pain (0-10) of those scores; null while they are fewer than 5. */
  median: number | null;
}

/**
 * Median self-reported pain of a therapist's published outcome reports (reviews that gave pain
 * before and now): before the first session, when writing the review, and at each follow-up
 * answered. Each point has its own number of reports.
 */
export interface ReliefCurve {
  /** Outcome reports behind the "before" and "at review" points. */
  reports: number;
  points: ReliefPoint[];
}

/** "7 of 9 reviewers with lower back pain improved by 2+ points; 5 of 6 still better at 6 weeks". */
export interface ConditionOutcome {
  condition: TaxonomyTag;
  /** Improved by 2+ points, over the reviewers with this condition who reported pain. */
  improved: OutcomeFigure;
  /** Still better at the 6-week follow-up, over those followed up; null under 5 answers. */
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
  /** "Helpful" votes, and what the viewer may do about them. */
  helpful: HelpfulState;
  /** The review answered the practitioner's invitation (shown as "Invited by the practitioner"). */
  invited: boolean;
  /** The listing owner's published reply, if there is one. */
  reply: PublicReply | null;
}

/** The listing owner's one public reply under a review. */
export interface PublicReply {
  /** The listing's name: "Reply from …". */
  from: string;
  body: string;
  /** ISO timestamps: first written, and last edited. */
  createdAt: string;
  updatedAt: string;
  edited: boolean;
}

/** A review's helpful votes as one viewer sees them. */
export interface HelpfulState {
  count: number;
  /** The viewer voted this review helpful. */
  voted: boolean;
  /** Who is looking: signed out, the review's author, or another member who may vote. */
  viewer: 'signed_out' | 'author' | 'member';
}

/** A review moderators marked "not recommended", shown apart with the content reason. */
export interface NotRecommendedReview extends Omit<
  PublicReview,
  'helpful' | 'publishedAt' | 'reply'
> {
  /** ISO timestamp of when it was written (it was never published). */
  writtenAt: string;
  /** Why it is not recommended, in words about its content. */
  reason: string;
  /** The title and text are withheld (empty) because they hold someone's personal details. */
  textWithheld: boolean;
}

/** The viewer's own review of a therapist, for "Edit your review". */
export interface OwnReviewSummary {
  id: number;
  status: 'pending' | 'published' | 'not_recommended' | 'removed';
}

/** A condition that reviewers chose to show, with how many published reviews name it. */
export interface ReviewConditionOption extends TaxonomyTag {
  count: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
