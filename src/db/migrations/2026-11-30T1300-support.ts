import type { Kysely } from 'kysely';
import { isPostgres, timestampType } from '../dialect.ts';

/**
 * Support (ondersteuning): requests of an admitted route on a theme, their thread (what the route
 * and the advisor write, by web or by mail), the team's internal notes in a table of their own,
 * attachments, the mails that arrived but could not be posted (held for the team), which outgoing
 * mail belongs to which request (the In-Reply-To fallback), and the acceptance conditions a closed
 * request fulfilled. The outbox learns a Reply-To address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';
  await db.schema.alterTable('outbox').addColumn('reply_to', 'text').execute();

  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('reference', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('theme', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('condition_text', 'text')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('advisor_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reply_token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('first_response_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('outcome', 'varchar(24)')
    .addColumn('summary', 'text')
    .addColumn('unassigned_alerted_at', ts)
    .addColumn('first_reminded_at', ts)
    .addColumn('solution_reminded_at', ts)
    .execute();
  await db.schema.createIndex('support_requests_state').on('support_requests').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('support_requests_route').on('support_requests').columns(['registration_id']).execute();

  await db.schema
    .createTable('support_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('from_team', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('via', 'varchar(8)', (c) => c.notNull())
    .addColumn('message_id', 'varchar(300)', (c) => c.unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_messages_request').on('support_messages').columns(['request_id', 'created_at']).execute();

  // Internal notes: their own table, so no page or mail that reads the thread can ever show one.
  await db.schema
    .createTable('support_notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('support_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
    .addColumn('message_id', 'varchar(36)', (c) => c.notNull().references('support_messages.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('support_mail_refs')
    .addColumn('outbox_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('support_held')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'varchar(300)', (c) => c.unique())
    .addColumn('request_id', 'varchar(36)', (c) => c.references('support_requests.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('handled_at', ts)
    .execute();

  await db.schema
    .createTable('condition_fulfilments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('registration_id', 'varchar(36)', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('condition_text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fulfilled_at', ts, (c) => c.notNull())
    .addColumn('fulfilled_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'condition_fulfilments',
    'support_held',
    'support_mail_refs',
    'support_files',
    'support_notes',
    'support_messages',
    'support_requests',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable('outbox').dropColumn('reply_to').execute();
}
