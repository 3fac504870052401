import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { requireRole, type Viewer } from '@/lib/auth/viewer';

/** Roles an admin can give here; the therapist role comes only from a claim. */
export const ASSIGNABLE_ROLES = ['member', 'moderator', 'admin'] as const;

/** Changes a member's role; admins only, never their own, audit-logged. */
export async function setMemberRole(
  viewer: Viewer | null,
  userId: string,
  role: (typeof ASSIGNABLE_ROLES)[number],
): Promise<void> {
  const admin = requireRole(viewer, 'admin');
  if (admin.userId === userId) {
    throw new AppError('forbidden', 'Ask another admin to change your own role.');
  }
  await getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before) throw new AppError('not_found', 'There is no such member.');
    if (before.role === 'therapist') {
      throw new AppError(
        'forbidden',
        'A therapist account keeps its role while it holds a listing.',
      );
    }
    if (before.role === role) return;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await tx.insert(auditLog).values({
      actorId: admin.userId,
      action: 'user.role_set',
      subjectUserId: userId,
      detail: { role, previousRole: before.role },
    });
  });
}
