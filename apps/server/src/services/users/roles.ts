/** Granting and revoking role assignments. */
import type { z } from 'zod';
import { type AssignRoleSchema, ROLE_SCOPES } from '@zona/shared';
import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../lib/errors.ts';
import { can, canGrantRole, scopeFor } from '../../policies/access.ts';
import { findInstansi, findUnit } from '../../repositories/org-repository.ts';
import * as repo from '../../repositories/user-repository.ts';
import type { ServiceContext } from '../context.ts';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);

export async function assignRole(ctx: ServiceContext, userId: string, input: z.infer<typeof AssignRoleSchema>) {
  return ctx.db.transaction(async (tx) => {
    const user = await repo.findUser(tx, scopeFor(ctx.actor, 'user:read'), userId);
    if (!user) throw new AppError('NOT_FOUND');
    const allowed = ROLE_SCOPES[input.role];
    let instansiId: string | null = null;
    let unitId: string | null = null;
    if (input.unitId) {
      if (!allowed.includes('unit')) throw invalid('unitId', 'Peran ini tidak dapat dibatasi pada satu unit');
      const unit = await findUnit(tx, scopeFor(ctx.actor, 'unit:read'), input.unitId);
      if (!unit) throw invalid('unitId', 'Unit tidak ditemukan');
      instansiId = unit.instansiId;
      unitId = unit.id;
    } else if (input.instansiId) {
      if (!allowed.includes('agency')) throw invalid('instansiId', 'Peran ini tidak berlaku untuk seluruh instansi');
      const inst = await findInstansi(tx, scopeFor(ctx.actor, 'instansi:read'), input.instansiId);
      if (!inst) throw invalid('instansiId', 'Instansi tidak ditemukan');
      instansiId = inst.id;
    } else if (!allowed.includes('national')) {
      throw invalid('unitId', 'Pilih unit atau instansi untuk peran ini');
    }
    if (input.area && input.role !== 'work_team') throw invalid('area', 'Area hanya untuk anggota tim kerja');
    if (!can(ctx.actor, 'user:assign_role', { instansiId: user.instansiId, unitId: user.unitId })) throw new AppError('FORBIDDEN');
    if (!canGrantRole(ctx.actor, input.role, { instansiId, unitId })) throw new AppError('FORBIDDEN');
    const [row] = await repo.insertAssignments(tx, [
      { userId, role: input.role, instansiId, unitId, includeDescendants: !!unitId && input.includeDescendants, area: input.area },
    ]);
    await recordAudit(tx, ctx.audit, {
      action: 'role.assigned',
      payload: { userId, role: row.role, unitId, instansiId, includeDescendants: row.includeDescendants, area: row.area },
      entityType: 'user',
      entityId: userId,
      instansiId: user.instansiId,
      unitId: user.unitId,
    });
    return row;
  });
}

export async function revokeRole(ctx: ServiceContext, userId: string, assignmentId: string) {
  return ctx.db.transaction(async (tx) => {
    const user = await repo.findUser(tx, scopeFor(ctx.actor, 'user:read'), userId);
    if (!user) throw new AppError('NOT_FOUND');
    const a = await repo.findAssignment(tx, userId, assignmentId);
    if (!a) throw new AppError('NOT_FOUND');
    if (!can(ctx.actor, 'user:assign_role', { instansiId: user.instansiId, unitId: user.unitId })) throw new AppError('FORBIDDEN');
    if (!canGrantRole(ctx.actor, a.role as never, { instansiId: a.instansiId, unitId: a.unitId })) throw new AppError('FORBIDDEN');
    await repo.deleteAssignment(tx, assignmentId);
    await recordAudit(tx, ctx.audit, { action: 'role.revoked', payload: { userId, role: a.role, assignmentId }, entityType: 'user', entityId: userId, instansiId: user.instansiId, unitId: user.unitId });
  });
}
