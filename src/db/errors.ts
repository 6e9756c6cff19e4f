/**
 * What a database error means for the person waiting: the database cannot be reached right now
 * (PostgreSQL restarting, the network, SQLite locked for too long), or its storage is full. Anything
 * else is a bug and stays a 500.
 */
export type DatabaseTrouble = 'unreachable' | 'full' | null;

/** PostgreSQL SQLSTATEs of a lost or refused connection, a shutdown, or too many connections. */
const PG_UNREACHABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const NET_UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

export function databaseTrouble(error: unknown, depth = 0): DatabaseTrouble {
  if (!error || typeof error !== 'object' || depth > 3) return null;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === '53100') return 'full';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_IOERR') || PG_UNREACHABLE.has(code) || NET_UNREACHABLE.has(code))
    return 'unreachable';
  if (error instanceof Error && MESSAGES.test(error.message)) return 'unreachable';
  const nested = [(error as { cause?: unknown }).cause, ...((error as { errors?: unknown[] }).errors ?? [])];
  for (const inner of nested) {
    const found = databaseTrouble(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
