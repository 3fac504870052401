'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { setBanned } from '@/lib/auth/sessions';
import { getViewer } from '@/lib/auth/viewer';
import { ASSIGNABLE_ROLES, setMemberRole } from './mutations';

const banSchema = z.strictObject({
  userId: z.uuid('Choose a member.'),
  banned: z.enum(['true', 'false']),
});

/** Bans or unbans a member: a ban ends every session at once. */
export async function setBannedAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('setBanned', async () => {
    const input = parseInput(banSchema, formFields(form));
    const banned = input.banned === 'true';
    await setBanned(await getViewer(), input.userId, banned);
    revalidatePath('/admin/members');
    return banned ? 'Banned; every session ended.' : 'Ban lifted.';
  });
}

const roleSchema = z.strictObject({
  userId: z.uuid('Choose a member.'),
  role: z.enum(ASSIGNABLE_ROLES, 'Choose member, moderator or admin.'),
});

export async function setMemberRoleAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('setMemberRole', async () => {
    const input = parseInput(roleSchema, formFields(form));
    await setMemberRole(await getViewer(), input.userId, input.role);
    revalidatePath('/admin/members');
    return `Role set to ${input.role}.`;
  });
}
