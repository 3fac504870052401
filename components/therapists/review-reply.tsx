import { formatDate } from '@/lib/format';
import type { PublicReply } from '@/lib/therapists/types';

/** The listing owner's public reply under a review, shown as text. */
export function ReviewReply({ reply, reviewId }: { reply: PublicReply; reviewId: number }) {
  const headingId = `review-${reviewId}-reply`;
  const written = formatDate(reply.createdAt);
  return (
    <section
      aria-labelledby={headingId}
      className="mt-4 rounded-xl border-l-4 border-teal-700 bg-stone-50 px-4 py-3"
    >
      <h4 id={headingId} className="text-sm font-semibold text-stone-900">
        Reply from {reply.from}
      </h4>
      <p className="mt-0.5 text-xs text-stone-600">
        {written ? <time dateTime={reply.createdAt}>{written}</time> : null}
        {reply.edited ? (
          <>
            {written ? ' · ' : null}
            edited <time dateTime={reply.updatedAt}>{formatDate(reply.updatedAt)}</time>
          </>
        ) : null}
      </p>
      <p className="mt-2 text-[0.9375rem] leading-relaxed whitespace-pre-line text-stone-800">
        {reply.body}
      </p>
    </section>
  );
}
