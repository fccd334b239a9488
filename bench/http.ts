/**
 * Authenticated list endpoint (GET /api/users, 25 per page, as the system administrator) on
 * PGlite and on PostgreSQL, next to a bare Fastify route measured in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type LoadResult } from './load.ts';
import { startThrowawayPg } from './pg.ts';

const here = dirname(fileURLToPath(import.meta.url));

async function startChild(kind: 'bare' | 'zona', env: Record<string, string> = {}): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'server-child.ts'), kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d) => {
      buf += d;
      const m = buf.match(/PORT (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { port, child };
}

async function loginCookie(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'zona-demo' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

export interface HttpBench {
  bare: LoadResult;
  pglite: LoadResult;
  postgres: LoadResult | { skipped: string };
}

export async function benchHttp(opts = { seconds: 5, connections: 16 }): Promise<HttpBench> {
  const run = async (kind: 'bare' | 'zona', path: string, env?: Record<string, string>) => {
    const { port, child } = await startChild(kind, env);
    try {
      const headers = kind === 'zona' ? { cookie: await loginCookie(port) } : undefined;
      await load(`http://127.0.0.1:${port}${path}`, { seconds: 1, connections: opts.connections, headers }); // warm-up
      return await load(`http://127.0.0.1:${port}${path}`, { ...opts, headers });
    } finally {
      child.kill('SIGKILL');
    }
  };
  const bare = await run('bare', '/bare');
  const list = '/api/users?pageSize=25';
  const pglite = await run('zona', list, { DATABASE_URL: '' });
  let postgres: LoadResult | { skipped: string };
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    postgres = await run('zona', list, { DATABASE_URL: external });
  } else {
    const pg = await startThrowawayPg();
    if ('skipped' in pg) postgres = pg;
    else {
      try {
        postgres = await run('zona', list, { DATABASE_URL: pg.url });
      } finally {
        pg.stop();
      }
    }
  }
  return { bare, pglite, postgres };
}
