/**
 * `zona backup` / `zona restore`: a dump restored into an empty database gives identical data, and
 * a refused restore (non-empty target, corrupt file, newer schema) leaves the target unchanged.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set; the CLI test always uses
 * PGlite directories, the default an operator meets.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_CONTEXT } from '../../src/audit/events.ts';
import { recordAudit } from '../../src/audit/record.ts';
import { main, type CliIo } from '../../src/cli/main.ts';
import { BackupFileError, restoreBackup, RestoreRefusedError, verifyBackupFile, writeBackup } from '../../src/db/backup.ts';
import { type Database, migrateDatabase, openDatabase } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema/index.ts';
import { upsertFact } from '../../src/repositories/org-repository.ts';
import { insertSession } from '../../src/repositories/session-repository.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit.ts';
import { buildAgency, buildInstansi, buildUnit, buildUser, TEST_PASSWORD } from '../factories.ts';
import { createTestEnv, login, openTestDatabase, type TestEnv } from '../harness.ts';

/** Every table of the Drizzle schema with its primary key: independent of the dump's catalog query. */
const TABLES = (Object.values(schema) as unknown[])
  .filter((t): t is PgTable => is(t, PgTable))
  .map((t) => {
    const cfg = getTableConfig(t);
    const pk = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? cfg.columns.filter((c) => c.primary).map((c) => c.name);
    return { name: cfg.name, pk };
  });

/** All rows of all tables as PostgreSQL's record text (exact: microseconds, jsonb, bigints), in key order. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const order = t.pk.map((c) => `"${c}"`).join(', ');
    const rows = await database.query<{ r: string }>(`select x::text as r from "${t.name}" x order by ${order}`);
    out[t.name] = rows.map((r) => r.r);
  }
  return out;
}

const isEmpty = (snap: Record<string, string[]>) => Object.values(snap).every((rows) => rows.length === 0);

/** Seeds every kind of row the foundation has: through the app (login) and through factories. */
async function seed(env: TestEnv) {
  const db = env.database.db;
  const { instansi, root, child, admin } = await buildAgency(db);
  const grandchild = await buildUnit(db, { instansiId: instansi.id, parentId: child.id, name: 'Kantor Pelayanan — Ñ 日本 "kutip"' });
  await buildUser(db, { role: 'unit_head', scope: { unitId: child.id, instansiId: instansi.id, includeDescendants: true }, unit: child });
  await buildUser(db, { role: 'employee', scope: { unitId: grandchild.id, instansiId: instansi.id }, unit: grandchild });
  await upsertFact(db, { instansiId: instansi.id, year: 2024, bpkOpinion: 'WTP', sakipPredicate: 'A', indeksRb: '80.51', spipLevel: 3 });
  await upsertFact(db, { instansiId: instansi.id, year: 2025, bpkOpinion: 'WDP', sakipPredicate: null, indeksRb: null, spipLevel: null });
  await insertSession(db, { id: randomBytes(32).toString('hex'), userId: admin.id, csrfToken: 'csrf-uji', expiresAt: new Date(Date.now() + 3_600_000), ip: '10.1.2.3', userAgent: 'vitest' });
  await db.insert(schema.lkeVersion).values({ instrument: 'zi-2021', version: 1, status: 'published', checksum: 'a'.repeat(64) });
  await login(env.app, admin.username, TEST_PASSWORD); // a real session row and a session.created event
  await db.transaction((tx) =>
    recordAudit(tx, { actorId: admin.id, actorName: admin.name, ip: '10.1.2.3', requestId: 'req-1' }, [
      { action: 'unit.created', entityId: grandchild.id, instansiId: instansi.id, unitId: grandchild.id, payload: { name: grandchild.name, code: grandchild.code, parentId: child.id } },
      { action: 'instansi.updated', entityId: instansi.id, instansiId: instansi.id, payload: { changes: { nested: { list: [1, 2.5, null, 'ß'] }, big: '9007199254740993' } } },
    ]),
  );
  // Microsecond precision, which a JavaScript Date would lose.
  await env.database.exec(`update unit set updated_at = '2024-05-06 07:08:09.123456+07' where id = '${root.id}'`);
}

