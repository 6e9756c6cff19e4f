import type { Kysely } from 'kysely';

/** The assessment queue sorts by the moment of submission; without an index every page sorted all rows. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('registrations_submitted').on('registrations').columns(['submitted_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_submitted').execute();
}
