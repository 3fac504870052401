import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthPanel } from '@/components/auth/auth-panel';

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } };

/** Where a member lands after deleting their account (signed out, so outside /account). */
export default async function AccountDeletedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reviews } = await searchParams;
  return (
    <AuthPanel
      title="Your account is deleted"
      intro={
        <>
          <p>You are signed out on every device, and we no longer hold your email address.</p>
          {reviews === 'delete' ? (
            <p>Your reviews are deleted and no longer show up in search.</p>
          ) : reviews === 'anonymise' ? (
            <p>Your reviews stay up without your name, shown as written by “Former member”.</p>
          ) : null}
        </>
      }
    >
      <Link href="/" className="font-semibold text-teal-800 underline">
        Back to Unknot
      </Link>
    </AuthPanel>
  );
}
