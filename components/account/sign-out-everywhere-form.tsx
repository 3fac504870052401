'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { signOutEverywhereAction } from '@/lib/account/actions';

/** Ends every session, this one included. */
export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3">
      {failure ? <FormMessage tone="error">{failure.message}</FormMessage> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
    </form>
  );
}
