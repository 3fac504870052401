import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** After a listing became the viewer's: what their account is now, and the way to manage it. */
export function ClaimGranted({ name, justNow }: { name: string; justNow: boolean }) {
  return (
    <div className="space-y-4">
      <FormMessage tone="success">
        {justNow
          ? `Your claim is confirmed: the listing of ${name} is yours.`
          : `The listing of ${name} is yours.`}
      </FormMessage>
      <p className="text-base text-stone-800">
        Your account is now a therapist account. To manage the listing, add a passkey to your
        account (or confirm the one you have) on the Sign-in and security page, then open your
        dashboard.
      </p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/account/security">Add or confirm a passkey</ButtonLink>
        <ButtonLink href="/dashboard" variant="secondary">
          Go to your dashboard
        </ButtonLink>
      </div>
    </div>
  );
}
