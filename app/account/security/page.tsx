import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import {
  AddPasskeyButton,
  PasskeyStepUpButton,
  RemovePasskeyForm,
  RenamePasskeyForm,
} from '@/components/auth/passkey-controls';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { listPasskeys, secondFactorStatus, type PasskeySummary } from '@/lib/auth/passkeys';
import { SECOND_FACTOR_HOURS } from '@/lib/auth/settings';
import { getViewer, type Viewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Sign-in and security' };

const TOOLS: Record<Viewer['role'], string> = {
  member: '',
  therapist: 'therapist tools',
  moderator: 'moderation tools',
  admin: 'admin tools',
};

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function Day({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{DAY.format(at)}</time>;
}

function remaining(until: Date): string {
  const minutes = Math.max(1, Math.round((until.getTime() - Date.now()) / 60_000));
  if (minutes < 90) return `${minutes} more minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} more hour${hours === 1 ? '' : 's'}`;
}

function PasskeyItem({ passkey }: { passkey: PasskeySummary }) {
  return (
    <li className="space-y-3 py-5 first:pt-0 last:pb-0">
      <div>
        <h3 className="text-base font-semibold break-words text-stone-900">{passkey.name}</h3>
        <p className="mt-1 text-sm text-stone-600">
          Added <Day at={passkey.createdAt} />
          {' · '}
          {passkey.lastUsedAt ? (
            <>
              Last used <Day at={passkey.lastUsedAt} />
            </>
          ) : (
            'Not used to sign in yet'
          )}
          {passkey.backedUp ? ' · Synced to your other devices' : ''}
        </p>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <RenamePasskeyForm id={passkey.id} name={passkey.name} />
        </div>
        <RemovePasskeyForm id={passkey.id} name={passkey.name} />
      </div>
    </li>
  );
}

function SecondFactorSection({ viewer, hasPasskey }: { viewer: Viewer; hasPasskey: boolean }) {
  const status = secondFactorStatus(viewer);
  if (!status.required) return null;
  const tools = TOOLS[viewer.role];
  return (
    <Card as="section" aria-labelledby="confirm-heading" className="p-6 sm:p-8">
      <h2 id="confirm-heading" className="text-lg font-semibold text-stone-900">
        Confirm it’s you
      </h2>
      {!hasPasskey ? (
        <FormMessage tone="error" className="mt-3">
          Your account needs a passkey before you can use {tools}. Add one below: it keeps the
          account safe even if someone gets into your email.
        </FormMessage>
      ) : (
        <div className="mt-3 space-y-4">
          {status.confirmedUntil ? (
            <FormMessage tone="success">
              You confirmed it’s you with a passkey. This counts for{' '}
              {remaining(status.confirmedUntil)} on this device.
            </FormMessage>
          ) : (
            <p className="text-base text-stone-700">
              To use {tools}, or to add or remove passkeys, confirm it’s you with one of your
              passkeys. It counts for {SECOND_FACTOR_HOURS} hours on this device.
            </p>
          )}
          <PasskeyStepUpButton />
        </div>
      )}
    </Card>
  );
}

export default async function SecurityPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/account/security');
  const passkeys = await listPasskeys(viewer);

  return (
    <Container className="max-w-3xl py-10 sm:py-14">
      <p className="text-sm">
        <Link href="/account" className="font-semibold text-teal-800 underline">
          Your account
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">
        Sign-in and security
      </h1>
      <p className="mt-2 text-base text-stone-700">
        Sign in with a link we email you, or with a passkey: your device’s fingerprint, face or
        screen lock, with nothing to type or remember.
      </p>

      <div className="mt-8 space-y-6">
        <SecondFactorSection viewer={viewer} hasPasskey={passkeys.length > 0} />

        <Card as="section" aria-labelledby="passkeys-heading" className="p-6 sm:p-8">
          <h2 id="passkeys-heading" className="text-lg font-semibold text-stone-900">
            Passkeys
          </h2>
          {passkeys.length === 0 ? (
            <p className="mt-3 text-base text-stone-700">
              You have no passkeys yet. Add one on each phone or computer you use to sign in.
            </p>
          ) : (
            <ul className="mt-4 divide-y divide-stone-200" aria-label="Your passkeys">
              {passkeys.map((passkey) => (
                <PasskeyItem key={passkey.id} passkey={passkey} />
              ))}
            </ul>
          )}
          <div className="mt-6 border-t border-stone-200 pt-6">
            <AddPasskeyButton />
          </div>
        </Card>
      </div>
    </Container>
  );
}
