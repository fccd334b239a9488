/**
 * Test factories: every test builds its own agency, so tenant isolation is exercised for free.
 * They write through the repositories (the same SQL the app uses).
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@zona/shared';
import type { Executor } from '../src/db/client.ts';
import { insertInstansi, insertUnits, type InstansiRow, type UnitRow } from '../src/repositories/org-repository.ts';
import { insertAssignments, insertUsers, type UserRow } from '../src/repositories/user-repository.ts';
import { hashPassword } from '../src/services/auth/password.ts';

export const TEST_PASSWORD = 'uji-sandi-rahasia-1';
let hashed: Promise<string> | null = null;
const passwordHash = () => {
  hashed ??= hashPassword(TEST_PASSWORD);
  return hashed;
};

const uid = () => randomBytes(4).toString('hex');
let nipSeq = 0;

/** A structurally valid NIP, unique within the run. */
export function validNip(): string {
  nipSeq = (nipSeq % 998) + 1;
  const day = String((nipSeq % 28) + 1).padStart(2, '0');
  const tail = String(Math.floor(Math.random() * 999) + 1).padStart(3, '0');
  return `1985${String((nipSeq % 12) + 1).padStart(2, '0')}${day}2010${String((nipSeq % 12) + 1).padStart(2, '0')}1${tail}`;
}

export async function buildInstansi(db: Executor, over: Partial<{ name: string; kind: string; code: string }> = {}): Promise<InstansiRow> {
  const id = uid();
  return insertInstansi(db, { name: over.name ?? `Instansi Uji ${id}`, kind: over.kind ?? 'kementerian', code: over.code ?? `INS-${id}` });
}

export async function buildUnit(db: Executor, over: { instansiId: string; parentId?: string | null; name?: string; code?: string }): Promise<UnitRow> {
  const id = uid();
  const [row] = await insertUnits(db, [
    { instansiId: over.instansiId, parentId: over.parentId ?? null, name: over.name ?? `Unit Uji ${id}`, code: over.code ?? `U-${id}`, eselon: 'III', servesPublic: true },
  ]);
  return row;
}

export type ScopeSpec = 'national' | { instansiId: string } | { unitId: string; instansiId: string; includeDescendants?: boolean };

/** A user holding `role` in `scope`, placed in `unit` (or the scope's unit). */
export async function buildUser(
  db: Executor,
  opts: { role?: Role; scope?: ScopeSpec; unit?: UnitRow | null; username?: string },
): Promise<UserRow> {
  const username = opts.username ?? `u${uid()}`;
  const unit = opts.unit ?? null;
  const [user] = await insertUsers(db, [
    {
      username,
      name: `Pengguna ${username}`,
      nip: unit ? validNip() : null,
      unitId: unit?.id ?? null,
      instansiId: unit?.instansiId ?? null,
      passwordHash: await passwordHash(),
    },
  ]);
  if (opts.role && opts.scope) {
    const s = opts.scope;
    await insertAssignments(db, [
      s === 'national'
        ? { userId: user.id, role: opts.role, instansiId: null, unitId: null }
        : 'unitId' in s
          ? { userId: user.id, role: opts.role, instansiId: s.instansiId, unitId: s.unitId, includeDescendants: !!s.includeDescendants }
          : { userId: user.id, role: opts.role, instansiId: s.instansiId, unitId: null },
    ]);
  }
  return user;
}

/** An agency with a two-level tree: root → child, and an agency admin. */
export async function buildAgency(db: Executor) {
  const instansi = await buildInstansi(db);
  const root = await buildUnit(db, { instansiId: instansi.id });
  const child = await buildUnit(db, { instansiId: instansi.id, parentId: root.id });
  const admin = await buildUser(db, { role: 'agency_admin', scope: { instansiId: instansi.id }, unit: root });
  return { instansi, root, child, admin };
}
