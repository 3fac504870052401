import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccessMessage } from '@/components/moderation/access-message';
import { Container } from '@/components/ui/container';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { AUDIT_PAGE_SIZE, listAuditEntries, type AuditEntry } from '@/lib/moderation/audit';
import {
  REVIEW_STATUS_LABELS,
  reportReasonLabel,
  statusReasonLabel,
} from '@/lib/moderation/reasons';

export const metadata: Metadata = { title: 'Moderation log', robots: { index: false } };

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

const ACTION_LABELS: Record<string, string> = {
  'review.reported': 'Reported',
  'review.held': 'Held after reports',
  'review.approved': 'Published',
  'review.not_recommended': 'Not recommended',
  'review.removed': 'Removed',
  'appeal.opened': 'Appeal made',
  'appeal.upheld': 'Appeal: decision kept',
  'appeal.overturned': 'Appeal: decision overturned',
};

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
  return parts.join(' · ');
}

export default async function ModerationLogPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/moderation/audit');
  let entries;
  try {
    entries = await listAuditEntries(viewer);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <AccessMessage
        title="Moderation log"
        message={error.message}
        secondFactor={error.code === 'second_factor'}
      />
    );
  }
  return (
    <Container className="max-w-5xl py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Moderation log</h1>
        <Link href="/moderation" className={LINK}>
          Back to the queue
        </Link>
      </div>
      <p className="mt-2 text-sm text-stone-600">
        The latest {AUDIT_PAGE_SIZE} entries, newest first
        {viewer.role === 'admin' ? ', of every kind' : ''}. Entries are never changed or deleted.
        Members who report are never named.
      </p>
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
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-stone-700">{when(entry.at)}</td>
                  <td className="px-4 py-3 font-medium text-stone-900">
                    {ACTION_LABELS[entry.action] ?? entry.action}
                  </td>
                  <td className="px-4 py-3 text-stone-800">{actorLabel(entry.actor)}</td>
                  <td className="px-4 py-3 text-stone-700">{details(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
