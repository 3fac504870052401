import 'server-only';
import { desc, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { sessions, users, type UserRole } from '@/db/schema';
import { requireRole, type Viewer } from '@/lib/auth/viewer';

/** A member as an admin sees them in the members list. */
export interface MemberRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  joinedAt: Date;
  bannedAt: Date | null;
  activeSessions: number;
}

/** Members whose email or public name contains `query` (newest first); admins only. */
export async function listMembers(viewer: Viewer | null, query: string): Promise<MemberRow[]> {
  requireRole(viewer, 'admin');
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      joinedAt: users.createdAt,
      bannedAt: users.bannedAt,
      activeSessions: sql<number>`(select count(*)::int from ${sessions}
        where ${sessions.userId} = ${users.id} and ${sessions.expires} > now())`,
    })
    .from(users)
    .where(query ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined)
    .orderBy(desc(users.createdAt))
    .limit(25);
}
