/** The audit trail screen's endpoints. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditQuerySchema } from '@zona/shared';
import { AppError } from '../../lib/errors.ts';
import { can } from '../../policies/access.ts';
import { listAudit } from '../../services/audit/list-audit.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit.ts';
import { contextOf } from '../plugins/auth.ts';
import { page, presentAudit } from '../presenters/index.ts';
import type { RouteDeps } from './deps.ts';

export async function auditRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get('/audit', { schema: { tags, summary: 'Jejak audit', querystring: AuditQuerySchema } }, async (req) => {
    const { page: p, pageSize, q: _q, ...filter } = req.query;
    const res = await listAudit(contextOf(req, deps), filter, { page: p, pageSize });
    return page(res.rows.map(presentAudit), res.total, { page: p, pageSize });
  });
  r.get('/audit/verify', { schema: { tags, summary: 'Verifikasi rantai hash audit' } }, async (req) => {
    // The chain spans every agency, so verification is a national action.
    if (!can(req.actor, 'audit:verify', { instansiId: null })) throw new AppError('FORBIDDEN');
    return verifyAuditChain(deps.db);
  });
}
