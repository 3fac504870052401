import type { TherapistStatus } from '@/db/schema';

/** A month's figures, from the reviews published in that UTC month. */
export interface InsightsMonth {
  /** "2025-06". */
  month: string;
  /** Reviews published that month (only reviews still published count). */
  reviews: number;
  /** Average stars of that month's reviews; null when there were none. */
  ratingAverage: number | null;
  /** Reviews published up to the end of the month, from the very first one. */
  reviewsToDate: number;
  /** Average stars of all reviews published up to the end of the month; null before the first. */
  averageToDate: number | null;
  /** That month's reviews with a pain score before and at review. */
  outcomeReports: number;
  /** Of those, how many reported pain at least 2 points lower. */
  improved: number;
  /** improved / outcomeReports, or null when there are too few reports to show. */
  improvedShare: number | null;
  /** That month's reviews with a pain score before whose reviewer answered the 6-week follow-up. */
  followedUp: number;
  /** Of those, how many were still at least 2 points below their pain before. */
  lasting: number;
  /** lasting / followedUp, or null when there are too few answers to show. */
  lastingShare: number | null;
}

export interface InsightsWeek {
  /** First and last UTC day of the week, inclusive. */
  start: string;
  end: string;
  searchAppearances: number;
  profileViews: number;
}

export interface VisitTotals {
  searchAppearances: number;
  profileViews: number;
}

export interface ListingInsights {
  listing: { therapistId: number; name: string; slug: string; status: TherapistStatus };
  /** The UTC day the figures run to. */
  asOf: string;
  /** The last 12 UTC months, oldest first; months without reviews are there with zeros. */
  months: InsightsMonth[];
  /** The last 12 seven-day weeks, oldest first, ending today. */
  weeks: InsightsWeek[];
  /** Totals of those 12 weeks, and of the 12 weeks before them. */
  totals: { current: VisitTotals; previous: VisitTotals };
  /** A month's outcome share is shown from this many reports (or follow-up answers) up. */
  minMonthlyReports: number;
  /** Outcome thresholds, for the explanations next to the charts. */
  painDrop: number;
  lastingWeeks: number;
}
