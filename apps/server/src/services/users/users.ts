/** Use cases for people: list, read, create, edit, admin password reset, own password change. */
import type { z } from 'zod';
import type { CreateUserSchema, UpdateUserSchema } from '@zona/shared';
import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../lib/errors.ts';
import { can, canManageHolder, scopeFor } from '../../policies/access.ts';
import { findUnit, unitNameUnscoped as findUnitUnscopedName } from '../../repositories/org-repository.ts';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from '../../repositories/session-repository.ts';
import * as repo from '../../repositories/user-repository.ts';
import { hashPassword, temporaryPassword, verifyPassword } from '../auth/password.ts';
import { type PageInput, type ServiceContext, toLimitOffset } from '../context.ts';

export async function listUsers(ctx: ServiceContext, opts: PageInput & { q?: string; unitId?: string; instansiId?: string }) {
  return repo.listUsers(ctx.db, scopeFor(ctx.actor, 'user:read'), { ...opts, ...toLimitOffset(opts) });
}

export async function getUser(ctx: ServiceContext, id: string) {
  const row = await repo.findUser(ctx.db, scopeFor(ctx.actor, 'user:read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  const unit = row.unitId ? await findUnitUnscopedName(ctx.db, row.unitId) : null;
  return { ...row, unitName: unit, roles: await repo.assignmentsOf(ctx.db, [id]) };
}

const duplicateUsername = () =>
  new AppError('DUPLICATE_USERNAME', undefined, [{ path: 'username', message: 'Nama pengguna sudah dipakai' }]);
const duplicateNip = () => new AppError('CONFLICT', 'NIP sudah terdaftar', [{ path: 'nip', message: 'NIP sudah terdaftar' }]);

/** The unit a new person is placed in, when the actor may create people there. */
async function placementFor(ctx: ServiceContext, db: ServiceContext['db'], unitId: string) {
  const unit = await findUnit(db, scopeFor(ctx.actor, 'unit:read'), unitId);
  if (!unit) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'unitId', message: 'Unit tidak ditemukan' }]);
  if (!can(ctx.actor, 'user:create', { instansiId: unit.instansiId, unitId: unit.id })) throw new AppError('FORBIDDEN');
  return unit;
}

export async function createUser(ctx: ServiceContext, input: z.infer<typeof CreateUserSchema>) {
  // argon2id takes tens of milliseconds: hash before the transaction so it is not held open
  // (on PGlite an open transaction holds up every other request) — but only after the
  // permission check, so a refused caller cannot make the server hash for them.
  await placementFor(ctx, ctx.db, input.unitId);
  const temp = input.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(input.password ?? (temp as string));
  return ctx.db.transaction(async (tx) => {
    const unit = await placementFor(ctx, tx as never, input.unitId); // again: it may have moved meanwhile
    const taken = await repo.takenIdentities(tx, [input.username], input.nip ? [input.nip] : []);
    if (taken.usernames.size) throw duplicateUsername();
    if (taken.nips.size) throw duplicateNip();
    const [user] = await repo.insertUsers(tx, [
      {
        username: input.username,
        name: input.name,
        nip: input.nip,
        email: input.email,
        unitId: unit.id,
        instansiId: unit.instansiId,
        position: input.position,
        passwordHash,
        mustChangePassword: !input.password,
      },
    ]);
    await recordAudit(tx, ctx.audit, {
      action: 'user.created',
      payload: { username: user.username, unitId: user.unitId },
      entityId: user.id,
      instansiId: user.instansiId,
      unitId: user.unitId,
    });
    return { user, temporaryPassword: temp };
  });
}

async function loadForChange(ctx: ServiceContext, tx: ServiceContext['db'], id: string, action: 'user:update' | 'user:reset_password') {
  const row = await repo.findUser(tx, scopeFor(ctx.actor, 'user:read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  const held = await repo.assignmentsOf(tx, [id]);
  if (!canManageHolder(ctx.actor, action, { instansiId: row.instansiId, unitId: row.unitId }, held)) throw new AppError('FORBIDDEN');
  return row;
}

export async function updateUser(ctx: ServiceContext, id: string, input: z.infer<typeof UpdateUserSchema>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadForChange(ctx, tx as never, id, 'user:update');
    const changes: Record<string, unknown> = { ...input };
    if (input.unitId && input.unitId !== row.unitId) {
      const unit = await findUnit(tx, scopeFor(ctx.actor, 'unit:read'), input.unitId);
      if (!unit || !can(ctx.actor, 'user:update', { instansiId: unit.instansiId, unitId: unit.id })) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'unitId', message: 'Unit tidak ditemukan' }]);
      }
      changes.instansiId = unit.instansiId;
    }
    if (input.nip && input.nip !== row.nip && (await repo.takenIdentities(tx, [], [input.nip])).nips.size) throw duplicateNip();
    const updated = await repo.updateUser(tx, id, changes);
    // A deactivated person is signed out everywhere at once, not at their next request.
    if (input.active === false) await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx.audit, { action: 'user.updated', payload: { changes: input }, entityId: id, instansiId: updated.instansiId, unitId: updated.unitId });
    // With the roles, so the answer's abilities are the ones the next request will be held to.
    return { ...updated, roles: await repo.assignmentsOf(tx, [id]) };
  });
}

/** Sets a new temporary password, ends the user's sessions and clears any lockout. */
export async function resetPassword(ctx: ServiceContext, id: string) {
  await loadForChange(ctx, ctx.db, id, 'user:reset_password'); // refuse before hashing
  const temp = temporaryPassword();
  const passwordHash = await hashPassword(temp); // outside the transaction, as in createUser
  return ctx.db.transaction(async (tx) => {
    const row = await loadForChange(ctx, tx as never, id, 'user:reset_password');
    await repo.updateUser(tx, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx.audit, { action: 'user.password_reset', payload: { username: row.username }, entityId: id, instansiId: row.instansiId, unitId: row.unitId });
    return { temporaryPassword: temp };
  });
}

/** Changes the signed-in person's password and ends their other sessions (keeps `currentSessionId`). */
export async function changeOwnPassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }, currentSessionId: string | null) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const me = await repo.findByIdUnscoped(ctx.db, ctx.actor.userId);
  if (!me) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(me.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'currentPassword', message: 'Kata sandi lama salah' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, me.id, { passwordHash, mustChangePassword: false });
    await deleteOtherSessionsOfUser(tx, me.id, currentSessionId);
    await recordAudit(tx, ctx.audit, { action: 'user.password_changed', payload: { self: true }, entityId: me.id, instansiId: me.instansiId, unitId: me.unitId });
  });
}
