/** Use cases for the unit tree: list, tree, create, edit, move, deactivate. */
import type { z } from 'zod';
import type { CreateUnitSchema, UpdateUnitSchema } from '@zona/shared';
import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor } from '../../policies/access.ts';
import * as repo from '../../repositories/org-repository.ts';
import { type PageInput, type ServiceContext, toLimitOffset } from '../context.ts';

export async function listUnits(ctx: ServiceContext, opts: PageInput & { q?: string; instansiId?: string }) {
  return repo.listUnits(ctx.db, scopeFor(ctx.actor, 'unit:read'), { q: opts.q, instansiId: opts.instansiId, ...toLimitOffset(opts) });
}

export async function unitTree(ctx: ServiceContext, instansiId: string) {
  const inst = await repo.findInstansi(ctx.db, scopeFor(ctx.actor, 'instansi:read'), instansiId);
  if (!inst) throw new AppError('NOT_FOUND');
  return repo.unitsOfInstansi(ctx.db, scopeFor(ctx.actor, 'unit:read'), instansiId);
}

export async function getUnit(ctx: ServiceContext, id: string) {
  const row = await repo.findUnit(ctx.db, scopeFor(ctx.actor, 'unit:read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const duplicateCode = () => new AppError('DUPLICATE_CODE', undefined, [{ path: 'code', message: 'Kode unit sudah dipakai di instansi ini' }]);

export async function createUnit(ctx: ServiceContext, input: z.infer<typeof CreateUnitSchema>) {
  return ctx.db.transaction(async (tx) => {
    const inst = await repo.findInstansi(tx, scopeFor(ctx.actor, 'instansi:read'), input.instansiId);
    if (!inst) throw new AppError('NOT_FOUND');
    if (input.parentId) {
      const parent = await repo.findUnit(tx, scopeFor(ctx.actor, 'unit:read'), input.parentId);
      if (!parent || parent.instansiId !== input.instansiId) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'parentId', message: 'Unit induk tidak ditemukan di instansi ini' }]);
      }
      if (!can(ctx.actor, 'unit:create', { instansiId: input.instansiId, unitId: input.parentId })) throw new AppError('FORBIDDEN');
    } else if (!can(ctx.actor, 'unit:create', { instansiId: input.instansiId })) {
      throw new AppError('FORBIDDEN');
    }
    if ((await repo.takenUnitCodes(tx, input.instansiId, [input.code])).size) throw duplicateCode();
    const [row] = await repo.insertUnits(tx, [input]);
    await recordAudit(tx, ctx.audit, {
      action: 'unit.created',
      payload: { name: row.name, code: row.code, parentId: row.parentId },
      entityId: row.id,
      instansiId: row.instansiId,
      unitId: row.id,
    });
    return row;
  });
}

async function loadForChange(ctx: ServiceContext, tx: ServiceContext['db'], id: string, action: 'unit:update' | 'unit:move' | 'unit:deactivate') {
  const row = await repo.findUnit(tx, scopeFor(ctx.actor, 'unit:read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!can(ctx.actor, action, { instansiId: row.instansiId, unitId: row.id })) throw new AppError('FORBIDDEN');
  return row;
}

export async function updateUnit(ctx: ServiceContext, id: string, input: z.infer<typeof UpdateUnitSchema>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadForChange(ctx, tx as never, id, 'unit:update');
    if (input.code && input.code !== row.code && (await repo.takenUnitCodes(tx, row.instansiId, [input.code])).size) throw duplicateCode();
    const updated = await repo.updateUnit(tx, id, input);
    await recordAudit(tx, ctx.audit, { action: 'unit.updated', payload: { changes: input }, entityId: id, instansiId: row.instansiId, unitId: id });
    return updated;
  });
}

/** Moves a unit under another parent of the same instansi; refuses cycles. */
export async function moveUnit(ctx: ServiceContext, id: string, parentId: string | null) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadForChange(ctx, tx as never, id, 'unit:move');
    if (parentId) {
      const parent = await repo.findUnit(tx, scopeFor(ctx.actor, 'unit:read'), parentId);
      if (!parent || parent.instansiId !== row.instansiId) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'parentId', message: 'Unit induk tidak ditemukan di instansi ini' }]);
      }
      const subtree = (await repo.subtreeIds(tx, [id])).get(id) ?? [id];
      if (subtree.includes(parentId)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'parentId', message: 'Unit tidak dapat dipindah ke bawah dirinya sendiri' }]);
      }
      if (!can(ctx.actor, 'unit:create', { instansiId: row.instansiId, unitId: parentId })) throw new AppError('FORBIDDEN');
    } else if (!can(ctx.actor, 'unit:move', { instansiId: row.instansiId })) {
      throw new AppError('FORBIDDEN');
    }
    const updated = await repo.updateUnit(tx, id, { parentId });
    await recordAudit(tx, ctx.audit, { action: 'unit.moved', payload: { fromParentId: row.parentId, toParentId: parentId }, entityId: id, instansiId: row.instansiId, unitId: id });
    return updated;
  });
}

export async function deactivateUnit(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadForChange(ctx, tx as never, id, 'unit:deactivate');
    const updated = await repo.updateUnit(tx, id, { active: false });
    await recordAudit(tx, ctx.audit, { action: 'unit.deactivated', payload: { name: row.name }, entityId: id, instansiId: row.instansiId, unitId: id });
    return updated;
  });
}
