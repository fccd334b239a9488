/**
 * Per-file test database and app: clone the migrated template (PGlite dump, or a PostgreSQL
 * template database when TEST_DATABASE_URL is set), build the app on it, and log people in.
 * Never a mocked database.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/http/app.ts';
import type { LkeRegistry } from '../src/lke/registry-type.ts';

export interface TestEnv {
  database: Database;
  app: FastifyInstance;
  config: Config;
  close: () => Promise<void>;
}

/** Opens a fresh clone of the migrated template. */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const tpl = inject('pgTemplate');
  if (url && tpl) {
    const name = `zona_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    return {
      database,
      drop: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const blob = new Blob([readFileSync(file)]);
  const database = await openDatabase({ loadDataDir: blob });
  return { database, drop: () => database.close() };
}

/** A test environment: database clone + app. `env` overrides configuration variables. */
export async function createTestEnv(opts: { env?: Record<string, string>; lke?: LkeRegistry | null } = {}): Promise<TestEnv> {
  const { database, drop } = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000', LOGIN_RATE_PER_MINUTE: '1000', ...opts.env });
  const app = await buildApp({ db: database.db, database, config, lke: opts.lke ?? null, logger: false });
  await app.ready();
  return {
    database,
    app,
    config,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A signed-in client: cookie + CSRF token sent automatically. */
export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  req: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zona_session')?.value as string;
  const csrf = res.json().csrfToken as string;
  return {
    username,
    csrf,
    cookie,
    req: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        cookies: { zona_session: cookie },
        headers: { 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
      }),
  };
}
