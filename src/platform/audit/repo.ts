import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { sortableId } from '../crypto.ts';

export type AuditInput = {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
};

/** Append-only: there is deliberately no update or delete for audit events. */
export async function recordAudit(db: Kysely<Database>, event: AuditInput, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: sortableId(),
      at: at.toISOString(),
      actor_user_id: event.actorUserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })
    .execute();
}

export async function listAuditFor(db: Kysely<Database>, subjectType: string, subjectId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
