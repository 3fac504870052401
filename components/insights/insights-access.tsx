import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { AppErrorCode } from '@/lib/errors';

/**
 * Why the insights cannot be shown to this account, with the way forward: confirm a passkey, or
 * hold a listing first.
 */
export function InsightsAccess({ code, message }: { code: AppErrorCode; message: string }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Insights</h1>
      <FormMessage tone="error" className="mt-6">
        {message}
      </FormMessage>
      {code === 'second_factor' ? (
        <>
          <p className="mt-4 text-sm text-stone-700">
            Your listing&rsquo;s tools need a passkey, confirmed in this session.
          </p>
          <ButtonLink href="/account/security" className="mt-4">
            Go to sign-in and security
          </ButtonLink>
        </>
      ) : code === 'forbidden' ? (
        <>
          <p className="mt-4 text-sm text-stone-700">
            Insights are for practitioners who hold a listing. Find your listing and claim it, or
            ask for a new one.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href="/search">Find your listing</ButtonLink>
            <ButtonLink href="/listings/new" variant="secondary">
              Ask for a new listing
            </ButtonLink>
          </div>
        </>
      ) : null}
    </div>
  );
}
