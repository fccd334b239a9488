/** Lists audit events visible to the caller. */
import { holdsAnywhere, scopeFor } from '../../policies/access.ts';
import { type AuditFilter, listEvents } from '../../repositories/audit-repository.ts';
import { AppError } from '../../lib/errors.ts';
import { type PageInput, type ServiceContext, toLimitOffset } from '../context.ts';

export async function listAudit(ctx: ServiceContext, filter: AuditFilter, page: PageInput) {
  if (!holdsAnywhere(ctx.actor, 'audit:read')) throw new AppError('FORBIDDEN');
  return listEvents(ctx.db, scopeFor(ctx.actor, 'audit:read'), filter, toLimitOffset(page));
}
