import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Scheduled jobs (reminders, housekeeping) run once per interval across every process on one
 * database: a process takes a job's turn with a conditional update of its row (platform/jobs.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(128)')
    .addColumn('lease_until', ts)
    .addColumn('next_due_at', ts, (c) => c.notNull())
    .addColumn('last_run_at', ts)
    .addColumn('last_ok', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
}
