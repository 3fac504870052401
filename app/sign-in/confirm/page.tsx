import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthPanel } from '@/components/auth/auth-panel';
import { Button } from '@/components/ui/button';
import { EMAIL_PROVIDER_ID, safeCallbackPath } from '@/lib/auth/settings';

export const metadata: Metadata = { title: 'Confirm sign-in', referrer: 'no-referrer' };

function single(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 500 ? value : null;
}

/**
 * The page a sign-in link opens. Opening it changes nothing (mail scanners open links too);
 * pressing the button posts the token, which signs in and uses the link up.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = single(params.token);
  const email = single(params.email);
  if (!token || !email) {
    return (
      <AuthPanel
        title="This sign-in link is incomplete"
        intro={<p>Copy the whole link from the email, or ask for a new one.</p>}
      >
        <Link href="/sign-in" className="font-semibold text-teal-800 underline">
          Ask for a new link
        </Link>
      </AuthPanel>
    );
  }
  const target = new URLSearchParams({
    token,
    email,
    callbackUrl: safeCallbackPath(single(params.callbackUrl)),
  });
  return (
    <AuthPanel
      title="Sign in to Unknot"
      intro={
        <p>
          Signing in as <strong className="font-semibold break-all text-stone-900">{email}</strong>.
        </p>
      }
    >
      <form method="post" action={`/api/auth/callback/${EMAIL_PROVIDER_ID}?${target.toString()}`}>
        <Button type="submit" className="w-full">
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-sm text-stone-600">
        Not you, or did not ask to sign in? Close this page; nothing happens without the button.
      </p>
    </AuthPanel>
  );
}
