import { ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';

/**
 * Why a moderation page cannot be shown to this account, with the way forward when a passkey
 * is what is missing.
 */
export function AccessMessage({
  title,
  message,
  secondFactor,
}: {
  title: string;
  message: string;
  /** The account has the role but must add or confirm a passkey. */
  secondFactor: boolean;
}) {
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
      <FormMessage tone="error" className="mt-6">
        {message}
      </FormMessage>
      {secondFactor ? (
        <ButtonLink href="/account/security" className="mt-4">
          Go to sign-in and security
        </ButtonLink>
      ) : null}
    </Container>
  );
}
