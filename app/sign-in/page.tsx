import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthPanel } from '@/components/auth/auth-panel';
import { PasskeySignInButton } from '@/components/auth/passkey-sign-in-button';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Button } from '@/components/ui/button';
import { signInWithProviderAction } from '@/lib/auth/actions';
import { oauthProviders } from '@/lib/auth/config';
import { safeCallbackPath } from '@/lib/auth/settings';
import { getViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getViewer()) redirect(next);
  const providers = oauthProviders().map((p) => ({ id: p.id, name: p.name }));
  return (
    <AuthPanel
      title="Sign in to Unknot"
      intro={<p>Sign in to write reviews, follow up on them and manage your account.</p>}
    >
      <SignInForm callbackUrl={next} />
      <div className="mt-6 space-y-3 border-t border-stone-200 pt-6">
        <PasskeySignInButton callbackUrl={next} />
        {providers.map((provider) => (
          <form key={provider.id} action={signInWithProviderAction}>
            <input type="hidden" name="provider" value={provider.id} />
            <input type="hidden" name="callbackUrl" value={next} />
            <Button type="submit" variant="secondary" className="w-full">
              Continue with {provider.name}
            </Button>
          </form>
        ))}
      </div>
    </AuthPanel>
  );
}
