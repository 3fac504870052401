import type { Metadata } from 'next';
import Link from 'next/link';
import { ModerationFrame } from '@/components/moderation/moderation-frame';
import { AccessNotice } from '@/components/ui/access-notice';
import { ChipLink } from '@/components/ui/chip-link';
import { loadViewerPage } from '@/lib/auth/page-access';
import { formatDate } from '@/lib/format';
import {
  isReplyHoldReason,
  REPLY_DECISION_REASON_OPTIONS,
  REPLY_HOLD_REASONS,
} from '@/lib/replies/reasons';
import {
  AUDIT_AREA_LABELS,
  AUDIT_PAGE_SIZE,
  auditFilterInput,
  listAuditEntries,
  type AuditArea,
  type AuditEntry,
  type AuditFilter,
} from '@/lib/moderation/audit';
import {
  REVIEW_STATUS_LABELS,
  reportReasonLabel,
  statusReasonLabel,
} from '@/lib/moderation/reasons';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Moderation log', robots: { index: false } };

const ACTION_LABELS: Record<string, string> = {
  'review.reported': 'Reported',
  'review.held': 'Held after reports',
  'review.approved': 'Published',
  'review.not_recommended': 'Not recommended',
  'review.removed': 'Removed',
  'appeal.opened': 'Appeal made',
  'appeal.upheld': 'Appeal: decision kept',
  'appeal.overturned': 'Appeal: decision overturned',
  'claim.licence_mismatch': 'Claim refused: licence does not match',
  'claim.code_sent': 'Claim: code sent to the listing’s email',
  'claim.code_wrong': 'Claim: wrong code',
  'claim.granted': 'Claim granted (licence and code)',
  'claim.evidence_submitted': 'Claim: evidence sent to moderators',
  'claim.dispute_opened': 'Dispute opened',
  'claim.approved': 'Claim approved by a moderator',
  'claim.refused': 'Claim refused by a moderator',
  'claim.more_info_requested': 'Claim: more asked for',
  'claim.more_info_added': 'Claim: more evidence added',
  'claim.cancelled': 'Claim withdrawn or cancelled',
  'listing.submitted': 'New listing submitted',
  'listing.updated': 'Listing edited',
  'listing.contact_change_requested': 'Contact change asked for',
  'listing.contact_change_applied': 'Contact change applied',
  'listing.contact_change_cancelled': 'Contact change stopped',
  'invitation.sent': 'Invitations sent',
  'reply.saved': 'Reply saved',
  'reply.held': 'Reply held for moderation',
  'reply.approved': 'Held reply approved',
  'reply.removed': 'Reply removed',
  'reply.deleted': 'Reply deleted by the practitioner',
};

/** "claim.code_sent" -> "Claim: code sent", for actions without a label of their own. */
function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [area = action, what = ''] = action.split('.', 2);
  const head = area.charAt(0).toUpperCase() + area.slice(1);
  return what ? `${head}: ${what.replaceAll('_', ' ')}` : head;
}

type Params = Record<string, string | string[] | undefined>;

/** A reply's hold or decision reason, in the words the moderators chose it by. */
function replyReasonLabel(reason: string): string {
  if (isReplyHoldReason(reason)) return REPLY_HOLD_REASONS[reason];
  return REPLY_DECISION_REASON_OPTIONS.find((o) => o.value === reason)?.label ?? reason;
}

/** The filter in the address; anything malformed is ignored rather than failing the page. */
function readFilter(params: Params): AuditFilter {
  const raw: Record<string, string> = {};
  for (const key of ['area', 'listing', 'before']) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') raw[key] = value;
  }
  const parsed = auditFilterInput.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function logHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.area) params.set('area', filter.area);
  if (filter.listing) params.set('listing', String(filter.listing));
  if (filter.before) params.set('before', String(filter.before));
  const query = params.toString();
  return query ? `/moderation/audit?${query}` : '/moderation/audit';
}

