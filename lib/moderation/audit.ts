import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, users } from '@/db/schema';
import { requireRole, type Viewer } from '@/lib/auth/viewer';

/** How many entries the audit page shows. */
export const AUDIT_PAGE_SIZE = 100;

/** The actions of moderation: reports, holds, decisions and appeals. */
const MODERATION_ACTIONS = sql`(${auditLog.action} like 'review.%' or ${auditLog.action} like 'appeal.%')`;

/** Detail keys an audit entry may show; anything else stays in the database. */
const SHOWN_DETAIL = [
  'reviewId',
  'appealId',
  'reason',
  'previousStatus',
  'openReports',
  'role',
  'previousRole',
  'reviews',
  'reviewCount',
  'listingsReleased',
] as const;

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  /**
   * Who acted: a moderator's or admin's public name; any other account is only "a member"
   * (reporters stay anonymous); null when no account acted (automatic, or since deleted).
   */
  actor: { kind: 'staff'; name: string } | { kind: 'member' } | null;
  detail: Partial<Record<(typeof SHOWN_DETAIL)[number], string | number>>;
}

/**
 * The latest audit entries, newest first (read only: the log is append-only and nothing here
 * changes it). Moderators see the moderation entries; admins see every entry.
 */
export async function listAuditEntries(viewer: Viewer | null): Promise<AuditEntry[]> {
  const me = requireRole(viewer, 'moderator');
  const rows = await getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorRole: users.role,
      actorName: users.displayName,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(me.role === 'admin' ? undefined : MODERATION_ACTIONS)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
  return rows.map((row) => {
    const staff =
      row.action !== 'review.reported' &&
      (row.actorRole === 'moderator' || row.actorRole === 'admin');
    const detail: AuditEntry['detail'] = {};
    for (const key of SHOWN_DETAIL) {
      const value = row.detail[key];
      if (typeof value === 'string' || typeof value === 'number') detail[key] = value;
    }
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      actor:
        row.actorId === null
          ? null
          : staff && row.actorName
            ? { kind: 'staff', name: row.actorName }
            : { kind: 'member' },
      detail,
    };
  });
}
