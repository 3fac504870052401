'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { fieldsOf, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { requestContactChangeAction, type ContactFormState } from '@/lib/listings/actions';
import { formatMoment } from '@/lib/listings/format';
import { CONTACT_FIELD_LABELS, CONTACT_FIELDS, type ContactField } from '@/lib/listings/options';
import { LISTING_FORM } from './form-parts';

const HINTS: Record<ContactField, string> = {
  contactEmail: 'Where clients and Unknot reach you. Not shown on your profile.',
  phone: 'Digits with spaces, + ( ) - or dots, like (212) 555-0142.',
  website: 'Your own site, like https://example.com.',
  bookingUrl: 'A secure page (https://) where clients book a session.',
};

const INPUT: Record<
  ContactField,
  { type: 'email' | 'tel' | 'text'; autoComplete: string; inputMode?: 'url' }
> = {
  contactEmail: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel' },
  website: { type: 'text', autoComplete: 'url', inputMode: 'url' },
  bookingUrl: { type: 'text', autoComplete: 'off', inputMode: 'url' },
};

/**
 * Asks for new contact details. Every field starts with what the listing shows now; clearing
 * one removes it. Nothing changes for the public until the wait is over.
 */
export function ContactForm({
  current,
  delayHours,
}: {
  current: Record<ContactField, string | null>;
  delayHours: number;
}) {
  const [state, action, pending] = useActionState<ContactFormState, FormData>(
    requestContactChangeAction,
    null,
  );
  const attempt = useAttempt(state);
  const refused = state?.status === 'refused' ? state : null;
  const initial = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, current[field] ?? '']));
  const values = refused?.values ?? initial;
  const errors = refused?.error.fieldErrors ?? {};
  const field = fieldsOf(LISTING_FORM, values, errors);
  return (
    <form action={action} noValidate className="space-y-6" aria-busy={pending || undefined}>
      {refused ? (
        <ErrorSummary
          form={LISTING_FORM}
          subject="your change"
          error={refused.error}
          labels={CONTACT_FIELD_LABELS}
          attempt={attempt}
        />
      ) : null}
      {state?.status === 'requested' ? (
        <FormMessage tone="success">
          Change requested. It applies on {formatMoment(state.change.appliesAt)} unless it is
          stopped.
          {state.change.notified
            ? ' We emailed the address on the listing and your account’s address, with a link that stops it.'
            : ' We emailed your account’s address, with a link that stops it.'}
        </FormMessage>
      ) : null}
      <div key={attempt} className="grid gap-5">
        {CONTACT_FIELDS.map((name) => (
          <TextField
            {...field(name)}
            key={name}
            label={CONTACT_FIELD_LABELS[name]}
            hint={HINTS[name]}
            type={INPUT[name].type}
            autoComplete={INPUT[name].autoComplete}
            inputMode={INPUT[name].inputMode}
            maxLength={500}
          />
        ))}
      </div>
      <div className="space-y-2">
        <Button type="submit" disabled={pending} className="min-h-12 px-6 text-base">
          {pending ? 'Sending…' : 'Ask for this change'}
        </Button>
        <p className="text-sm text-stone-600">
          {`The change waits ${delayHours} hours before it applies. A new request replaces a waiting one.`}
        </p>
      </div>
    </form>
  );
}
