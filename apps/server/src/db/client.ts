/**
 * Database client: embedded PGlite (default, one directory owned by one process) or a
 * PostgreSQL server through `pg` (DATABASE_URL). Both are driven by the same Drizzle schema and
 * the same generated SQL migrations.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds are accepted.
export type Db = PgDatabase<PgQueryResultHKT, Schema> & { $client?: any };
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Anything a repository can run SQL on: the database or an open transaction. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = new URL('./migrations', import.meta.url).pathname;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL text (several statements allowed); used by backup/restore and tests only. */
  exec: (sqlText: string) => Promise<void>;
  /** Runs one parameterised query and returns its rows (used by backup/restore only). */
  query: <T = Record<string, unknown>>(sqlText: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
  /** The PGlite instance, when embedded (for dumps in tests). */
  pglite?: PGlite;
}

/** Raised when another process already owns the PGlite directory. */
export class DataDirLockedError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite directory: PGlite is single-process, and a second process
 * writing the same files would corrupt them. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'zona.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
        throw new DataDirLockedError(
          `Direktori data ${dir} sedang dipakai proses lain (PID ${pid}). Hentikan proses itu atau pakai DATA_DIR lain.\n` +
            `The data directory ${dir} is in use by another process (PID ${pid}). Stop it or use another DATA_DIR.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Tidak dapat mengunci ${dir} / cannot lock ${dir}`);
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A PGlite dump (from `dumpDataDir`) to start from (tests clone a migrated template). */
  loadDataDir?: Blob | File;
  /** Skip the directory lock (only for a read-only second look in tests). */
  noLock?: boolean;
}

/** Opens the database chosen by the options. Does not migrate. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, admin termination) must not crash the
    // process; the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`[zona] koneksi PostgreSQL terputus / connection lost: ${err.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (text) => {
        await pool.query(text);
      },
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      close: () => pool.end(),
    };
  }
  const unlock = opts.dataDir && !opts.noLock ? lockDataDir(opts.dataDir) : () => {};
  try {
    const client = new PGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      exec: async (text) => {
        await client.exec(text);
      },
      query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Applies the generated SQL migrations (forward-only) on either driver. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type.
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type.
    await migratePg(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  }
}
