import type { Metadata } from 'next';
import { AuthPanel } from '@/components/auth/auth-panel';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Sign-in problem' };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'This sign-in link no longer works',
    body: 'Sign-in links work once and expire after 15 minutes. Ask for a new one and use it straight away.',
  },
  AccessDenied: {
    title: 'This account cannot sign in',
    body: 'If you think this is a mistake, write to us from the address you signed up with.',
  },
  OAuthAccountNotLinked: {
    title: 'Sign in the way you did before',
    body: 'An account with this email already exists. Sign in with an email link, then add other ways in from your account page.',
  },
};

const FALLBACK = {
  title: 'We could not sign you in',
  body: 'Something went wrong while signing you in. Please try again.',
};

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const message = (typeof error === 'string' && MESSAGES[error]) || FALLBACK;
  return (
    <AuthPanel title={message.title} intro={<p>{message.body}</p>}>
      <ButtonLink href="/sign-in">Ask for a new sign-in link</ButtonLink>
    </AuthPanel>
  );
}
