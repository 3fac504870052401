import 'server-only';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { auditLog, therapists, users } from '@/db/schema';
import { requireRole, type Viewer } from '@/lib/auth/viewer';

/** How many entries the audit page shows. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * The areas of the log, by action prefix. Moderators see these; admins also see account acts
 * (roles, bans, sessions, passkeys), which belong to no area.
 */
export const AUDIT_AREAS = {
  reviews: ['review.', 'appeal.'],
  claims: ['claim.'],
  listings: ['listing.', 'invitation.'],
  replies: ['reply.'],
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;

export const AUDIT_AREA_LABELS: Record<AuditArea, string> = {
  reviews: 'Reviews and appeals',
  claims: 'Claims and disputes',
  listings: 'Listing changes and invitations',
  replies: 'Replies',
};

function actionIn(prefixes: readonly string[]): SQL {
  return sql`(${sql.join(
    prefixes.map((prefix) => sql`${auditLog.action} like ${`${prefix}%`}`),
    sql` or `,
  )})`;
}

const MODERATION_ACTIONS = actionIn(Object.values(AUDIT_AREAS).flat());

/** What the log page may be asked for: an area, one listing, and entries older than an id. */
export const auditFilterInput = z.strictObject({
  area: z.enum(Object.keys(AUDIT_AREAS) as [AuditArea, ...AuditArea[]]).optional(),
  listing: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditFilter = z.output<typeof auditFilterInput>;

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
  'claimId',
  'kind',
  'replyId',
  'status',
  'sent',
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
  /** The listing the act concerns, when there is one and it still exists. */
  listing: { id: number; slug: string; name: string } | null;
  detail: Partial<Record<(typeof SHOWN_DETAIL)[number], string | number>>;
}

/**
 * Audit entries, newest first, a page at a time (read only: the log is append-only and nothing
 * here changes it). Moderators see the moderation entries; admins see every entry. `filter`
 * narrows to an area, a listing, and entries older than an id (the next page).
 */
export async function listAuditEntries(
  viewer: Viewer | null,
  filter: AuditFilter = {},
): Promise<AuditEntry[]> {
  const me = requireRole(viewer, 'moderator');
  const conditions: SQL[] = [];
  if (me.role !== 'admin') conditions.push(MODERATION_ACTIONS);
  if (filter.area) conditions.push(actionIn(AUDIT_AREAS[filter.area]));
  if (filter.listing) conditions.push(eq(auditLog.therapistId, filter.listing));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  const rows = await getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorRole: users.role,
      actorName: users.displayName,
      detail: auditLog.detail,
      listingId: therapists.id,
      listingSlug: therapists.slug,
      listingName: therapists.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(therapists, eq(therapists.id, auditLog.therapistId))
    .where(and(...conditions))
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
      listing:
        row.listingId !== null && row.listingSlug !== null && row.listingName !== null
          ? { id: row.listingId, slug: row.listingSlug, name: row.listingName }
          : null,
      detail,
    };
  });
}
