/**
 * Whole-database copies: the repository behind `zona backup` and `zona restore`.
 *
 * We write our own portable logical dump instead of calling pg_dump: PGlite has no pg_dump and a
 * server machine may lack it, and one format restores into either driver.
 *
 * File format (gzip'd JSON lines, UTF-8):
 *   1. header  `{"format":"zona-backup","version":1,"createdAt",…,"migrations":[…],"tables":[…]}`
 *   2. rows    `["<table>",{…row as to_jsonb…}]`, one a line, grouped by table in primary-key order
 *   3. trailer `{"trailer":true,"rows":{table:count},"totalRows":n,"sha256":"…"}`
 * `sha256` covers the exact uncompressed bytes of every line before the trailer, newlines included.
 * Rows are PostgreSQL's own jsonb text (never re-serialised by JavaScript), so bigints, numerics,
 * microsecond timestamps and nested jsonb survive exactly.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Database, type Executor, MIGRATIONS_DIR, migrateDatabase } from './client.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTrailer,
  total,
  type BackupSummary,
  type CheckedBackup,
  type MigrationId,
  type TableInfo,
  readBackup,
  RestoreRefusedError,
  verifyBackupFile,
} from './backup-format.ts';

export * from './backup-format.ts';

/** Rows fetched from a cursor, and rows per multi-row insert on restore. */
const BATCH = 500;

async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  // Both drivers answer with `{ rows }`.
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Application tables of the current schema (drizzle's bookkeeping lives in its own schema). */
export async function listTables(ex: Executor): Promise<TableInfo[]> {
  const cols = await rows<{ t: string; c: string; g: boolean }>(
    ex,
    sql`select c.relname as t, a.attname as c, a.attgenerated <> '' as g
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname, a.attnum`,
  );
  const pks = await rows<{ t: string; c: string }>(
    ex,
    sql`select c.relname as t, a.attname as c
        from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join lateral unnest(i.indkey) with ordinality k(attnum, ord) on true
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = current_schema()
        order by c.relname, k.ord`,
  );
  const byName = new Map<string, TableInfo>();
  for (const r of cols) {
    const t = byName.get(r.t) ?? { name: r.t, columns: [], primaryKey: [], generated: [] };
    t.columns.push(r.c);
    if (r.g) t.generated.push(r.c);
    byName.set(r.t, t);
  }
  for (const r of pks) byName.get(r.t)?.primaryKey.push(r.c);
  return [...byName.values()];
}

/** Migrations applied to this database, oldest first (empty when never migrated). */
export async function appliedMigrations(ex: Executor): Promise<MigrationId[]> {
  const [reg] = await rows<{ ok: boolean }>(ex, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!reg?.ok) return [];
  const list = await rows<{ hash: string; created_at: string }>(
    ex,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return list.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) }));
}

