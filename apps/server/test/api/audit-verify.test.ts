/**
 * `zona audit verify`: the SHA-256 chain finds rows altered or deleted directly in the database,
 * past the append-only trigger (a superuser or the table owner can disable it). Each test gets its
 * own database clone because a tampered chain stays broken.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditContext } from '../../src/audit/events.ts';
import { linkHash, recordAudit } from '../../src/audit/record.ts';
import { type CliIo, main } from '../../src/cli/main.ts';
import { type Database, migrateDatabase, openDatabase } from '../../src/db/client.ts';
import { auditEvent } from '../../src/db/schema/index.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit.ts';
import { buildAgency } from '../factories.ts';
import { openTestDatabase } from '../harness.ts';

const CTX: AuditContext = { actorId: null, actorName: 'penguji', ip: '10.9.8.7', requestId: 'req-audit' };

/** Records `n` unit.created events (seq 1..n on a fresh database) in one transaction, as the app does. */
async function recordEvents(database: Database, n: number): Promise<void> {
  const { instansi } = await buildAgency(database.db);
  const events = Array.from({ length: n }, (_, i) => ({
    action: 'unit.created' as const,
    instansiId: instansi.id,
    payload: { name: `Unit ${i + 1}`, code: `U-${i + 1}`, parentId: null },
  }));
  await database.db.transaction((tx) => recordAudit(tx, CTX, events));
}

/** Runs SQL on audit_event with the append-only trigger switched off, as a tamperer with owner rights would. */
async function tamper(database: Database, statement: string): Promise<void> {
  await database.exec('alter table audit_event disable trigger audit_event_no_update');
  await database.exec(statement);
  await database.exec('alter table audit_event enable trigger audit_event_no_update');
}

describe('audit chain verification', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  afterEach(() => drop());

  it('reports an intact chain with the number of events checked', async () => {
    await recordEvents(database, 4);
    await database.db.transaction((tx) => recordAudit(tx, CTX, { action: 'unit.deactivated', payload: { name: 'Unit 2' } }));
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: 5, firstBrokenSeq: null });
    expect(result.message).toMatch(/utuh.*intact/);
  });

  it('refuses ordinary UPDATE and DELETE through the append-only trigger', async () => {
    await recordEvents(database, 2);
    await expect(database.exec(`update audit_event set payload = '{}' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(database.exec('delete from audit_event where seq = 2')).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds a payload altered directly in the database at that row', async () => {
    await recordEvents(database, 5);
    await tamper(database, `update audit_event set payload = '{"name":"Unit palsu","code":"U-3","parentId":null}' where seq = 3`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3, checked: 2 });
    expect(result.message).toMatch(/hash/);
  });

  it('finds a deleted middle row as a sequence gap at the next row', async () => {
    await recordEvents(database, 5);
    await tamper(database, 'delete from audit_event where seq = 3');
    const result = await verifyAuditChain(database.db);
    // The verifier names the first row that no longer links: the one after the gap.
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 4, checked: 2 });
    expect(result.message).toMatch(/urutan terputus.*sequence gap/);
  });

  it('catches a forger who also recomputes the altered row’s hash, at the next link', async () => {
    await recordEvents(database, 4);
    const [row] = await database.db.select().from(auditEvent).where(eq(auditEvent.seq, 2));
    const forged = { name: 'Unit palsu', code: 'U-2', parentId: null };
    const hash = linkHash(row.prevHash, { ...row, payload: forged });
    await tamper(database, `update audit_event set payload = '${JSON.stringify(forged)}', hash = '${hash}' where seq = 2`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, checked: 2 });
  });
});

describe('zona audit verify CLI', () => {
  it('exits 0 on an intact chain and 1 naming the first broken seq after tampering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zona-audit-'));
    const dataDir = join(dir, 'data');
    const out = { stdout: '', stderr: '' };
    const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), readStdin: async () => '' };
    const onDir = async (fn: (d: Database) => Promise<void>) => {
      const d = await openDatabase({ dataDir });
      await fn(d).finally(() => d.close());
    };
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('DATA_DIR', dataDir);
    try {
      expect(await main(['audit', 'verify'], io)).toBe(1); // no database there yet: said, not created
      expect(out.stderr).toMatch(/Tidak ada database/);
      await onDir(async (d) => {
        await migrateDatabase(d);
        await recordEvents(d, 3);
      });
      expect(await main(['audit', 'check'], io)).toBe(2);
      out.stdout = '';
      expect(await main(['audit', 'verify'], io), out.stderr).toBe(0);
      expect(out.stdout).toMatch(/audit chain intact\n\s+diperiksa \/ checked: 3/);

      await onDir((d) => tamper(d, `update audit_event set actor_name = 'orang lain' where seq = 2`));
      out.stdout = '';
      expect(await main(['audit', 'verify'], io)).toBe(1);
      expect(out.stdout).toMatch(/first broken seq: 2/);
      out.stdout = '';
      expect(await main(['audit', 'verify', '--json'], io)).toBe(1);
      expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
