import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { OwnReply } from '@/lib/replies/types';
import { DeleteReplyForm } from './delete-reply-form';
import { ReplyComposer, type ReplyTarget } from './reply-composer';
import { ReplyDisclosure } from './reply-disclosure';
import { ReplyFindings } from './reply-findings';

function When({ label, iso }: { label: string; iso: string | null }) {
  const shown = formatDate(iso);
  if (!iso || !shown) return null;
  return (
    <>
      {label} <time dateTime={iso}>{shown}</time>
    </>
  );
}

/** The owner's reply to one review as it stands: none, published, held, or removed. */
function ReplyState({ reply }: { reply: OwnReply | null }) {
  if (!reply) {
    return <p className="text-sm text-stone-700">You have not replied to this review.</p>;
  }
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700">
        {reply.status === 'published' ? (
          <Badge tone="success">Your reply is published</Badge>
        ) : reply.status === 'pending' ? (
          <Badge tone="warning">Held for a moderator</Badge>
        ) : (
          <Badge tone="danger">Removed by a moderator</Badge>
        )}
        <span>
          <When label="Written" iso={reply.createdAt} />
          {reply.edited ? (
            <>
              {' · '}
              <When label="edited" iso={reply.updatedAt} />
            </>
          ) : null}
          {reply.status === 'published' && reply.moderatedAt ? (
            <>
              {' · '}
              <When label="approved by a moderator" iso={reply.moderatedAt} />
            </>
          ) : null}
        </span>
      </p>
      {reply.status === 'pending' ? (
        <div className="text-sm text-stone-800">
          {reply.findings.length > 0 ? (
            <>
              <p className="font-semibold">Why it is held:</p>
              <ReplyFindings findings={reply.findings} />
            </>
          ) : (
            <p>
              <span className="font-semibold">Why it is held:</span> {reply.reason}
            </p>
          )}
          <p className="mt-1 text-stone-700">
            It is not on your profile. A moderator will publish or remove it; or edit it to take
            those details out and it is published straight away.
          </p>
        </div>
      ) : null}
      {reply.status === 'removed' ? (
        <div className="text-sm text-stone-800">
          <p>
            <span className="font-semibold">The moderator’s reason:</span> {reply.reason}
          </p>
          <p className="mt-1 text-stone-700">
            It is not on your profile, and a removed reply cannot be edited, replaced or deleted.
          </p>
        </div>
      ) : null}
      <blockquote className="rounded-xl border-l-4 border-stone-300 bg-stone-50 px-4 py-3 text-[0.9375rem] whitespace-pre-line text-stone-800">
        {reply.body}
      </blockquote>
    </div>
  );
}

/** Under a review on the owner's list: the reply's state, and the composer to write or edit it. */
export function OwnerReplyPanel({ reviewId, listingName, reply }: ReplyTarget) {
  return (
    <div className="space-y-3">
      <ReplyState reply={reply} />
      {reply === null || reply.editable ? (
        <ReplyDisclosure
          summary={reply ? 'Edit your reply' : 'Write a reply'}
          initiallyOpen={reply?.status === 'pending'}
        >
          <ReplyComposer reviewId={reviewId} listingName={listingName} reply={reply} />
        </ReplyDisclosure>
      ) : null}
      {reply && reply.editable ? <DeleteReplyForm reviewId={reviewId} /> : null}
    </div>
  );
}
