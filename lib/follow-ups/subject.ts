import 'server-only';
import { sql } from 'drizzle-orm';
import { selectRows, type Executor } from '@/db';

/** A review as a follow-up needs it: who to ask, about whom, and what was already answered. */
export interface FollowUpSubject {
  reviewId: number;
  therapistId: number;
  status: 'pending' | 'published' | 'not_recommended' | 'removed';
  authorId: string | null;
  authorEmail: string | null;
  authorName: string | null;
  authorBanned: boolean;
  therapistName: string;
  /** Null when the therapist's page is not public. */
  therapistSlug: string | null;
  painBefore: number | null;
  painAfterVisits: number | null;
  answer: { painNow: number; answeredAt: Date } | null;
}

export type ClosedReason =
  'review deleted' | 'review removed' | 'review anonymised' | 'author banned';

/**
 * Loads the review behind a follow-up; `lock` holds the review row until the caller's
 * transaction ends (answers to the same review then happen one after the other).
 */
export async function loadFollowUpSubject(
  executor: Executor,
  reviewId: number,
  weeks: number,
  options: { lock?: boolean } = {},
): Promise<FollowUpSubject | null> {
  const [row] = await selectRows<{
    review_id: number;
    therapist_id: number;
    status: FollowUpSubject['status'];
    author_id: string | null;
    email: string | null;
    display_name: string | null;
    banned: boolean | null;
    therapist_name: string;
    therapist_slug: string;
    therapist_public: boolean;
    pain_before: number | null;
    pain_now: number | null;
    answer_pain: number | null;
    answered_at: string | Date | null;
  }>(
    executor,
    sql`select r.id as review_id, r.therapist_id, r.status, r.author_id,
          u.email, u.display_name, u.banned_at is not null as banned,
          t.name as therapist_name, t.slug as therapist_slug,
          t.status = 'published' as therapist_public,
          r.pain_before, r.pain_now, f.pain_now as answer_pain, f.answered_at
        from reviews r
        join therapists t on t.id = r.therapist_id
        left join users u on u.id = r.author_id
        left join review_follow_ups f on f.review_id = r.id and f.weeks_after = ${weeks}::int
        where r.id = ${reviewId}::int
        ${options.lock ? sql`for update of r` : sql``}`,
  );
  if (!row) return null;
  return {
    reviewId: Number(row.review_id),
    therapistId: Number(row.therapist_id),
    status: row.status,
    authorId: row.author_id,
    authorEmail: row.email,
    authorName: row.display_name,
    authorBanned: row.banned === true,
    therapistName: row.therapist_name,
    therapistSlug: row.therapist_public ? row.therapist_slug : null,
    painBefore: row.pain_before,
    painAfterVisits: row.pain_now,
    answer:
      row.answer_pain === null || row.answered_at === null
        ? null
        : { painNow: row.answer_pain, answeredAt: new Date(row.answered_at) },
  };
}

/** Why nobody may be asked (or answer) about this review any more, if so. */
export function closedReason(subject: FollowUpSubject | null): ClosedReason | null {
  if (!subject) return 'review deleted';
  if (subject.status === 'removed') return 'review removed';
  if (!subject.authorId) return 'review anonymised';
  if (subject.authorBanned) return 'author banned';
  return null;
}
