/**
 * Creates the demo organisation on an empty database (contract: embedded default only, or
 * ZONA_DEMO=1). All demo accounts use the password `zona-demo`. One transaction, multi-row
 * inserts (PGlite pays per statement), one audit event.
 */
import { recordAudit } from '../audit/record.ts';
import { SYSTEM_CONTEXT } from '../audit/events.ts';
import type { Db } from '../db/client.ts';
import { insertInstansi, insertUnits, upsertFact } from '../repositories/org-repository.ts';
import { countUsersUnscoped, insertAssignments, insertUsers } from '../repositories/user-repository.ts';
import { hashPassword } from '../services/auth/password.ts';
import { DEMO_ACCOUNTS, DEMO_INSTANSI, demoEmployees, demoNip } from './demo-data.ts';

export const DEMO_PASSWORD = 'zona-demo';

export async function seedDemoIfEmpty(db: Db): Promise<{ instansi: number; units: number; users: number } | null> {
  if ((await countUsersUnscoped(db)) > 0) return null;
  const accounts = [...DEMO_ACCOUNTS, ...demoEmployees(24)];
  // Hash in parallel on the argon2 thread pool; each account gets its own salt.
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    const instansiIds = new Map<string, string>();
    const unitIds = new Map<string, { id: string; instansiId: string }>();
    let unitCount = 0;
    for (const inst of DEMO_INSTANSI) {
      const row = await insertInstansi(tx, { kind: inst.kind, name: inst.name, code: inst.code });
      instansiIds.set(inst.key, row.id);
      for (const f of inst.facts) await upsertFact(tx, { instansiId: row.id, ...f });
      // Parents come before children in the data, so insert level by level.
      const pending = [...inst.units];
      while (pending.length) {
        const ready = pending.filter((u) => u.parent === null || unitIds.has(u.parent));
        const rows = await insertUnits(
          tx,
          ready.map((u) => ({
            instansiId: row.id,
            parentId: u.parent ? (unitIds.get(u.parent)?.id ?? null) : null,
            name: u.name,
            code: u.code,
            eselon: u.eselon,
            servesPublic: u.servesPublic,
            address: u.address,
          })),
        );
        ready.forEach((u, i) => unitIds.set(u.key, { id: rows[i].id, instansiId: row.id }));
        unitCount += rows.length;
        for (const u of ready) pending.splice(pending.indexOf(u), 1);
      }
    }
    const users = await insertUsers(
      tx,
      accounts.map((a, i) => {
        const u = a.unit ? unitIds.get(a.unit) : undefined;
        return {
          username: a.username,
          name: a.name,
          nip: a.unit ? demoNip(i) : null,
          email: `${a.username}@demo.zona.go.id`,
          unitId: u?.id ?? null,
          instansiId: u?.instansiId ?? null,
          position: a.position,
          passwordHash: hashes[i],
        };
      }),
    );
    const assignments = accounts.flatMap((a, i) =>
      a.roles.map((r) => {
        const s = r.scope;
        if (s === 'national') return { userId: users[i].id, role: r.role, instansiId: null, unitId: null, includeDescendants: false, area: null };
        if ('instansi' in s) return { userId: users[i].id, role: r.role, instansiId: instansiIds.get(s.instansi) as string, unitId: null, includeDescendants: false, area: null };
        const u = unitIds.get(s.unit) as { id: string; instansiId: string };
        return { userId: users[i].id, role: r.role, instansiId: u.instansiId, unitId: u.id, includeDescendants: !!s.descendants, area: r.area ?? null };
      }),
    );
    await insertAssignments(tx, assignments);
    const summary = { instansi: DEMO_INSTANSI.length, units: unitCount, users: users.length };
    await recordAudit(tx, SYSTEM_CONTEXT, { action: 'system.seeded', payload: summary, entityType: 'system' });
    return summary;
  });
}