/** "March 4, 2025, 14:03 UTC". */
function when(at: Date): string {
  const iso = at.toISOString();
  return `${formatDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

function actorLabel(actor: AuditEntry['actor']): string {
  if (!actor) return 'No account (automatic, or since deleted)';
  return actor.kind === 'staff' ? actor.name : 'A member';
}

function details(entry: AuditEntry): string {
  const { detail } = entry;
  const parts: string[] = [];
  if (detail.reviewId !== undefined) parts.push(`review ${detail.reviewId}`);
  if (detail.appealId !== undefined) parts.push(`appeal ${detail.appealId}`);
  if (typeof detail.reason === 'string') {
    const label =
      entry.action === 'review.reported'
        ? reportReasonLabel(detail.reason)
        : entry.action.startsWith('reply.')
          ? replyReasonLabel(detail.reason)
          : statusReasonLabel(detail.reason);
    parts.push(`reason: ${label}`);
  }
  if (typeof detail.previousStatus === 'string') {
    const label =
      REVIEW_STATUS_LABELS[detail.previousStatus as keyof typeof REVIEW_STATUS_LABELS] ??
      detail.previousStatus;
    parts.push(`was: ${label.toLowerCase()}`);
  }
  if (detail.openReports !== undefined) parts.push(`${detail.openReports} open reports`);
  if (detail.role !== undefined) parts.push(`role: ${detail.role}`);
  if (detail.previousRole !== undefined) parts.push(`was: ${detail.previousRole}`);
  if (detail.reviews !== undefined) parts.push(`reviews: ${detail.reviews}`);
  if (detail.reviewCount !== undefined) parts.push(`${detail.reviewCount} reviews`);
  if (detail.claimId !== undefined) parts.push(`claim ${detail.claimId}`);
  if (detail.kind !== undefined) parts.push(`kind: ${String(detail.kind).replaceAll('_', ' ')}`);
  if (detail.replyId !== undefined) parts.push(`reply ${detail.replyId}`);
  if (typeof detail.status === 'string') parts.push(`now: ${detail.status}`);
  if (detail.sent !== undefined) parts.push(`${detail.sent} sent`);
  return parts.join(' · ');
}

export default async function ModerationLogPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const filter = readFilter(await searchParams);
  const page = await loadViewerPage('/moderation/audit', (viewer) =>
    listAuditEntries(viewer, filter),
  );
  if (!page.ok) return <AccessNotice standalone title="Moderation log" refusal={page.refusal} />;
  const { viewer, data: entries } = page;
  return (
    <ModerationFrame
      title="Moderation log"
      links={[{ href: '/moderation', label: 'Back to the queue' }]}
      className="max-w-5xl"
    >
      <p className="mt-2 text-sm text-stone-600">
        {AUDIT_PAGE_SIZE} entries at a time, newest first
        {viewer.role === 'admin' ? ', of every kind' : ''}. Entries are never changed or deleted.
        Members who report or claim are never named here.
      </p>
      <nav aria-label="Parts of the log" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...(Object.keys(AUDIT_AREA_LABELS) as AuditArea[])].map((area) => {
            return (
              <li key={area ?? 'all'}>
                <ChipLink
                  href={logHref({ area, listing: filter.listing })}
                  current={filter.area === area}
                >
                  {area ? AUDIT_AREA_LABELS[area] : 'Everything'}
                </ChipLink>
              </li>
            );
          })}
        </ul>
      </nav>
      {filter.listing ? (
        <p className="mt-4 text-sm text-stone-800">
          Only listing {filter.listing}.{' '}
          <Link href={logHref({ area: filter.area })} className={TEXT_LINK}>
            Show every listing
          </Link>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="mt-8 text-stone-700">Nothing has been logged yet.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-2xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Moderation log, newest first</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  When
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  What
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Who
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Listing
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-stone-700">{when(entry.at)}</td>
                  <td className="px-4 py-3 font-medium text-stone-900">
                    {actionLabel(entry.action)}
                  </td>
                  <td className="px-4 py-3 text-stone-800">{actorLabel(entry.actor)}</td>
                  <td className="px-4 py-3 text-stone-800">
                    {entry.listing ? (
                      <Link
                        href={logHref({ area: filter.area, listing: entry.listing.id })}
                        className={TEXT_LINK}
                      >
                        {entry.listing.name}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="px-4 py-3 text-stone-700">{details(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === AUDIT_PAGE_SIZE ? (
        <p className="mt-6">
          <Link href={logHref({ ...filter, before: entries.at(-1)?.id })} className={TEXT_LINK}>
            Older entries
          </Link>
        </p>
      ) : null}
    </ModerationFrame>
  );
}
