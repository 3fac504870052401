/**
 * Per-therapist review aggregates (`therapist_stats`), recomputed from the reviews themselves so
 * they can never drift. Call inside the transaction that changed the reviews.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './index';

/** A change of 2 points on the 0-10 pain scale is the smallest that people feel as real. */
export const MEANINGFUL_PAIN_DROP = 2;
/** Outcome figures are shown only from this many reports up. */
export const MIN_OUTCOME_REPORTS = 5;
/** "Still better?" follow-ups go out about this many weeks after a review. */
export const FOLLOW_UP_WEEKS = [2, 6, 12] as const;
export type FollowUpWeeks = (typeof FOLLOW_UP_WEEKS)[number];
/** The follow-up that decides whether relief lasted. */
export const LASTING_RELIEF_WEEKS = 6;
/**
 * Damped rating: the mean of a therapist's stars mixed with `PRIOR_WEIGHT` imaginary reviews at
 * `PRIOR_MEAN`, so that one 5-star review does not outrank forty reviews averaging 4.8.
 */
export const PRIOR_MEAN = 4.0;
export const PRIOR_WEIGHT = 5;

/**
 * Recomputes the aggregates of the given therapists, or of every therapist when `therapistIds`
 * is omitted. Therapists without reviews get a zero row.
 */
export async function recomputeTherapistStats(
  executor: Executor,
  therapistIds?: readonly number[],
): Promise<void> {
  if (therapistIds && therapistIds.length === 0) return;
  const scope = therapistIds
    ? sql`t.id in (${sql.join(
        therapistIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`true`;
  await executor.execute(sql`
    insert into therapist_stats as s (
      therapist_id, review_count, rating_sum, rating_average, damped_rating, star_counts,
      outcome_reports, improved_count, followed_up_count, lasting_relief_count,
      condition_outcomes, pending_count, not_recommended_count, updated_at
    )
    select
      t.id,
      coalesce(r.review_count, 0),
      coalesce(r.rating_sum, 0),
      case when coalesce(r.review_count, 0) > 0 then r.rating_sum::float8 / r.review_count end,
      (${PRIOR_MEAN}::float8 * ${PRIOR_WEIGHT} + coalesce(r.rating_sum, 0))
        / (${PRIOR_WEIGHT} + coalesce(r.review_count, 0)),
      array[coalesce(r.s1, 0), coalesce(r.s2, 0), coalesce(r.s3, 0), coalesce(r.s4, 0), coalesce(r.s5, 0)],
      coalesce(r.outcome_reports, 0),
      coalesce(r.improved_count, 0),
      coalesce(f.followed_up, 0),
      coalesce(f.lasting, 0),
      coalesce(co.outcomes, '{}'::jsonb),
      coalesce(r.pending_count, 0),
      coalesce(r.not_recommended_count, 0),
      now()
    from therapists t
    left join lateral (
      select
        count(*) filter (where status = 'published')::int as review_count,
        coalesce(sum(rating) filter (where status = 'published'), 0)::int as rating_sum,
        count(*) filter (where status = 'published' and rating = 1)::int as s1,
        count(*) filter (where status = 'published' and rating = 2)::int as s2,
        count(*) filter (where status = 'published' and rating = 3)::int as s3,
        count(*) filter (where status = 'published' and rating = 4)::int as s4,
        count(*) filter (where status = 'published' and rating = 5)::int as s5,
        count(*) filter (where status = 'published' and pain_before is not null and pain_now is not null)::int
          as outcome_reports,
        count(*) filter (
          where status = 'published' and pain_before - pain_now >= ${MEANINGFUL_PAIN_DROP}
        )::int as improved_count,
        count(*) filter (where status = 'pending')::int as pending_count,
        count(*) filter (where status = 'not_recommended')::int as not_recommended_count
      from reviews where therapist_id = t.id
    ) r on true
    left join lateral (
      select
        count(*)::int as followed_up,
        count(*) filter (where rv.pain_before - fu.pain_now >= ${MEANINGFUL_PAIN_DROP})::int as lasting
      from reviews rv
      join review_follow_ups fu on fu.review_id = rv.id and fu.weeks_after = ${LASTING_RELIEF_WEEKS}
      where rv.therapist_id = t.id and rv.status = 'published' and rv.pain_before is not null
    ) f on true
    left join lateral (
      -- Per condition, only from reviewers who agreed to show their condition.
      select jsonb_object_agg(c.condition_id::text, jsonb_build_object(
        'reports', c.reports, 'improved', c.improved,
        'followedUp', c.followed_up, 'lasting', c.lasting)) as outcomes
      from (
        select
          rv.condition_id,
          count(*) filter (where rv.pain_before is not null and rv.pain_now is not null)::int as reports,
          count(*) filter (where rv.pain_before - rv.pain_now >= ${MEANINGFUL_PAIN_DROP})::int as improved,
          count(fu.review_id)::int as followed_up,
          count(*) filter (where rv.pain_before - fu.pain_now >= ${MEANINGFUL_PAIN_DROP})::int as lasting
        from reviews rv
        left join review_follow_ups fu
          on fu.review_id = rv.id and fu.weeks_after = ${LASTING_RELIEF_WEEKS}
          and rv.pain_before is not null
        where rv.therapist_id = t.id and rv.status = 'published'
          and rv.condition_id is not null and rv.condition_public
        group by rv.condition_id
      ) c
    ) co on true
    where ${scope}
    on conflict (therapist_id) do update set
      review_count = excluded.review_count,
      rating_sum = excluded.rating_sum,
      rating_average = excluded.rating_average,
      damped_rating = excluded.damped_rating,
      star_counts = excluded.star_counts,
      outcome_reports = excluded.outcome_reports,
      improved_count = excluded.improved_count,
      followed_up_count = excluded.followed_up_count,
      lasting_relief_count = excluded.lasting_relief_count,
      condition_outcomes = excluded.condition_outcomes,
      pending_count = excluded.pending_count,
      not_recommended_count = excluded.not_recommended_count,
      updated_at = excluded.updated_at
  `);
}
