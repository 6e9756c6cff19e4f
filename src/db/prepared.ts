import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { nameStatement } from './connect.ts';

/**
 * A query whose shape never changes, built and compiled by Kysely once and then run with new
 * values. Building is a good part of a small query's cost (measured: the session lookup 64–80 µs
 * through the builder, 25–28 µs precompiled, bench/RESULTS.md). The builder gets a marker for each
 * argument; the compiled parameters that are markers are replaced by the arguments on every run,
 * and every other parameter (a constant in the query) is kept. An argument must go into the
 * query as a value (`where(col, '=', arg)`), not change its shape (no `in` lists, no conditions).
 */
export function prepared<A extends unknown[], R>(build: (db: Kysely<any>, ...args: A) => Compilable<R>) {
  const compiled = new WeakMap<Kysely<any>, { sql: string; slots: (number | { value: unknown })[] }>();
  return async (db: Kysely<any>, ...args: A): Promise<R[]> => {
    let entry = compiled.get(db);
    if (!entry) {
      const markers = args.map((_, i) => `\u0000prepared-argument-${i}\u0000`);
      const query = build(db, ...(markers as A)).compile();
      const slots = query.parameters.map((p) => {
        const i = markers.indexOf(p as string);
        return i >= 0 ? i : { value: p };
      });
      if (slots.filter((s) => typeof s === 'number').length !== args.length)
        throw new Error('prepared(): every argument must appear in the query exactly once, as a value');
      entry = { sql: query.sql, slots };
      // On PostgreSQL, planned once per connection (connect.ts).
      nameStatement(query.sql);
      compiled.set(db, entry);
    }
    const parameters = entry.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters));
    return result.rows;
  };
}
