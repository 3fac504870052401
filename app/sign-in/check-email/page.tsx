import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthPanel } from '@/components/auth/auth-panel';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/settings';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  const development = process.env.NODE_ENV !== 'production' && !process.env.SMTP_URL;
  return (
    <AuthPanel
      title="Check your email"
      intro={
        <>
          <p>
            We sent you a sign-in link. It works once and expires in {SIGN_IN_LINK_MINUTES} minutes.
          </p>
          <p>Nothing there? Look in your spam folder, or ask for a new link.</p>
        </>
      }
    >
      <p className="text-sm text-stone-700">
        <Link href="/sign-in" className="font-semibold text-teal-800 underline">
          Ask for a new link
        </Link>
        {development ? (
          <>
            {' · '}
            <Link href="/dev/mailbox" className="font-semibold text-teal-800 underline">
              Open the development mailbox
            </Link>
          </>
        ) : null}
      </p>
    </AuthPanel>
  );
}
