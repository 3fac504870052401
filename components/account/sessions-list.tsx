import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import { EndSessionForm } from './end-session-form';
import { SignOutEverywhereForm } from './sign-out-everywhere-form';

/** A session as the account page lists it (dates as ISO strings). */
export interface AccountSessionView {
  id: string;
  method: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

const METHODS: Record<string, string> = {
  email: 'an email link',
  passkey: 'a passkey',
  github: 'GitHub',
  google: 'Google',
};

function DateText({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDate(iso) ?? iso.slice(0, 10)}</time>;
}

/** The member's open sessions, each with how it was opened and when it was last used. */
export function SessionsList({ sessions }: { sessions: AccountSessionView[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-5">
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200">
        {sessions.map((session) => {
          const device = session.device ?? 'Unknown device';
          return (
            <li
              key={session.id}
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="space-y-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  {device}
                  {session.current ? <Badge tone="brand">This device</Badge> : null}
                </p>
                <p className="text-sm text-stone-700">
                  Signed in with {METHODS[session.method] ?? session.method} on{' '}
                  <DateText iso={session.createdAt} />
                </p>
                <p className="text-sm text-stone-600">
                  Last active <DateText iso={session.lastSeenAt} />
                </p>
              </div>
              {session.current ? null : <EndSessionForm sessionId={session.id} label={device} />}
            </li>
          );
        })}
      </ul>
      <div className="space-y-2">
        <p className="text-sm text-stone-700">
          {others > 0
            ? 'Lost a device, or signed in somewhere you should not have? End every session at once; you sign in again with a new link.'
            : 'You are signed in on this device only. Signing out everywhere also ends this session.'}
        </p>
        <SignOutEverywhereForm />
      </div>
    </div>
  );
}