/** Rewrites a backup's lines and recomputes its checksum, as a forger (or a newer build) would. */
function rewrite(file: string, out: string, edit: (lines: string[]) => void): void {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  edit(lines);
  const trailer = JSON.parse(lines[lines.length - 1]);
  trailer.sha256 = createHash('sha256').update(lines.slice(0, -1).map((l) => `${l}\n`).join('')).digest('hex');
  lines[lines.length - 1] = JSON.stringify(trailer);
  writeFileSync(out, gzipSync(`${lines.join('\n')}\n`));
}

let env: TestEnv;
let dir: string;
let file: string;
beforeAll(async () => {
  env = await createTestEnv();
  dir = mkdtempSync(join(tmpdir(), 'zona-backup-'));
  file = join(dir, 'zona.backup.gz');
  await seed(env);
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backup then restore into an empty database gives identical data in every table', async () => {
    const summary = await writeBackup(env.database, file);
    expect(summary.header.tables.map((t) => t.name).sort()).toEqual(TABLES.map((t) => t.name).sort());
    for (const t of ['app_user', 'role_assignment', 'unit', 'instansi', 'instansi_fact', 'session', 'audit_event', 'lke_version']) {
      expect(summary.rows[t], t).toBeGreaterThan(0);
    }
    const target = await openTestDatabase();
    try {
      expect(isEmpty(await snapshot(target.database))).toBe(true);
      const restored = await restoreBackup(target.database, file);
      expect(restored.totalRows).toBe(summary.totalRows);
      expect(await snapshot(target.database)).toEqual(await snapshot(env.database));
      const chain = await verifyAuditChain(target.database.db);
      expect(chain).toMatchObject({ ok: true, checked: summary.rows.audit_event });
      // The restored database is live: the chain continues and new rows fit beside the old ones.
      await target.database.db.transaction((tx) => recordAudit(tx, SYSTEM_CONTEXT, { action: 'system.seeded', payload: { instansi: 0, units: 0, users: 0 } }));
      await buildAgency(target.database.db);
      expect((await verifyAuditChain(target.database.db)).ok).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses a non-empty database, naming its tables, and leaves it unchanged', async () => {
    await writeBackup(env.database, file);
    const before = await snapshot(env.database);
    await expect(restoreBackup(env.database, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(env.database, file)).rejects.toThrow(/tidak kosong.*app_user.*audit_event/);
    expect(await snapshot(env.database)).toEqual(before);

    const target = await openTestDatabase();
    try {
      await buildInstansi(target.database.db);
      const only = await snapshot(target.database);
      await expect(restoreBackup(target.database, file)).rejects.toThrow(/tabel berisi: instansi\)/);
      expect(await snapshot(target.database)).toEqual(only);
    } finally {
      await target.drop();
    }
  });

  it('refuses a corrupt, truncated or forged file and writes nothing', async () => {
    await writeBackup(env.database, file);
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');
    const bad = {
      truncated: bytes.subarray(0, Math.floor(bytes.length / 2)),
      notGzip: Buffer.from(text),
      noTrailer: gzipSync(text.split('\n').slice(0, -2).join('\n')),
      alteredRow: gzipSync(text.replace('"spip_level": 3', '"spip_level": 4')),
      empty: Buffer.alloc(0),
    };
    expect(bad.alteredRow.equals(gzipSync(text))).toBe(false);
    const target = await openTestDatabase();
    try {
      for (const [name, content] of Object.entries(bad)) {
        const path = join(dir, `${name}.gz`);
        writeFileSync(path, content);
        await expect(restoreBackup(target.database, path), name).rejects.toThrow(BackupFileError);
      }
      await expect(restoreBackup(target.database, join(dir, 'alteredRow.gz'))).rejects.toThrow(/SHA-256/);
      await expect(restoreBackup(target.database, join(dir, 'noTrailer.gz'))).rejects.toThrow(/trailer/);
      expect(isEmpty(await snapshot(target.database))).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses a dump from a newer schema, and rolls back a file changed between its two reads', async () => {
    await writeBackup(env.database, file);
    const newer = join(dir, 'newer.gz');
    rewrite(file, newer, (lines) => {
      const header = JSON.parse(lines[0]);
      header.migrations.push({ hash: 'f'.repeat(64), createdAt: Date.now() });
      lines[0] = JSON.stringify(header);
    });
    const target = await openTestDatabase();
    try {
      await expect(restoreBackup(target.database, newer)).rejects.toThrow(/newer schema/);
      // A valid first read, then a different file at the second: the insert pass must roll back.
      const checked = await verifyBackupFile(file);
      const swapped = join(dir, 'swapped.gz');
      writeFileSync(swapped, gzipSync(gunzipSync(readFileSync(file)).toString('utf8').replace('WDP', 'TMP')));
      await expect(restoreBackup(target.database, swapped, checked)).rejects.toThrow(/SHA-256/);
      expect(isEmpty(await snapshot(target.database))).toBe(true);
    } finally {
      await target.drop();
    }
  });
});

