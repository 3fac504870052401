'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { saveReplyAction, type SaveReplyState } from '@/lib/replies/actions';
import { REPLY_MAX_LENGTH } from '@/lib/replies/reasons';
import type { OwnReply } from '@/lib/replies/types';
import { ConfidentialityReminder } from './confidentiality-reminder';
import { ReplyFindings } from './reply-findings';

const TEXTAREA =
  'mt-1 block w-full rounded-xl border border-stone-300 px-3 py-2 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

const SAVED_MESSAGES = {
  created: 'Your reply is published under the review.',
  updated: 'Your changes are published.',
  unchanged: 'Nothing changed: your reply is as you saved it before.',
} as const;

/**
 * Writes or edits the owner's reply to one review, with the confidentiality reminder next to
 * the box. A plain form: it works without JavaScript.
 */
export interface ReplyTarget {
  reviewId: number;
  listingName: string;
  /** The owner's reply, when there is one. */
  reply: OwnReply | null;
}

export function ReplyComposer({ reviewId, listingName, reply }: ReplyTarget) {
  const [state, action, pending] = useActionState<SaveReplyState, FormData>(saveReplyAction, null);
  const [text, setText] = useState(() => state?.body ?? reply?.body ?? '');
  const id = `reply-${reviewId}`;
  const result = state?.result ?? null;
  const failure = result && !result.ok ? result : null;
  const saved = result && result.ok ? result.data : null;
  const bodyError = failure?.fieldErrors.body;
  const otherError = failure && !bodyError ? failure : null;
  const left = REPLY_MAX_LENGTH - text.length;
  const describedBy = [bodyError ? `${id}-error` : null, `${id}-hint`, `${id}-reminder`]
    .filter(Boolean)
    .join(' ');

  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="reviewId" value={String(reviewId)} />
      <ConfidentialityReminder id={`${id}-reminder`} />
      <div>
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-stone-900">
          Your public reply
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          required
          maxLength={REPLY_MAX_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={describedBy}
          className={TEXTAREA}
        />
        {bodyError ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
            {bodyError}
          </p>
        ) : null}
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          Shown under the review as “Reply from {listingName}”. Up to{' '}
          {REPLY_MAX_LENGTH.toLocaleString('en-US')} characters
          {left < 200 ? ` (${Math.max(0, left).toLocaleString('en-US')} left)` : ''}.
        </p>
      </div>

      {otherError ? (
        <FormMessage tone="error">
          {otherError.message}
          {otherError.code === 'second_factor' ? (
            <>
              {' '}
              <Link href="/account/security" className="font-semibold underline underline-offset-2">
                Confirm with your passkey
              </Link>
              , then save again.
            </>
          ) : null}
        </FormMessage>
      ) : null}

      {saved && saved.reply.status === 'pending' ? (
        <div
          role="status"
          className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p className="font-semibold">Your reply is held for a moderator</p>
          <p className="mt-1">It seems to disclose something about your client:</p>
          <ReplyFindings findings={saved.reply.findings} />
          <p className="mt-2">
            A moderator will read it before it appears on your profile. You can edit it now to take
            those details out: a reply without them is published straight away.
          </p>
        </div>
      ) : saved ? (
        <FormMessage tone="success">{SAVED_MESSAGES[saved.outcome]}</FormMessage>
      ) : null}

      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : reply ? 'Save changes' : 'Publish reply'}
      </Button>
    </form>
  );
}
