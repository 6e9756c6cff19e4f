import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** True when the database answers a trivial query within the pool's connection timeout. */
export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
