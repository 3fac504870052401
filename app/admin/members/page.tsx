import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MemberControls } from '@/components/admin/member-controls';
import { ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { listMembers } from '@/lib/admin/queries';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { formatDate, pluralize } from '@/lib/format';

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/admin/members');
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.trim().slice(0, 254) : '';
  let members;
  try {
    members = await listMembers(viewer, query);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Container className="py-10">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Members</h1>
        <FormMessage tone="error" className="mt-6">
          {error.message}
        </FormMessage>
        {error.code === 'second_factor' ? (
          <ButtonLink href="/account/security" className="mt-4">
            Go to sign-in and security
          </ButtonLink>
        ) : null}
      </Container>
    );
  }
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
