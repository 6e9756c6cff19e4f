import type { Kysely } from 'kysely';

/** The themes a team member declares expertise in (JSON list of theme codes), for assigning support later. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('expertise', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('expertise').execute();
}
