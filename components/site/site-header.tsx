import Link from 'next/link';
import { Container } from '@/components/ui/container';
import type { UserRole } from '@/db/schema/enums';
import { signOutAction } from '@/lib/auth/actions';
import { Wordmark } from './wordmark';

const NAV_LINK =
  'inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-teal-800 hover:bg-teal-50';

export function SiteHeader({ viewer }: { viewer: { displayName: string; role: UserRole } | null }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <Container className="flex min-h-16 flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3">
        <Link href="/" className="rounded-lg text-stone-900" aria-label="Unknot home">
          <Wordmark />
        </Link>
        <p className="hidden text-sm text-stone-600 md:block">
          Find the therapist who gets rid of the pain
        </p>
        <nav aria-label="Account" className="flex items-center gap-1">
          {viewer ? (
            <>
              {viewer.role === 'therapist' ? (
                <Link href="/dashboard" className={NAV_LINK}>
                  Your listing
                </Link>
              ) : null}
              {viewer.role === 'moderator' || viewer.role === 'admin' ? (
                <Link href="/moderation" className={NAV_LINK}>
                  Moderation
                </Link>
              ) : null}
              {viewer.role === 'admin' ? (
                <Link href="/admin/members" className={NAV_LINK}>
                  Members
                </Link>
              ) : null}
              <Link href="/account" className={NAV_LINK}>
                <span className="sr-only">Your account: </span>
                {viewer.displayName}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={NAV_LINK}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className={NAV_LINK}>
              Sign in
            </Link>
          )}
        </nav>
      </Container>
    </header>
  );
}
