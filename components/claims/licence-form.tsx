'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { FormMessage } from '@/components/ui/form-message';
import { submitLicenceAction, type ClaimFormState } from '@/lib/claims/actions';
import { EvidenceForm } from './evidence-form';
import { TEXT_LINK } from '@/components/ui/text-link';
import { LicenceFields } from './form-bits';

const LABELS: Record<string, string> = {
  licenseState: 'State',
  licenseNumber: 'Licence number',
  licenseName: 'Name on the licence',
};

const NEXT_STEP: Record<'no_licence' | 'no_email', string> = {
  no_licence:
    'This listing has no licence on record to compare yours with, so a moderator decides. Tell them why the listing is yours.',
  no_email:
    'Your licence matches, but the listing has no email address to send a code to, so a moderator decides. Tell them why the listing is yours.',
};

/**
 * Claim step 1: the licence. A match sends a code to the listing's own address (the page then
 * asks for it); otherwise the form turns into the evidence form for the moderators.
 */
export function LicenceForm({ slug }: { slug: string }) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    submitLicenceAction,
    null,
  );
  const attempt = useAttempt(state);
  if (state?.next === 'evidence') {
    return (
      <div className="space-y-6">
        <FormMessage tone="info">{NEXT_STEP[state.reason ?? 'no_licence']}</FormMessage>
        <EvidenceForm slug={slug} mode="listing" initial={state.values} />
      </div>
    );
  }
  const form = 'licence';
  const errors = state?.error?.fieldErrors ?? {};
  // A licence that does not match is said by the heading and next to the three fields.
  const { licence: mismatch, ...fieldErrors } = errors;
  return (
    <form action={formAction} noValidate className="space-y-6" aria-busy={pending || undefined}>
      <input type="hidden" name="slug" value={slug} />
      {state?.error ? (
        <ErrorSummary
          form={form}
          title={
            mismatch ? 'The licence does not match this listing' : 'The licence was not checked'
          }
          error={{ ...state.error, fieldErrors }}
          labels={LABELS}
          attempt={attempt}
        >
          {mismatch ? (
            <p className="mt-3 text-sm">
              If the licence on the listing is wrong,{' '}
              <Link
                href={`/therapists/${encodeURIComponent(slug)}/claim?step=evidence`}
                className={TEXT_LINK}
              >
                send evidence to the moderators
              </Link>
              .
            </p>
          ) : null}
        </ErrorSummary>
      ) : null}
      <div key={attempt}>
        <LicenceFields form={form} values={state?.values ?? {}} errors={errors} required />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Checking…' : 'Check the licence and send the code'}
      </Button>
    </form>
  );
}