/** The migrations this build ships (the same hashes drizzle records when applying them). */
export function buildMigrations(): MigrationId[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

const ident = (name: string) => sql.identifier(name);
const identList = (names: string[]) => sql.join(names.map(ident), sql`, `);

/** What the dump learnt while writing: row counts and the content digest. */
interface DumpState {
  counts: Record<string, number>;
  sha256: string;
}

/** Yields the file's lines, reading each table through a cursor so memory stays flat. */
async function* dumpLines(tx: Executor, header: BackupHeader, state: DumpState) {
  const hash = createHash('sha256');
  const emit = (text: string) => {
    hash.update(text);
    return text;
  };
  yield emit(`${JSON.stringify(header)}\n`);
  for (const t of header.tables) {
    const order = t.primaryKey.length ? sql` order by ${identList(t.primaryKey)}` : sql``;
    await tx.execute(sql`declare zona_dump no scroll cursor for select to_jsonb(zona_row)::text as r from ${ident(t.name)} as zona_row${order}`);
    const prefix = `[${JSON.stringify(t.name)},`;
    state.counts[t.name] = 0;
    for (;;) {
      const batch = await rows<{ r: string }>(tx, sql.raw(`fetch ${BATCH} from zona_dump`));
      if (!batch.length) break;
      state.counts[t.name] += batch.length;
      yield emit(batch.map((b) => `${prefix}${b.r}]\n`).join(''));
    }
    await tx.execute(sql`close zona_dump`);
  }
  state.sha256 = hash.digest('hex');
  const trailer: BackupTrailer = { trailer: true, rows: state.counts, totalRows: total(state.counts), sha256: state.sha256 };
  yield `${JSON.stringify(trailer)}\n`;
}


/**
 * Writes a snapshot-consistent dump of every application table to `file`: one REPEATABLE READ,
 * read-only transaction, so a change committed meanwhile is either wholly in or wholly out. The
 * file appears only when complete (written beside it, then renamed over it).
 */
export async function writeBackup(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  const state: DumpState = { counts: {}, sha256: '' };
  let header: BackupHeader | undefined;
  try {
    await database.db.transaction(
      async (tx) => {
        const [v] = await rows<{ v: string }>(tx, sql`select current_setting('server_version') as v`);
        header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          databaseKind: database.kind,
          serverVersion: v.v,
          migrations: await appliedMigrations(tx),
          tables: await listTables(tx),
        };
        await pipeline(dumpLines(tx, header, state), createGzip(), createWriteStream(partial));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { file, header: header as BackupHeader, rows: state.counts, totalRows: total(state.counts), bytes: statSync(file).size, sha256: state.sha256 };
}

/** Uncompressed lines of a gzip file, without their newline; read errors become BackupFileError. */
/** Refuses a dump whose schema is not exactly this build's (newer or older); touches no database. */
export function assertBuildSchema(header: BackupHeader, ours: MigrationId[] = buildMigrations()): void {
  const dump = header.migrations;
  const known = new Set(ours.map((m) => m.hash));
  const unknown = dump.filter((m) => !known.has(m.hash)).length;
  if (unknown) {
    throw new RestoreRefusedError(
      `Cadangan berasal dari skema yang lebih baru (${unknown} migrasi tidak dikenal); pakai versi Zona yang membuatnya atau yang lebih baru. / ` +
        `The backup comes from a newer schema (${unknown} unknown migrations); use the Zona build that made it or a newer one.`,
    );
  }
  if (dump.map((m) => m.hash).join() !== ours.map((m) => m.hash).join()) {
    throw new RestoreRefusedError(
      `Skema cadangan lebih lama (${dump.length} dari ${ours.length} migrasi): pulihkan dengan versi Zona yang membuatnya, lalu jalankan versi ini untuk migrasi. / ` +
        `The backup's schema is older (${dump.length} of ${ours.length} migrations): restore it with the Zona build that made it, then start this build to migrate.`,
    );
  }
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function insertOrder(tx: Executor, names: string[]): Promise<string[]> {
  const fks = await rows<{ child: string; parent: string }>(
    tx,
    sql`select c.relname as child, p.relname as parent
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const deps = new Map(names.map((n) => [n, new Set<string>()]));
  // A self-reference needs no order: each table is copied in one statement, checked at its end.
  for (const fk of fks) if (fk.child !== fk.parent && deps.has(fk.parent)) deps.get(fk.child)?.add(fk.parent);
  const out: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (out.includes(n) || path.has(n)) return; // a cycle between tables is left for the database to judge
    path.add(n);
    for (const p of deps.get(n) ?? []) visit(p, path);
    path.delete(n);
    out.push(n);
  };
  for (const n of [...names].sort()) visit(n, new Set());
  return out;
}

export interface RestoreSummary extends CheckedBackup {
  file: string;
}

/**
 * Restores `file` into an empty database, all in one transaction. The file is checked in full
 * first (nothing is touched for a corrupt file), the database is migrated, then every row is
 * staged in temporary tables and copied into place in foreign-key order — one statement per table,
 * so rows referring to rows of the same table need no ordering. Nothing is added to the audit
 * trail: the restored data, chain included, is exactly the backed-up data.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  /** The result of an earlier `verifyBackupFile(file)`, to skip reading the file a third time. */
  checkedBefore?: CheckedBackup,
): Promise<RestoreSummary> {
  const checked = checkedBefore ?? (await verifyBackupFile(file));
  const ours = buildMigrations();
  assertBuildSchema(checked.header, ours);
  await migrateDatabase(database);
  await database.db.transaction(async (tx) => {
    if ((await appliedMigrations(tx)).map((m) => m.hash).join() !== ours.map((m) => m.hash).join()) {
      throw new RestoreRefusedError('Database tujuan memakai skema lain / the target database has a different schema');
    }
    const tables = await listTables(tx);
    const target = new Map(tables.map((t) => [t.name, t]));
    const sameShape =
      tables.length === checked.header.tables.length &&
      checked.header.tables.every((h) => target.get(h.name)?.columns.slice().sort().join() === h.columns.slice().sort().join());
    if (!sameShape) throw new RestoreRefusedError('Tabel cadangan tidak cocok dengan skema ini / the backup tables do not match this schema');
    // Keep writers (another app instance on PostgreSQL) out between the emptiness check and the copy.
    await tx.execute(sql`lock table ${identList(tables.map((t) => t.name))} in exclusive mode`);
    const anyRow = tables.map((t) => sql`select ${t.name}::text as t where exists (select 1 from ${ident(t.name)})`);
    const busy = (await rows<{ t: string }>(tx, sql.join(anyRow, sql` union all `))).map((r) => r.t).sort();
    if (busy.length) {
      throw new RestoreRefusedError(
        `Database tujuan tidak kosong (tabel berisi: ${busy.join(', ')}); pulihkan hanya ke database kosong. / ` +
          `The target database is not empty (tables with rows: ${busy.join(', ')}); restore only into an empty database.`,
      );
    }
    const stage = new Map(tables.map((t, i) => [t.name, `zona_restore_${i}`]));
    for (const t of tables) await tx.execute(sql`create temp table ${ident(stage.get(t.name) as string)} (like ${ident(t.name)}) on commit drop`);

    const pending: { table: string; json: string[] } = { table: '', json: [] };
    const flush = async () => {
      if (!pending.json.length) return;
      const t = target.get(pending.table) as TableInfo;
      const cols = identList(t.columns);
      await tx.execute(
        sql`insert into ${ident(stage.get(t.name) as string)} (${cols})
            select ${cols} from jsonb_populate_recordset(null::${ident(t.name)}, ${`[${pending.json.join(',')}]`}::jsonb)`,
      );
      pending.json = [];
    };
    // Second read: the checksum is checked again at the end, so a file changed since the first read rolls back.
    for await (const item of readBackup(file)) {
      if (item.kind !== 'row') continue;
      if (item.table !== pending.table || pending.json.length >= BATCH) await flush();
      pending.table = item.table;
      pending.json.push(item.json);
    }
    await flush();

    for (const name of await insertOrder(tx, tables.map((t) => t.name))) {
      const t = target.get(name) as TableInfo;
      const cols = identList(t.columns.filter((c) => !t.generated.includes(c)));
      // OVERRIDING SYSTEM VALUE keeps the backed-up values of identity columns.
      await tx.execute(sql`insert into ${ident(name)} (${cols}) overriding system value select ${cols} from ${ident(stage.get(name) as string)}`);
      const [n] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(name)}`);
      if (Number(n.n) !== checked.rows[name]) throw new Error(`restore: ${name} has ${n.n} rows, expected ${checked.rows[name]}`);
    }
    await fixSequences(tx);
  });
  return { file, header: checked.header, rows: checked.rows, totalRows: checked.totalRows };
}

/** Moves every serial/identity sequence past the restored values, so new rows do not collide. */
async function fixSequences(tx: Executor): Promise<void> {
  const seqs = await rows<{ t: string; c: string; s: string | null }>(
    tx,
    sql`select c.relname as t, a.attname as c, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as s
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = current_schema() and c.relkind in ('r', 'p')`,
  );
  for (const q of seqs) {
    if (!q.s) continue;
    await tx.execute(sql`select setval(${q.s}::regclass, m) from (select max(${ident(q.c)}) as m from ${ident(q.t)}) x where m is not null`);
  }
}
