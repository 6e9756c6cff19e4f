import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

/**
 * A fourth role, `partner`: the contact of an organisation in the network, who sees only that
 * organisation. The role column's CHECK constraint is widened. On SQLite a CHECK cannot be altered,
 * so the table's stored definition is edited in place as SQLite documents for changes that do not
 * touch the stored rows (https://www.sqlite.org/lang_altertable.html, "making other kinds of table
 * schema changes"): every existing row satisfies the wider check, so nothing on disk changes.
 */
const BEFORE = "role in ('applicant', 'team', 'admin')";
const AFTER = "role in ('applicant', 'team', 'admin', 'partner')";

async function replaceSqlite(db: Kysely<any>, from: string, to: string): Promise<void> {
  const version = Number((await sql<{ schema_version: number }>`pragma schema_version`.execute(db)).rows[0]?.schema_version ?? 0);
  await sql`pragma writable_schema = on`.execute(db);
  await sql`update sqlite_master set sql = replace(sql, ${from}, ${to}) where type = 'table' and name = 'users'`.execute(db);
  await sql.raw(`pragma schema_version = ${version + 1}`).execute(db);
  await sql`pragma writable_schema = off`.execute(db);
}

async function replacePostgres(db: Kysely<any>, check: string): Promise<void> {
  const found = await sql<{
    conname: string;
  }>`select conname from pg_constraint where conrelid = 'users'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%role%'`.execute(
    db,
  );
  for (const c of found.rows) await sql.raw(`alter table users drop constraint "${c.conname}"`).execute(db);
  await sql.raw(`alter table users add constraint users_role_check check (${check})`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await replacePostgres(db, AFTER);
  else await replaceSqlite(db, BEFORE, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('users').set({ role: 'applicant' }).where('role', '=', 'partner').execute();
  if (isPostgres(db)) await replacePostgres(db, BEFORE);
  else await replaceSqlite(db, AFTER, BEFORE);
}
