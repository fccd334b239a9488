/** People and role assignments. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssignRoleSchema, CreateUserSchema, IdParamSchema, PageQuerySchema, ROLE_LABELS, ROLE_SCOPES, ROLES, PERMISSIONS, UpdateUserSchema } from '@zona/shared';
import * as roles from '../../services/users/roles.ts';
import * as users from '../../services/users/users.ts';
import { contextOf } from '../plugins/auth.ts';
import { page, presentUser } from '../presenters/index.ts';
import type { RouteDeps } from './deps.ts';

export async function userRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pengguna'];

  r.get(
    '/users',
    { schema: { tags, summary: 'Daftar pengguna', querystring: PageQuerySchema.extend({ unitId: z.uuid().optional(), instansiId: z.uuid().optional() }) } },
    async (req) => {
      const res = await users.listUsers(contextOf(req, deps), req.query);
      return page(res.rows.map((u) => presentUser(req.actor, u)), res.total, req.query);
    },
  );
  r.post('/users', { schema: { tags, summary: 'Tambah pengguna', body: CreateUserSchema } }, async (req, reply) => {
    const res = await users.createUser(contextOf(req, deps), req.body);
    return reply.status(201).send({ user: presentUser(req.actor, res.user), ...(res.temporaryPassword ? { temporaryPassword: res.temporaryPassword } : {}) });
  });
  r.get('/users/:id', { schema: { tags, summary: 'Detail pengguna', params: IdParamSchema } }, async (req) =>
    presentUser(req.actor, await users.getUser(contextOf(req, deps), req.params.id)),
  );
  r.patch('/users/:id', { schema: { tags, summary: 'Ubah pengguna', params: IdParamSchema, body: UpdateUserSchema } }, async (req) =>
    presentUser(req.actor, await users.updateUser(contextOf(req, deps), req.params.id, req.body)),
  );
  r.post('/users/:id/reset-password', { schema: { tags, summary: 'Atur ulang kata sandi', params: IdParamSchema } }, async (req) =>
    users.resetPassword(contextOf(req, deps), req.params.id),
  );
  r.post('/users/:id/roles', { schema: { tags, summary: 'Berikan peran', params: IdParamSchema, body: AssignRoleSchema } }, async (req, reply) => {
    const row = await roles.assignRole(contextOf(req, deps), req.params.id, req.body);
    return reply.status(201).send({ id: row.id, role: row.role, unitId: row.unitId, instansiId: row.instansiId, includeDescendants: row.includeDescendants, area: row.area });
  });
  r.delete(
    '/users/:id/roles/:assignmentId',
    { schema: { tags, summary: 'Cabut peran', params: z.object({ id: z.uuid(), assignmentId: z.uuid() }) } },
    async (req, reply) => {
      await roles.revokeRole(contextOf(req, deps), req.params.id, req.params.assignmentId);
      return reply.status(204).send();
    },
  );
  r.get('/roles', { schema: { tags, summary: 'Daftar peran dan izinnya' } }, async () => ({
    items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], scopes: ROLE_SCOPES[role], permissions: PERMISSIONS[role] })),
  }));
}
