'use client';

import { useActionState } from 'react';
import { setBannedAction, setMemberRoleAction } from '@/lib/admin/actions';
import type { UserRole } from '@/db/schema/enums';

const SMALL_BUTTON =
  'inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 text-sm font-semibold text-stone-900 hover:bg-stone-50 disabled:opacity-60';

/** Role and ban controls for one member, with the outcome announced beside them. */
export function MemberControls({
  userId,
  label,
  role,
  banned,
}: {
  userId: string;
  /** The member's public name, for the controls' accessible names. */
  label: string;
  role: UserRole;
  banned: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState(setMemberRoleAction, null);
  const [banState, banAction, banPending] = useActionState(setBannedAction, null);
  const outcome = [roleState, banState].filter((s) => s !== null).at(-1);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {role !== 'therapist' ? (
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            Role of {label}
          </label>
          <select
            id={`role-${userId}`}
            name="role"
            defaultValue={role}
            className="min-h-11 rounded-lg border border-stone-300 bg-white px-2 text-sm"
          >
            <option value="member">Member</option>
            <option value="moderator">Moderator</option>
            <option value="admin">Admin</option>
          </select>
          <button type="submit" className={SMALL_BUTTON} disabled={rolePending}>
            Set role
          </button>
        </form>
      ) : null}
      <form action={banAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="banned" value={banned ? 'false' : 'true'} />
        <button type="submit" className={SMALL_BUTTON} disabled={banPending}>
          {banned ? `Lift ban on ${label}` : `Ban ${label}`}
        </button>
      </form>
      {outcome ? (
        <p role="status" className={outcome.ok ? 'text-sm text-teal-900' : 'text-sm text-red-800'}>
          {outcome.ok ? outcome.data : outcome.message}
        </p>
      ) : null}
    </div>
  );
}
