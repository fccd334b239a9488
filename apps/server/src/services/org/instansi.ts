/** Use cases for instansi (agencies) and their yearly facts. */
import type { z } from 'zod';
import type { CreateInstansiSchema, FactsSchema, UpdateInstansiSchema } from '@zona/shared';
import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor } from '../../policies/access.ts';
import * as repo from '../../repositories/org-repository.ts';
import { type PageInput, type ServiceContext, toLimitOffset } from '../context.ts';

export async function listInstansi(ctx: ServiceContext, page: PageInput & { q?: string }) {
  return repo.listInstansi(ctx.db, scopeFor(ctx.actor, 'instansi:read'), { q: page.q, ...toLimitOffset(page) });
}

/** Loads an instansi the caller may read; another agency's row is simply not found. */
export async function getInstansi(ctx: ServiceContext, id: string) {
  const row = await repo.findInstansi(ctx.db, scopeFor(ctx.actor, 'instansi:read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createInstansi(ctx: ServiceContext, input: z.infer<typeof CreateInstansiSchema>) {
  // A national action: only a national assignment that grants it covers `instansiId: null`.
  if (!can(ctx.actor, 'instansi:create', { instansiId: null })) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    if (await repo.instansiCodeTaken(tx, input.code)) {
      throw new AppError('DUPLICATE_CODE', undefined, [{ path: 'code', message: 'Kode instansi sudah dipakai' }]);
    }
    const row = await repo.insertInstansi(tx, input);
    await recordAudit(tx, ctx.audit, { action: 'instansi.created', payload: input, entityId: row.id, instansiId: row.id });
    return row;
  });
}

export async function updateInstansi(ctx: ServiceContext, id: string, input: z.infer<typeof UpdateInstansiSchema>) {
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findInstansi(tx, scopeFor(ctx.actor, 'instansi:read'), id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!can(ctx.actor, 'instansi:update', { instansiId: id })) throw new AppError('FORBIDDEN');
    if (input.code && (await repo.instansiCodeTaken(tx, input.code, id))) {
      throw new AppError('DUPLICATE_CODE', undefined, [{ path: 'code', message: 'Kode instansi sudah dipakai' }]);
    }
    const updated = await repo.updateInstansi(tx, id, input);
    await recordAudit(tx, ctx.audit, { action: 'instansi.updated', payload: { changes: input }, entityId: id, instansiId: id });
    return updated;
  });
}

export async function listInstansiFacts(ctx: ServiceContext, id: string) {
  await getInstansi(ctx, id);
  return repo.listFacts(ctx.db, id);
}

export async function setInstansiFacts(ctx: ServiceContext, id: string, year: number, facts: z.infer<typeof FactsSchema>) {
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findInstansi(tx, scopeFor(ctx.actor, 'instansi:read'), id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!can(ctx.actor, 'instansi:update_facts', { instansiId: id })) throw new AppError('FORBIDDEN');
    const saved = await repo.upsertFact(tx, { instansiId: id, year, ...facts });
    await recordAudit(tx, ctx.audit, { action: 'instansi_fact.updated', payload: { year, facts }, entityType: 'instansi', entityId: id, instansiId: id });
    return saved;
  });
}