describe('zona backup / restore CLI on PGlite directories', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), readStdin: async () => '' };
    return { io, out };
  };
  const withDir = async <T>(dataDir: string, fn: (d: Database) => Promise<T>): Promise<T> => {
    const d = await openDatabase({ dataDir });
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };

  it('dumps a DATA_DIR, restores it into a new one, refuses a second restore and a running server', async () => {
    const a = join(dir, 'data-a');
    const b = join(dir, 'data-b');
    const cliFile = join(dir, 'cli.backup.gz');
    await withDir(a, async (d) => {
      await migrateDatabase(d);
      const { instansi, admin } = await buildAgency(d.db);
      await d.db.transaction((tx) =>
        recordAudit(tx, { actorId: admin.id, actorName: admin.name, ip: null, requestId: null }, { action: 'instansi.created', entityId: instansi.id, payload: { name: instansi.name, kind: instansi.kind, code: instansi.code } }),
      );
    });
    vi.stubEnv('DATABASE_URL', undefined);
    try {
      vi.stubEnv('DATA_DIR', a);
      let c = capture();
      expect(await main(['backup'], c.io)).toBe(2);
      c = capture();
      expect(await main(['backup', cliFile], c.io), c.out.stderr).toBe(0);
      expect(c.out.stdout).toMatch(/backup written.*\n.*PGlite/);
      expect(c.out.stdout).toMatch(/audit_event: 1/);

      vi.stubEnv('DATA_DIR', b);
      c = capture();
      expect(await main(['restore', cliFile], c.io), c.out.stderr).toBe(0);
      expect(c.out.stdout).toMatch(/restore complete[\s\S]*audit chain intact/);
      c = capture();
      expect(await main(['restore', cliFile], c.io)).toBe(1);
      expect(c.out.stderr).toMatch(/tidak kosong[\s\S]*not empty/);
      writeFileSync(join(dir, 'half.gz'), readFileSync(cliFile).subarray(0, 40));
      c = capture();
      expect(await main(['restore', join(dir, 'half.gz')], c.io)).toBe(2);
      expect(c.out.stderr).toMatch(/Nothing was changed/);

      // The server holds the directory lock (here: the parent process, which is alive).
      writeFileSync(join(b, 'zona.lock'), String(process.ppid));
      c = capture();
      expect(await main(['backup', join(dir, 'locked.gz')], c.io)).toBe(1);
      expect(c.out.stderr).toMatch(/hentikan server dulu.*stop the server first, or use DATABASE_URL/);
      rmSync(join(b, 'zona.lock'));
    } finally {
      vi.unstubAllEnvs();
    }
    const [snapA, snapB] = [await withDir(a, snapshot), await withDir(b, snapshot)];
    expect(snapB).toEqual(snapA);
    expect(snapA.audit_event).toHaveLength(1);
  });
});
