import type { Metadata } from 'next';
import { ModerationFrame } from '@/components/moderation/moderation-frame';
import { QueueAppealItem, QueueReviewItem } from '@/components/moderation/queue-item';
import { AccessNotice } from '@/components/ui/access-notice';
import { Section } from '@/components/ui/section';
import { loadViewerPage } from '@/lib/auth/page-access';
import { pluralize } from '@/lib/format';
import { listModerationQueue, type QueueReview } from '@/lib/moderation/queue';
import { REVIEW_STATUS_LABELS, waitingLabel } from '@/lib/moderation/reasons';

export const metadata: Metadata = { title: 'Moderation', robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;

/** The message after a decision (the page is opened again with it in the address). */
function doneMessage(params: Params): string | null {
  const one = (key: string) => (typeof params[key] === 'string' ? params[key] : '');
  const decided = one('decided');
  const status = one('status');
  if (/^\d{1,10}$/.test(decided) && Object.hasOwn(REVIEW_STATUS_LABELS, status)) {
    const label = REVIEW_STATUS_LABELS[status as keyof typeof REVIEW_STATUS_LABELS];
    return `Decision recorded: review ${decided} is now “${label.toLowerCase()}”.`;
  }
  const appeal = one('appeal');
  const outcome = one('outcome');
  if (/^\d{1,10}$/.test(appeal) && (outcome === 'upheld' || outcome === 'overturned')) {
    return outcome === 'overturned'
      ? `Appeal ${appeal} decided: the decision is overturned and the review is published.`
      : `Appeal ${appeal} decided: the decision is kept.`;
  }
  return null;
}

function ReviewList({ items, empty }: { items: QueueReview[]; empty: string }) {
  if (items.length === 0) return <p className="text-stone-700">{empty}</p>;
  return (
    <ol className="space-y-5">
      {items.map((item) => (
        <li key={item.id}>
          <QueueReviewItem item={item} />
        </li>
      ))}
    </ol>
  );
}

export default async function ModerationPage({ searchParams }: { searchParams: Promise<Params> }) {
  const page = await loadViewerPage('/moderation', listModerationQueue);
  if (!page.ok) return <AccessNotice standalone title="Moderation" refusal={page.refusal} />;
  const queue = page.data;
  const { counts } = queue;
  return (
    <ModerationFrame
      title="Moderation"
      links={[
        { href: '/moderation/claims', label: 'Claims and disputes' },
        { href: '/moderation/replies', label: 'Held replies' },
        { href: '/moderation/audit', label: 'Moderation log' },
      ]}
      done={doneMessage(await searchParams)}
    >
      <p className="mt-4 text-base text-stone-800">
        {pluralize(counts.pending, 'review')} waiting
        {queue.oldestPendingHours !== null
          ? `, the oldest for ${waitingLabel(queue.oldestPendingHours)}`
          : ''}
        ; {pluralize(counts.reported, 'reported review')};{' '}
        {pluralize(counts.appeals, 'open appeal')}.
      </p>
      <p className="mt-2 text-sm text-stone-600">
        Decide on what a review says, never on its rating: the stars are not shown here. Reporters
        are never named.
      </p>

      <div className="mt-10 space-y-12">
        {queue.safety.length > 0 ? (
          <Section
            id="safety"
            title={`Safety concerns (${counts.safety})`}
            description="Confidential reports: read them first. What the reporter wrote is for moderators only."
          >
            <ReviewList items={queue.safety} empty="" />
          </Section>
        ) : null}
        <Section
          id="pending"
          title={`Waiting for a decision (${counts.pending})`}
          description="Oldest first, so that no review waits for ever."
        >
          <ReviewList items={queue.pending} empty="No review is waiting." />
        </Section>
        <Section
          id="reported"
          title={`Reported by readers (${counts.reported})`}
          description="Visible reviews with open reports. A decision resolves their reports."
        >
          <ReviewList items={queue.reported} empty="No open reports." />
        </Section>
        <Section
          id="appeals"
          title={`Appeals (${counts.appeals})`}
          description="An appeal is decided by a moderator other than the one who made the decision."
        >
          {queue.appeals.length === 0 ? (
            <p className="text-stone-700">No open appeals.</p>
          ) : (
            <ol className="space-y-5">
              {queue.appeals.map((appeal) => (
                <li key={appeal.id}>
                  <QueueAppealItem appeal={appeal} />
                </li>
              ))}
            </ol>
          )}
        </Section>
      </div>
    </ModerationFrame>
  );
}
