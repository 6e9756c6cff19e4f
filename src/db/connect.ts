import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';

export type Db = Kysely<Database>;

// timestamptz → the same ISO-8601 UTC string the SQLite side stores, so services see one type.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
// count(*) is bigint in PostgreSQL; our counts fit in a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/**
 * SQLite transactions start with BEGIN IMMEDIATE: they take the write lock at the start and wait
 * for it (busy_timeout). With the default deferred BEGIN, a transaction that reads and then writes
 * fails at once with SQLITE_BUSY when another connection (another process) wrote in between.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL is a good part of a small
 * query's cost. This keeps the most recent prepared statements per SQL text (a bounded LRU:
 * `in (?, ?, …)` lists of every length make new texts) and hands them out again.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * SQL texts run as named (server-side prepared) statements on PostgreSQL: planned once per
 * connection instead of on every run. PostgreSQL plans an unnamed statement anew each time; for
 * the session lookup (three joins and the page counters) that was 0.35 ms of planning against
 * 0.09 ms of execution, 353 µs against 104 µs a lookup (bench/RESULTS.md). Only the fixed-shape
 * queries of db/prepared.ts are named; the name is derived from the text, so one name never
 * stands for two texts.
 */
const namedStatements = new Map<string, string>();

export function nameStatement(text: string): void {
  if (!namedStatements.has(text)) namedStatements.set(text, `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`);
}

type QueryFn = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/** Kysely hands pg `client.query(text, values)`; a named text goes as `{ name, text, values }`. */
function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (text, values, callback) => {
    const name = typeof text === 'string' ? namedStatements.get(text) : undefined;
    return name ? query({ name, text, values }, callback) : query(text, values, callback);
  };
}

/** Every statement Kysely runs, with its values (a test's record of what a page reads; debugging). */
export type QueryObserver = (sql: string, parameters: readonly unknown[]) => void;

export function connect(database: Config['database'], options: { poolSize?: number; onQuery?: QueryObserver } = {}): Db {
  const observe = options.onQuery;
  const log = observe
    ? (event: LogEvent) => {
        if (event.level === 'query') observe(event.query.sql, event.query.parameters);
      }
    : undefined;
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its connection (e.g. the server restarting) must not crash the process.
    pool.on('error', () => {});
    pool.on('connect', useNamedStatements);
    const side = sideConnection(database.url);
    const endPool = pool.end.bind(pool);
    // Kysely's destroy() ends the pool; the side connection ends with it, or it would keep the process alive.
    pool.end = (async () => {
      await side.end();
      await endPool();
    }) as typeof pool.end;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    sideQueries.set(db, side.query);
    return db;
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const sqlite = new SQLite(database.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), log });
  sqliteHandles.set(db, sqlite);
  return db;
}

const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/**
 * The better-sqlite3 connection behind a SQLite `Db`, for the one read that must cost
 * microseconds (the render cache's version check); undefined on PostgreSQL.
 */
export function rawSqlite(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/** One statement on a connection of its own: its rows as arrays of column values. */
export type SideQuery = (name: string, text: string, values: unknown[]) => Promise<unknown[][]>;

const sideQueries = new WeakMap<Db, SideQuery>();

/**
 * The PostgreSQL counterpart of `rawSqlite`: a connection of its own, outside the pool and Kysely,
 * for the version reads that come with every cached answer. Under load the render cache reads its
 * counter about a thousand times a second; through Kysely and the pool each read paid for a query
 * compile, a pool checkout and release and a row object, and it waited for a pooled connection
 * while the pages' own queries held them (bench/RESULTS.md, 2026-12-02). Undefined on SQLite and
 * for a transaction's handle. Statements are named (prepared once on the connection).
 */
export function postgresSideQuery(db: Db): SideQuery | undefined {
  return sideQueries.get(db);
}

/**
 * A lazily opened client that is opened anew after it failed: the server restarting, or a read
 * with no answer within `SIDE_QUERY_TIMEOUT_MS` (the reads take turns, so one hung read must not
 * hold up the rest; its connection is closed and the next read opens another).
 */
function sideConnection(connectionString: string): { query: SideQuery; end: () => Promise<void> } {
  let current: { client: Promise<pg.Client>; drop: () => void } | null = null;
  let ended = false;
  let previous: Promise<unknown> = Promise.resolve();
  const open = () => {
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, query_timeout: SIDE_QUERY_TIMEOUT_MS });
    const opened = {
      client: c.connect().then(() => c),
      drop: () => {
        if (current === opened) current = null;
        c.end().catch(() => {});
      },
    };
    c.on('error', opened.drop);
    c.on('end', opened.drop);
    opened.client.catch(opened.drop);
    return opened;
  };
  return {
    // One statement at a time (pg deprecates queueing on a client): each waits for the one before.
    query: (name, text, values) => {
      const run = previous.then(async () => {
        if (ended) throw new Error('the database connection is closed');
        current ??= open();
        const { client, drop } = current;
        const c = await client;
        try {
          return (await c.query<unknown[]>({ name, text, values, rowMode: 'array' })).rows;
        } catch (error) {
          // An error the server sent leaves the connection usable; anything else (a timeout, a
          // broken socket) does not.
          if (!(error instanceof pg.DatabaseError)) drop();
          throw error;
        }
      });
      previous = run.catch(() => {});
      return run;
    },
    end: async () => {
      ended = true;
      const c = current;
      current = null;
      if (c) await c.client.then((open) => open.end()).catch(() => {});
    },
  };
}

/** How long a version read may take before its connection is given up (docs/operations.md). */
const SIDE_QUERY_TIMEOUT_MS = 5_000;

/**
 * A database handle inside an open transaction. Functions that must be part of the caller's
 * transaction (a lifecycle move, its audit event and its mails together) take this type, so
 * calling them with a plain `Db` does not compile.
 */
export type Trx = Transaction<Database>;
