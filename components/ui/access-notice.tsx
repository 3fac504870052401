import type { ReactNode } from 'react';
import type { AppErrorCode } from '@/lib/errors';
import { ButtonLink } from './button';
import { Container } from './container';
import { FormMessage } from './form-message';

/**
 * Why a page cannot be shown to this account, and the way forward: a passkey to add or confirm
 * on the sign-in and security page, or what the page offers an account it is not for.
 */
export function AccessNotice({
  title,
  refusal,
  passkeyWhy,
  forbidden,
  standalone = false,
}: {
  title: string;
  /** The data layer's refusal (an AppError's code and message). */
  refusal: { code: AppErrorCode; message: string };
  /** Why the page needs a passkey, said when one is missing or unconfirmed. */
  passkeyWhy?: string;
  /** The way forward for an account the page is not for, said instead of the bare refusal. */
  forbidden?: ReactNode;
  /** A page outside a layout that sets its own frame. */
  standalone?: boolean;
}) {
  const notice = (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
      {refusal.code === 'forbidden' && forbidden ? (
        forbidden
      ) : (
        <FormMessage tone="error">{refusal.message}</FormMessage>
      )}
      {refusal.code === 'second_factor' ? (
        <>
          {passkeyWhy ? <p className="text-sm text-stone-700">{passkeyWhy}</p> : null}
          <ButtonLink href="/account/security">Go to sign-in and security</ButtonLink>
        </>
      ) : null}
    </div>
  );
  return standalone ? <Container className="py-10">{notice}</Container> : notice;
}
