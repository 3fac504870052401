'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { requestContactChangeAction, type ContactFormState } from '@/lib/listings/actions';
import { formatMoment } from '@/lib/listings/format';
import { CONTACT_FIELD_LABELS, CONTACT_FIELDS, type ContactField } from '@/lib/listings/options';
import { ListingErrorSummary } from './error-summary';
import { TextField, textValue } from './form-parts';

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
  const [attempt, setAttempt] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    setAttempt(attempt + 1);
  }
  const refused = state?.status === 'refused' ? state : null;
  const initial = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, current[field] ?? '']));
  const values = refused?.values ?? initial;
  const errors = refused?.error.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-6" aria-busy={pending || undefined}>
      {refused ? (
        <ListingErrorSummary
          message={refused.error.message}
          fieldErrors={errors}
          labelFor={(field) => CONTACT_FIELD_LABELS[field as ContactField] ?? null}
          order={CONTACT_FIELDS}
          subject="your change"
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
        {CONTACT_FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={CONTACT_FIELD_LABELS[field]}
            hint={HINTS[field]}
            type={INPUT[field].type}
            autoComplete={INPUT[field].autoComplete}
            inputMode={INPUT[field].inputMode}
            maxLength={500}
            defaultValue={textValue(values, field)}
            error={errors[field]}
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
