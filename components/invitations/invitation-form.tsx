'use client';

import Link from 'next/link';
import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAttempt } from '@/components/ui/error-summary';
import { CheckboxField, Field, TEXT_AREA } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { sendInvitationsAction, type SendInvitationsState } from '@/lib/invitations/actions';
import { describeInvitationResult } from '@/lib/invitations/format';

const LINK = 'font-semibold underline underline-offset-2';

/**
 * The invitation form: the client list, the unchangeable email, and the confirmation that the
 * list holds every client. A plain form posting to a server action, so it works without
 * JavaScript; a refused list comes back as typed, a sent one is cleared (never shown again).
 */
export function InvitationForm({
  confirmText,
  perBatch,
  minNewReason,
  preview,
}: {
  confirmText: string;
  perBatch: number;
  /** Why a batch needs several new addresses (INVITATION_MIN_NEW_REASON). */
  minNewReason: string;
  /** The email as clients receive it, shown between the list and the confirmation. */
  preview: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<SendInvitationsState, FormData>(
    sendInvitationsAction,
    null,
  );
  // Each answer draws the fields afresh: a refused list as typed, an empty box after sending.
  const attempt = useAttempt(state);
  const failure = state && !state.result.ok ? state.result : null;
  const success = state?.result.ok ? state.result.data : null;
  const emailsError = failure?.fieldErrors.emails;
  const confirmError = failure?.fieldErrors.confirm;
  const otherError = failure && !emailsError && !confirmError ? failure.message : null;

  return (
    <form action={formAction} noValidate className="space-y-6" aria-busy={pending || undefined}>
      {success ? (
        <FormMessage tone="success">{describeInvitationResult(success)}</FormMessage>
      ) : null}
      {failure && (emailsError || confirmError) ? (
        <FormMessage tone="error">
          No invitation was sent. Correct what is marked below and send again.
        </FormMessage>
      ) : null}
      {otherError ? (
        <FormMessage tone="error">
          {otherError}
          {failure?.code === 'second_factor' ? (
            <>
              {' '}
              <Link href="/account/security" className={LINK}>
                Go to sign-in and security
              </Link>
              .
            </>
          ) : null}
        </FormMessage>
      ) : null}

      <Field
        key={`emails-${attempt}`}
        form="invitation"
        name="emails"
        label="Client email addresses"
        labelClassName="block text-base font-semibold text-stone-900"
        hint={`One address per line, or separated by commas, semicolons or spaces. ${minNewReason} Up to ${perBatch} at a time. Addresses you invited before are skipped: each client is invited once.`}
        error={emailsError}
      >
        {(props) => (
          <textarea
            {...props}
            rows={8}
            required
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            defaultValue={state?.emails ?? ''}
            className={cn(TEXT_AREA, 'font-mono text-sm')}
          />
        )}
      </Field>

      {preview}

      <fieldset key={`confirm-${attempt}`}>
        <legend className="text-base font-semibold text-stone-900">Confirm</legend>
        <CheckboxField
          form="invitation"
          name="confirm"
          value="yes"
          required
          label={confirmText}
          hint="Invite every client, not only those you expect to be happy: choosing who to ask is not allowed, and invited reviews are checked like every other review."
          error={confirmError}
        />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send invitations'}
        </Button>
        <p role="status" className="text-sm text-stone-600">
          {pending ? 'Sending your invitations…' : ''}
        </p>
      </div>
    </form>
  );
}
