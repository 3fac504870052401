import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/**
 * Why a dashboard page cannot be shown to this account, with the way forward when a passkey is
 * what is missing.
 */
export function AccessNotice({
  title,
  message,
  secondFactor,
}: {
  title: string;
  message: string;
  /** The account must add or confirm a passkey. */
  secondFactor: boolean;
}) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
      <FormMessage tone="error" className="mt-6">
        {message}
      </FormMessage>
      {secondFactor ? (
        <>
          <p className="mt-4 text-sm text-stone-700">
            Replies speak for your practice, so they need a passkey confirmed in this session.
          </p>
          <ButtonLink href="/account/security" className="mt-4">
            Go to sign-in and security
          </ButtonLink>
        </>
      ) : null}
    </div>
  );
}
