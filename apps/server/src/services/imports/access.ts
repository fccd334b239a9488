/** Who may import into an instansi: shared by the template downloads and the imports. */
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor } from '../../policies/access.ts';
import { findInstansi, type InstansiRow } from '../../repositories/org-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Scoped load, then the pure policy: another agency's instansi is simply not found (404, nothing
 * about it leaks); someone who can see it but may not import gets 403. The routes call this
 * before accepting an upload, and the import use cases again inside their transaction.
 */
export async function loadImportTarget(
  ctx: ServiceContext,
  db: Executor,
  instansiId: string,
  action: 'unit:import' | 'user:import',
): Promise<InstansiRow> {
  const inst = await findInstansi(db, scopeFor(ctx.actor, 'instansi:read'), instansiId);
  if (!inst) throw new AppError('NOT_FOUND');
  if (!can(ctx.actor, action, { instansiId })) throw new AppError('FORBIDDEN');
  return inst;
}
