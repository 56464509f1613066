/**
 * The audit trail: every change made through the API (topic created, config altered, records deleted, offsets
 * reset, message produced, users managed, sign-ins) is written to `audit_log` by the procedure that made it,
 * after the change succeeded.
 */
import { auditLog, type Database } from '@sluice/db';

export async function recordAudit(
  db: Database,
  actor: string,
  action: string,
  target: string,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  await db.insert(auditLog).values({ actor, action, target, details });
}
