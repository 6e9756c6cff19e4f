import { type Kysely, sql } from 'kysely';
import { isPostgres, timestampType } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  // A route carries the themes its registration chose, for the theme pages and the search filter.
  await db.schema.alterTable('routes').addColumn('themes', 'text').execute();

  // The site-wide search (features/search): one entry per published item, its analysed text indexed.
  await db.schema
    .createTable('search_entries')
    .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('ref_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entries_kind').on('search_entries').columns(['kind', 'updated_at']).execute();
  if (isPostgres(db)) {
    await db.schema.alterTable('search_entries').addColumn('search', sql`tsvector`).execute();
    await sql`create index search_entries_search on search_entries using gin (search)`.execute(db);
  } else {
    await sql`create virtual table search_entries_fts using fts5(key unindexed, title, body, tokenize = 'unicode61')`.execute(db);
  }

  await db.schema
    .createTable('knowledge_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('guide_parts')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('file_id', 'varchar(36)', (c) => c.references('knowledge_files.id').onDelete('set null'))
    .addColumn('published_at', ts)
    .addColumn('published_revision', 'integer')
    .addColumn('latest_revision', 'integer', (c) => c.notNull())
    .addColumn('part', 'varchar(32)', (c) => c.references('guide_parts.code'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_on', 'varchar(10)')
    .addColumn('review_due', 'varchar(10)')
    .addColumn('review_reason', 'text')
    .addColumn('review_mailed_for', 'varchar(64)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_items_kind').on('knowledge_items').columns(['kind', 'published_at']).execute();

  await db.schema
    .createTable('knowledge_revisions')
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('knowledge_items.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('file_id', 'varchar(36)', (c) => c.references('knowledge_files.id').onDelete('set null'))
    .addColumn('saved_at', ts, (c) => c.notNull())
    .addColumn('saved_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('restored_from', 'integer')
    .addPrimaryKeyConstraint('knowledge_revisions_pk', ['item_id', 'number'])
    .execute();

  await db.schema
    .createTable('theme_pages')
    .addColumn('theme_code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('intro_md', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_pages').execute();
  await db.schema.dropTable('knowledge_revisions').execute();
  await db.schema.dropTable('knowledge_items').execute();
  await db.schema.dropTable('guide_parts').execute();
  await db.schema.dropTable('knowledge_files').execute();
  if (!isPostgres(db)) await sql`drop table search_entries_fts`.execute(db);
  await db.schema.dropTable('search_entries').execute();
  await db.schema.alterTable('routes').dropColumn('themes').execute();
}
