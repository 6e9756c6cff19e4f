import { type Kysely, sql } from 'kysely';
import { isPostgres, timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  // The public projection of an accepted route: only what its hogeschool consented to publish.
  await db.schema
    .createTable('routes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().references('registrations.id').onDelete('cascade'))
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('institution_brin', 'varchar(4)', (c) => c.notNull())
    .addColumn('institution_name', 'text', (c) => c.notNull())
    .addColumn('institution_website', 'text')
    .addColumn('level', 'varchar(2)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('sector', 'varchar(2)', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('participation', 'varchar(16)', (c) => c.notNull())
    .addColumn('croho', 'varchar(5)')
    .addColumn('description', 'text')
    .addColumn('locations', 'text')
    .addColumn('target_groups', 'text')
    .addColumn('partners', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('unpublished_reason', 'text')
    .addColumn('first_published_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('routes_listing').on('routes').columns(['published', 'first_published_at']).execute();
  await db.schema.createIndex('routes_sector').on('routes').columns(['published', 'sector']).execute();
  await db.schema.createIndex('routes_province').on('routes').columns(['published', 'province']).execute();

  if (isPostgres(db)) {
    await db.schema.alterTable('routes').addColumn('search', sql`tsvector`).execute();
    await sql`create index routes_search on routes using gin (search)`.execute(db);
  } else {
    await sql`create virtual table routes_fts using fts5(id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  }

  await db.schema
    .createTable('stories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('route_id', 'varchar(36)', (c) => c.notNull().references('routes.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('consent_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('consent_note', 'text', (c) => c.notNull())
    .addColumn('theme', 'varchar(32)')
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('image', blob)
    .addColumn('image_alt', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('toolkit_assets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('toolkit_assets').execute();
  await db.schema.dropTable('stories').execute();
  if (!isPostgres(db)) await sql`drop table routes_fts`.execute(db);
  await db.schema.dropTable('routes').execute();
}
