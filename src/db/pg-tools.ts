import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PostgreSQL's own programs (pg_dump, pg_restore), for backups. Found in `PG_BIN`, else in the
 * newest `/usr/lib/postgresql/<version>/bin` (Debian's layout), else on the PATH.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, name))) return join(fromEnv, name);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  }
  return name;
}

/** A connection URL without its password, and the password for PGPASSWORD: never on a command line. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** Runs a PostgreSQL program; resolves with its stderr, rejects with it (in Dutch words around it). */
export function runPgTool(name: 'pg_dump' | 'pg_restore', args: string[], connectionUrl: string): Promise<string> {
  const { url, password } = splitPassword(connectionUrl);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool(name), [...args, `--dbname=${url}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', (error) => reject(new Error(`${name} kon niet starten (${error.message}); zet PG_BIN op de map met ${name}`)));
    child.on('close', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`${name} stopte met code ${code}: ${stderr.trim()}`))));
  });
}
