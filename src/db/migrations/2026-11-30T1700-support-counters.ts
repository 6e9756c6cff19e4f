import { type Kysely, sql } from 'kysely';

/**
 * Support references (ONDS-2026-0001) from a counter per year, raised atomically in the
 * transaction that makes the request: counting the existing requests and adding one gave two
 * requests made at the same moment on PostgreSQL the same number. The counter starts at the
 * highest number already given.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('support_requests').select('reference').execute();
  const highest = new Map<number, number>();
  for (const { reference } of rows as { reference: string }[]) {
    const m = /^ONDS-(\d{4})-(\d+)$/.exec(reference);
    if (m) highest.set(Number(m[1]), Math.max(highest.get(Number(m[1])) ?? 0, Number(m[2])));
  }
  for (const [year, last] of highest) await sql`insert into support_counters (year, last_number) values (${year}, ${last})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_counters').execute();
}
