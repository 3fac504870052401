import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { waitingLabel } from '@/lib/moderation/reasons';
import type { HeldReply } from '@/lib/replies/types';
import { ReplyDecisionForm } from './reply-decision-form';
import { ReplyFindings } from './reply-findings';
import { TEXT_LINK } from '@/components/ui/text-link';

/** One held reply on the moderators' queue: the review it answers, why it is held, the form. */
export function HeldReplyItem({ item }: { item: HeldReply }) {
  const headingId = `held-reply-${item.id}-heading`;
  return (
    <Card as="article" aria-labelledby={headingId} className="p-5">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold text-stone-900">
          Reply {item.id} from{' '}
          <Link
            href={`/therapists/${item.listing.slug}#review-${item.review.id}`}
            className={TEXT_LINK}
          >
            {item.listing.name}
          </Link>
        </h3>
        <Badge tone="warning">Held</Badge>
      </div>
      <p className="mt-1 text-sm text-stone-700">
        Waiting {waitingLabel(item.waitingHours)}
        {item.edited ? ' · edited since it was first written' : ''}
      </p>
      <div className="mt-2 text-sm text-stone-800">
        {item.findings.length > 0 ? (
          <>
            <p className="font-medium">Held because:</p>
            <ReplyFindings findings={item.findings} />
          </>
        ) : item.reason ? (
          <p>
            <span className="font-medium">Held because:</span> {item.reason}
          </p>
        ) : null}
      </div>

      <h4 className="mt-4 text-sm font-semibold text-stone-900">
        The review it answers (review {item.review.id}, by {item.review.authorName})
      </h4>
      <blockquote className="mt-1 rounded-xl border-l-4 border-stone-300 bg-stone-50 px-4 py-3">
        {item.review.title ? (
          <p className="font-semibold text-stone-900">{item.review.title}</p>
        ) : null}
        <p className="mt-1 text-base whitespace-pre-line text-stone-800">{item.review.body}</p>
      </blockquote>

      <h4 className="mt-4 text-sm font-semibold text-stone-900">The reply</h4>
      <blockquote className="mt-1 rounded-xl border-l-4 border-amber-400 bg-amber-50 px-4 py-3">
        <p className="text-base whitespace-pre-line text-stone-900">{item.body}</p>
      </blockquote>

      <div className="mt-5 border-t border-stone-200 pt-4">
        {item.yours ? (
          <p className="text-sm text-stone-700">
            This reply concerns your own listing or your own review, so another moderator decides
            it.
          </p>
        ) : (
          <ReplyDecisionForm replyId={item.id} seen={item.updatedAt} />
        )}
      </div>
    </Card>
  );
}
