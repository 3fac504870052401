'use client';

import Link from 'next/link';
import { useActionState, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
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
  const [seen, setSeen] = useState(state);
  const [attempt, setAttempt] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setAttempt(attempt + 1);
  }
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

      <div key={`emails-${attempt}`}>
        <label htmlFor="invitation-emails" className="block text-base font-semibold text-stone-900">
          Client email addresses
        </label>
        <p id="invitation-emails-hint" className="mt-1 text-sm text-stone-600">
          {`One address per line, or separated by commas, semicolons or spaces. ${minNewReason} Up to ${perBatch} at a time. Addresses you invited before are skipped: each client is invited once.`}
        </p>
        {emailsError ? (
          <p id="invitation-emails-error" className="mt-1 text-sm font-medium text-red-800">
            {emailsError}
          </p>
        ) : null}
        <textarea
          id="invitation-emails"
          name="emails"
          rows={8}
          required
          spellCheck={false}
          autoCapitalize="none"
          autoComplete="off"
          defaultValue={state?.emails ?? ''}
          aria-invalid={emailsError ? true : undefined}
          aria-describedby={
            emailsError
              ? 'invitation-emails-error invitation-emails-hint'
              : 'invitation-emails-hint'
          }
          className="mt-2 block w-full rounded-xl border border-stone-300 px-3 py-2 font-mono text-sm leading-relaxed text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700"
        />
      </div>

      {preview}

      <fieldset key={`confirm-${attempt}`}>
        <legend className="text-base font-semibold text-stone-900">Confirm</legend>
        {confirmError ? (
          <p id="invitation-confirm-error" className="mt-1 text-sm font-medium text-red-800">
            {confirmError}
          </p>
        ) : null}
        <label className="mt-2 flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 bg-stone-50 p-3 text-sm text-stone-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700">
          <input
            id="invitation-confirm"
            name="confirm"
            type="checkbox"
            value="yes"
            required
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'invitation-confirm-error' : undefined}
            className="mt-0.5 size-5 shrink-0 accent-teal-700"
          />
          <span>{confirmText}</span>
        </label>
        <p className="mt-2 text-sm text-stone-600">
          Invite every client, not only those you expect to be happy: choosing who to ask is not
          allowed, and invited reviews are checked like every other review.
        </p>
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
