import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * The database as data, the same on both engines: its tables in an order that respects foreign
 * keys, their columns, rows as plain JSON values, and a checksum per table that does not depend on
 * row order or engine. Backups, their verification, and moving between engines all use it.
 * Derived data is left out: SQLite's full-text tables and PostgreSQL's `tsvector` column are
 * rebuilt from the rows (the catalogue and the search do that), the audit trail's write order on
 * PostgreSQL (`seq`, filled by its sequence) is not data either, and Kysely's own bookkeeping tables are not data.
 */

export type TableShape = { name: string; columns: string[]; key: string[] };
export type TableSummary = Record<string, { rows: number; sha256: string }>;

const DERIVED_TABLE = /^(kysely_|routes_fts|search_entries_fts|sqlite_)/;

async function sqliteShapes(db: Kysely<any>): Promise<{ shapes: TableShape[]; references: Map<string, Set<string>> }> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const shapes: TableShape[] = [];
  const references = new Map<string, Set<string>>();
  for (const { name } of tables.rows) {
    if (DERIVED_TABLE.test(name)) continue;
    const info = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db);
    const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    shapes.push({
      name,
      columns: info.rows.map((c) => c.name),
      key: info.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    });
    references.set(name, new Set(fks.rows.map((f) => f.table).filter((t) => t !== name)));
  }
  return { shapes, references };
}

async function postgresShapes(db: Kysely<any>): Promise<{ shapes: TableShape[]; references: Map<string, Set<string>> }> {
  const columns = await sql<{ table: string; column: string; type: string }>`
    select c.table_name as "table", c.column_name as "column", c.data_type as "type"
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select k.table_name as "table", k.column_name as "column"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by k.table_name, k.ordinal_position`.execute(db);
  const fks = await sql<{ table: string; target: string }>`
    select distinct tc.table_name as "table", ccu.table_name as "target"
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'`.execute(db);
  const byTable = new Map<string, TableShape>();
  for (const c of columns.rows) {
    if (DERIVED_TABLE.test(c.table)) continue;
    const shape = byTable.get(c.table) ?? { name: c.table, columns: [], key: [] };
    // Derived: the tsvector (rebuilt from the rows) and the audit trail's write order (PostgreSQL's own sequence; SQLite's rowid).
    if (c.type !== 'tsvector' && !(c.table === 'audit_events' && c.column === 'seq')) shape.columns.push(c.column);
    byTable.set(c.table, shape);
  }
  for (const k of keys.rows) byTable.get(k.table)?.key.push(k.column);
  const references = new Map<string, Set<string>>();
  for (const name of byTable.keys()) references.set(name, new Set());
  for (const f of fks.rows) if (f.table !== f.target) references.get(f.table)?.add(f.target);
  return { shapes: [...byTable.values()].sort((a, b) => a.name.localeCompare(b.name)), references };
}

/** The data tables, each after the tables it refers to (then by name), with columns and key. */
export async function dataTables(db: Kysely<any>): Promise<TableShape[]> {
  const { shapes, references } = isPostgres(db) ? await postgresShapes(db) : await sqliteShapes(db);
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const remaining = [...shapes];
  while (remaining.length > 0) {
    const next = remaining.findIndex((s) => [...(references.get(s.name) ?? [])].every((r) => placed.has(r) || !references.has(r)));
    // A cycle of foreign keys would stop the sort; the schema has none, so this is a bug if it happens.
    if (next < 0) throw new Error(`foreign keys form a cycle among ${remaining.map((s) => s.name).join(', ')}`);
    const [shape] = remaining.splice(next, 1) as [TableShape];
    ordered.push(shape);
    placed.add(shape.name);
  }
  return ordered;
}

/** A value as JSON: bytes as `{ "$b64": … }`, everything else as the driver gives it. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** The reverse of `toPlain`, for writing a row back. */
export function fromPlain(value: unknown): unknown {
  if (value && typeof value === 'object' && '$b64' in value) return Buffer.from(String((value as { $b64: string }).$b64), 'base64');
  return value;
}

/** A row as one JSON line with its columns in name order, so both engines write the same text. */
export function rowLine(shape: TableShape, row: Record<string, unknown>): string {
  const names = [...shape.columns].sort();
  return JSON.stringify(Object.fromEntries(names.map((n) => [n, toPlain(row[n])])));
}

const BATCH = 500;

/** Every row of a table, in key order, a batch at a time. */
export async function* tableRows(db: Kysely<any>, shape: TableShape): AsyncGenerator<Record<string, unknown>> {
  const order = shape.key.length > 0 ? shape.key : shape.columns;
  for (let offset = 0; ; offset += BATCH) {
    let query = db.selectFrom(shape.name).select(shape.columns);
    for (const column of order) query = query.orderBy(column);
    const rows = await query.limit(BATCH).offset(offset).execute();
    for (const row of rows) yield row as Record<string, unknown>;
    if (rows.length < BATCH) return;
  }
}

/** Rows and a checksum per table; the checksum is over the sorted hashes of the rows, so order does not matter. */
export async function summarise(db: Kysely<any>, shapes?: TableShape[]): Promise<TableSummary> {
  const summary: TableSummary = {};
  for (const shape of shapes ?? (await dataTables(db))) {
    const hashes: string[] = [];
    for await (const row of tableRows(db, shape)) hashes.push(createHash('sha256').update(rowLine(shape, row)).digest('hex'));
    hashes.sort();
    summary[shape.name] = { rows: hashes.length, sha256: createHash('sha256').update(hashes.join('\n')).digest('hex') };
  }
  return summary;
}

/** The names of the migrations this database has run, in order. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return result.rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** Whether a database holds nothing yet: no migrations run and no data tables. */
export async function isEmptyDatabase(db: Kysely<any>): Promise<boolean> {
  return (await appliedMigrations(db)).length === 0 && (await dataTables(db)).length === 0;
}
