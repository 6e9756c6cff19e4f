import { type ChildProcess, spawn } from 'node:child_process';

export const TSX = ['--import', 'tsx'];

export function baseEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    PORT: '0',
    ...extra,
  };
}

/** Starts src/server.ts and resolves with the port once it logs that it listens. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  entry: string[] = [...TSX, 'src/server.ts'],
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, entry, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c) => {
    out += String(c);
  });
  child.stderr?.on('data', (c) => {
    out += String(c);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      // The sign-in hint is the last thing printed at start-up (in development).
      if (m && (env.NODE_ENV !== 'development' || out.includes('De inloglink staat daarna'))) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { child, port, output: () => out };
}

export const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
