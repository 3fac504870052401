import type { Metadata } from 'next';
import { MemberControls } from '@/components/admin/member-controls';
import { AccessNotice } from '@/components/ui/access-notice';
import { Container } from '@/components/ui/container';
import { listMembers } from '@/lib/admin/queries';
import { loadViewerPage } from '@/lib/auth/page-access';
import { formatDate, pluralize } from '@/lib/format';

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.trim().slice(0, 254) : '';
  const page = await loadViewerPage('/admin/members', (viewer) => listMembers(viewer, query));
  if (!page.ok) return <AccessNotice standalone title="Members" refusal={page.refusal} />;
  const { viewer, data: members } = page;
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Members</h1>
      <form method="get" className="mt-6 flex max-w-xl gap-2" role="search">
        <label htmlFor="member-query" className="sr-only">
          Email or public name
        </label>
        <input
          id="member-query"
          name="q"
          defaultValue={query}
          placeholder="Email or public name"
          className="min-h-11 flex-1 rounded-xl border border-stone-300 px-3 text-base"
        />
        <button
          type="submit"
          className="min-h-11 rounded-xl bg-teal-700 px-4 text-sm font-semibold text-white"
        >
          Find
        </button>
      </form>
      {members.length === 0 ? (
        <p className="mt-8 text-stone-700">No member matches.</p>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {members.map((member) => (
            <li key={member.id} className="space-y-2 p-4">
              <p className="font-semibold text-stone-900">
                {member.displayName}{' '}
                <span className="font-normal break-all text-stone-600">{member.email}</span>
              </p>
              <p className="text-sm text-stone-700">
                {member.role} · joined {formatDate(member.joinedAt.toISOString())} ·{' '}
                {pluralize(member.activeSessions, 'active session')}
                {member.bannedAt ? ` · banned ${formatDate(member.bannedAt.toISOString())}` : ''}
              </p>
              {member.id !== viewer.userId ? (
                <MemberControls
                  userId={member.id}
                  label={member.displayName}
                  role={member.role}
                  banned={member.bannedAt !== null}
                />
              ) : (
                <p className="text-sm text-stone-600">This is you.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
