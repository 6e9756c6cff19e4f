import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * The order audit events were written in, so the dashboard can read only what was added since it
 * last looked (monitoring/service.ts#trailEvents). SQLite has it already (`rowid`); PostgreSQL gets
 * a `seq` from a sequence, with an index. Neither is trusted alone: the dashboard also compares
 * the number of events, and reads everything again when they disagree (a VACUUM that renumbered,
 * or a transaction that committed out of sequence order).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table audit_events add column seq bigserial`.execute(db);
  await sql`create index audit_events_seq on audit_events (seq)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index audit_events_seq`.execute(db);
  await sql`alter table audit_events drop column seq`.execute(db);
}
