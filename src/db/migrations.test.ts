import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ENGINE, freshDatabaseUrl, testConfig } from '../../test/helpers.ts';
import { connect } from './connect.ts';
import { isPostgres } from './dialect.ts';
import { migrateAllDown, migrateToLatest } from './migrate.ts';

async function tableNames(db: ReturnType<typeof connect>): Promise<string[]> {
  const rows = isPostgres(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
        db,
      )
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

test(`migrations go up, down to nothing, and up again (${ENGINE})`, async (t) => {
  const config = testConfig(await freshDatabaseUrl(t));
  const db = connect(config.database);
  t.after(() => db.destroy());

  const all = [
    '2026-11-26T1800-foundation',
    '2026-11-26T1900-registrations',
    '2026-11-26T2000-assessments',
    '2026-11-26T2100-kickoffs',
    '2026-11-26T2200-catalogue',
    '2026-11-29T2000-participant-state',
    '2026-11-29T2100-queue-index',
    '2026-11-29T2300-story-asset-removal',
    '2026-11-30T0000-team-version',
    '2026-11-30T0200-institution-sign-in',
    '2026-11-30T0300-job-runs',
    '2026-11-30T0400-events',
    '2026-11-30T0800-knowledge',
    '2026-11-30T0900-assessment-version',
    '2026-11-30T1000-monitor',
    '2026-11-30T1100-figure-columns',
    '2026-11-30T1200-administration',
    '2026-11-30T1300-support',
    '2026-11-30T1400-privacy',
    '2026-11-30T1500-criterion-versions',
    '2026-11-30T1600-audit-sequence',
    '2026-11-30T1700-support-counters',
    '2026-11-30T1750-partner-role',
    '2026-11-30T1800-network',
    '2026-11-30T1900-mijn-version',
    '2026-12-01T0400-mijn-per-hogeschool',
  ];
  assert.deepEqual(
    await migrateToLatest(db),
    all.map((m) => `uitgevoerd: ${m}`),
  );
  assert.deepEqual(await migrateToLatest(db), [], 'a second run does nothing');
  const tables = (await tableNames(db)).filter(
    (n) => !n.startsWith('kysely_') && !n.startsWith('routes_fts') && !n.startsWith('search_entries_fts'),
  );
  assert.deepEqual(tables, [
    'assessments',
    'assignments',
    'audit_events',
    'comments',
    'condition_fulfilments',
    'conflict_dismissals',
    'criteria',
    'criterion_versions',
    'decisions',
    'erasure_ledger',
    'event_pending',
    'event_registrations',
    'events',
    'figure_snapshots',
    'guide_parts',
    'institution_domains',
    'institution_imports',
    'institutions',
    'introductions',
    'job_runs',
    'kickoffs',
    'knowledge_files',
    'knowledge_items',
    'knowledge_revisions',
    'link_requests',
    'mail_templates',
    'member_affiliations',
    'monitor_counts',
    'monitor_reports',
    'monitor_years',
    'oidc_attempts',
    'oidc_identities',
    'oidc_pending_links',
    'organisation_links',
    'organisation_signups',
    'organisation_users',
    'organisations',
    'outbox',
    'pages',
    'provinces',
    'reference_counters',
    'registration_files',
    'registration_versions',
    'registrations',
    'routes',
    'search_entries',
    'sectors',
    'sessions',
    'settings',
    'sign_in_tokens',
    'slots',
    'stories',
    'support_counters',
    'support_files',
    'support_held',
    'support_mail_refs',
    'support_messages',
    'support_notes',
    'support_requests',
    'theme_pages',
    'themes',
    'toolkit_assets',
    'unknown_home_organisations',
    'users',
  ]);

  assert.deepEqual(
    await migrateAllDown(db),
    [...all].reverse().map((m) => `teruggedraaid: ${m}`),
  );
  assert.deepEqual(
    (await tableNames(db)).filter((n) => !n.startsWith('kysely_')),
    [],
  );
  assert.deepEqual(
    await migrateToLatest(db),
    all.map((m) => `uitgevoerd: ${m}`),
  );
});

test(`the schema refuses what the code never writes: unknown roles, dangling references (${ENGINE})`, async (t) => {
  const config = testConfig(await freshDatabaseUrl(t));
  const db = connect(config.database);
  t.after(() => db.destroy());
  await migrateToLatest(db);
  const user = { id: 'u1', email: 'x@y.nl', name: null, created_at: new Date().toISOString(), last_sign_in_at: null, disabled_at: null };
  await assert.rejects(
    db
      .insertInto('users')
      .values({ ...user, role: 'root' as never, institution_brin: null })
      .execute(),
  );
  await assert.rejects(
    db
      .insertInto('users')
      .values({ ...user, role: 'applicant', institution_brin: 'XXXX' })
      .execute(),
  );
  await assert.rejects(
    db
      .insertInto('users')
      .values([
        { ...user, role: 'team', institution_brin: null },
        { ...user, id: 'u2', role: 'team', institution_brin: null },
      ])
      .execute(),
    'e-mail addresses are unique',
  );
});
