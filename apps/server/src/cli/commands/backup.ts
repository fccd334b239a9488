/**
 * `zona backup FILE`: a consistent logical dump of the configured database (see db/backup.ts).
 * Also home of `withCliDatabase`, which the restore and audit commands share.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, loadConfig } from '../../config.ts';
import { writeBackup } from '../../db/backup.ts';
import { DataDirLockedError, type Database, openDatabase } from '../../db/client.ts';
import type { CliIo } from '../main.ts';

/**
 * Opens the configured database for one command and closes it afterwards. PGlite is
 * single-process: while the server runs on DATA_DIR the directory is locked, so the command stops
 * with exit 1 and says how to proceed instead of waiting or touching the files.
 */
export async function withCliDatabase(
  io: CliIo,
  config: Config,
  opts: { mustExist: boolean },
  fn: (database: Database) => Promise<number>,
): Promise<number> {
  // Opening PGlite on a missing directory would silently create an empty database.
  if (!config.DATABASE_URL && opts.mustExist && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    io.stderr(`Tidak ada database di ${config.dataDir} (DATA_DIR). / There is no database in ${config.dataDir} (DATA_DIR).\n`);
    return 1;
  }
  let database: Database;
  try {
    database = await openDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    io.stderr(
      'Database tertanam sedang dipakai (server Zona berjalan?): hentikan server dulu, atau pakai DATABASE_URL. / ' +
        'The embedded database is in use (is the Zona server running?): stop the server first, or use DATABASE_URL.\n' +
        `${err.message}\n`,
    );
    return 1;
  }
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Where the command reads from, without secrets (a DATABASE_URL may carry a password). */
export function describeSource(config: Config): string {
  if (!config.DATABASE_URL) return `PGlite ${config.dataDir}`;
  const u = new URL(config.DATABASE_URL);
  return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    io.stderr('Penggunaan / usage: zona backup FILE\n');
    return 2;
  }
  const file = resolve(args[0]);
  const config = loadConfig();
  return withCliDatabase(io, config, { mustExist: true }, async (database) => {
    const s = await writeBackup(database, file);
    const perTable = Object.entries(s.rows).map(([t, n]) => `  ${t}: ${n}`);
    io.stdout(
      [
        `Cadangan selesai / backup written: ${s.file}`,
        `  sumber / source: ${describeSource(config)}`,
        `  tabel / tables: ${s.header.tables.length}, baris / rows: ${s.totalRows}, ukuran / bytes: ${s.bytes}`,
        `  sha256: ${s.sha256}`,
        ...perTable,
        '',
      ].join('\n'),
    );
    return 0;
  });
}
