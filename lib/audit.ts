import 'server-only';
import type { Executor } from '@/db';
import { auditLog } from '@/db/schema';

export interface AuditRecord {
  /** Who acted; null for the system (a job) or the command line. */
  actorId: string | null;
  /** A dotted name: "claim.code_sent", "listing.contact_change_applied", ... */
  action: string;
  subjectUserId?: string | null;
  therapistId?: number | null;
  detail?: Record<string, unknown>;
}

/** Appends one entry to the audit log, in the caller's transaction. */
export async function recordAudit(executor: Executor, record: AuditRecord): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: record.actorId,
    action: record.action,
    subjectUserId: record.subjectUserId ?? null,
    therapistId: record.therapistId ?? null,
    detail: record.detail ?? {},
  });
}
