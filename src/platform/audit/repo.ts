import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { sortableId } from '../crypto.ts';
import { deliveryStates } from '../mail/repo.ts';
import { auditLabel } from './labels.ts';

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

export type TrailEntry = { at: string; actor: string; action: string; label: string; detail: string };

/**
 * The whole history of a subject for the team: each event with who did it and its label. A mail
 * shows as queued until the outbox has delivered it, then as sent.
 */
export async function trailOf(db: Kysely<Database>, subjectType: string, subjectId: string): Promise<TrailEntry[]> {
  const rows = await db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select(['audit_events.at', 'audit_events.action', 'audit_events.detail', 'users.name as actor_name', 'users.email as actor_email'])
    .where('audit_events.subject_type', '=', subjectType)
    .where('audit_events.subject_id', '=', subjectId)
    .orderBy('audit_events.at')
    .orderBy('audit_events.id')
    .execute();
  const details = rows.map((r) => (r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {}));
  const outboxIds = details.map((d) => d.outboxId).filter((v): v is string => typeof v === 'string');
  const delivered = await deliveryStates(db, outboxIds);
  const name = await peopleNamed(db, details);
  return rows.map((r, i) => {
    const d = details[i] ?? {};
    const known = auditLabel(r.action);
    let label = known?.team ?? r.action;
    if (r.action === 'mail.queued')
      label = typeof d.outboxId === 'string' && delivered.get(d.outboxId) ? 'E-mail verstuurd' : 'E-mail in de wachtrij';
    return { at: r.at, actor: r.actor_name ?? r.actor_email ?? 'systeem', action: r.action, label, detail: known?.detail?.(d, name) ?? '' };
  });
}

/** The names (as they are now) of the accounts the details refer to by `userIds`. */
export async function peopleNamed(db: Kysely<Database>, details: Record<string, unknown>[]): Promise<(id: string) => string> {
  const ids = [
    ...new Set(details.flatMap((d) => (Array.isArray(d.userIds) ? d.userIds.filter((x): x is string => typeof x === 'string') : []))),
  ];
  const rows = ids.length ? await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute() : [];
  const names = new Map(rows.map((r) => [r.id, r.name ?? r.email]));
  return (id) => names.get(id) ?? 'onbekend account';
}

/** What the applicant sees of a subject's history: only events whose label says so. */
export async function timelineOf(db: Kysely<Database>, subjectType: string, subjectId: string): Promise<{ at: string; label: string }[]> {
  const rows = await listAuditFor(db, subjectType, subjectId);
  return rows.flatMap((e) => {
    const known = auditLabel(e.action)?.applicant;
    return known ? [{ at: e.at, label: known(e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {}) }] : [];
  });
}

/** Removes the audit events about these subjects or by these people (only for removing demo data). */
export async function deleteAuditOf(db: Kysely<Database>, subjectIds: string[], actorIds: string[]): Promise<void> {
  if (subjectIds.length) await db.deleteFrom('audit_events').where('subject_id', 'in', subjectIds).execute();
  if (actorIds.length) await db.deleteFrom('audit_events').where('actor_user_id', 'in', actorIds).execute();
}

/** Every event with one of these actions on one kind of subject, oldest first (the team's figures). */
export async function auditEventsWithActions(db: Kysely<Database>, subjectType: string, actions: string[]) {
  if (actions.length === 0) return [];
  return db
    .selectFrom('audit_events')
    .select(['subject_id as subjectId', 'action', 'at', writeOrder(db).as('seq')])
    .where('subject_type', '=', subjectType)
    .where('action', 'in', actions)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The order events were written in: SQLite's rowid, PostgreSQL's `seq` (migration 2026-11-30T1600). */
const writeOrder = (db: Kysely<Database>) => (isPostgres(db) ? sql<number>`cast(seq as integer)` : sql<number>`rowid`);

/** Events of these actions written after `afterSeq` (in the order written). */
export async function auditEventsAfter(db: Kysely<Database>, subjectType: string, actions: string[], afterSeq: number) {
  return db
    .selectFrom('audit_events')
    .select(['subject_id as subjectId', 'action', 'at', writeOrder(db).as('seq')])
    .where('subject_type', '=', subjectType)
    .where('action', 'in', actions)
    .where(isPostgres(db) ? sql<number>`seq` : sql<number>`rowid`, '>', afterSeq)
    .orderBy(isPostgres(db) ? sql`seq` : sql`rowid`)
    .execute();
}

/** How many events of these actions there are. */
export async function countAuditEvents(db: Kysely<Database>, subjectType: string, actions: string[]): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('subject_type', '=', subjectType)
    .where('action', 'in', actions)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type AuditFilters = {
  /** Part of the actor's name or e-mail address; "systeem" finds the events without a person. */
  who?: string;
  action?: string;
  subjectType?: string;
  /** Exact identifiers of the object (a reference the caller resolved, or the id typed). */
  subjectIds?: string[];
  /** yyyy-mm-dd, inclusive, in UTC days. */
  from?: string;
  to?: string;
};

function auditQuery(db: Kysely<Database>, f: AuditFilters) {
  let q = db.selectFrom('audit_events').leftJoin('users', 'users.id', 'audit_events.actor_user_id');
  if (f.who === 'systeem') q = q.where('audit_events.actor_user_id', 'is', null);
  else if (f.who) {
    const like = `%${f.who.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['users.email']), 'like', like), eb(eb.fn('lower', ['users.name']), 'like', like)]));
  }
  if (f.action) q = q.where('audit_events.action', '=', f.action);
  if (f.subjectType) q = q.where('audit_events.subject_type', '=', f.subjectType);
  if (f.subjectIds) q = f.subjectIds.length ? q.where('audit_events.subject_id', 'in', f.subjectIds) : q.where(sql<boolean>`1 = 0`);
  if (f.from) q = q.where('audit_events.at', '>=', `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where('audit_events.at', '<', new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  return q;
}

/** The audit log for the administrator: newest first, a page at a time, with the total. */
export async function searchAudit(db: Kysely<Database>, f: AuditFilters, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    auditQuery(db, f)
      .select([
        'audit_events.id',
        'audit_events.at',
        'audit_events.action',
        'audit_events.subject_type',
        'audit_events.subject_id',
        'audit_events.detail',
        'audit_events.actor_user_id',
        'users.name as actor_name',
        'users.email as actor_email',
      ])
      .orderBy('audit_events.at', 'desc')
      .orderBy('audit_events.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    auditQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The kinds of object the log holds (its filter). */
export async function auditSubjectTypes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('audit_events').select('subject_type').distinct().orderBy('subject_type').execute()).map(
    (r) => r.subject_type,
  );
}
