/** Sign-in, sign-out, the current person, and own password change. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordSchema, LoginSchema, type Action, ACTIONS, roleGrants, type Role } from '@zona/shared';
import { AppError } from '../../lib/errors.ts';
import { assignmentsOf } from '../../repositories/user-repository.ts';
import { login, logout } from '../../services/auth/sessions.ts';
import { changeOwnPassword } from '../../services/users/users.ts';
import { contextOf, SESSION_COOKIE } from '../plugins/auth.ts';
import { presentAssignment, presentUser } from '../presenters/index.ts';
import type { RouteDeps } from './deps.ts';

export async function authRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: deps.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], summary: 'Masuk / sign in', body: LoginSchema },
    },
    async (req, reply) => {
      const res = await login(contextOf(req, deps), {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        replacesSessionId: req.sessionId,
      });
      reply.setCookie(SESSION_COOKIE, res.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure || req.protocol === 'https',
        maxAge: deps.config.SESSION_TTL_HOURS * 3600,
      });
      return { user: presentUser(null, res.user), csrfToken: res.csrfToken };
    },
  );

  r.get('/auth/me', { schema: { tags: ['auth'], summary: 'Pengguna yang sedang masuk / current user' } }, async (req) => {
    const actor = req.actor;
    const user = req.user;
    if (!actor || !user) throw new AppError('UNAUTHENTICATED');
    const held = await assignmentsOf(deps.db, [user.id]);
    const permissions = (ACTIONS as readonly Action[]).filter((a) => actor.assignments.some((x) => roleGrants(x.role as Role, a)));
    return { user: presentUser(actor, { ...user, roles: held }), roles: held.map(presentAssignment), permissions, csrfToken: req.csrfToken };
  });

  r.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Keluar / sign out' } }, async (req, reply) => {
    if (req.sessionId && req.user) await logout(contextOf(req, deps), req.sessionId, req.user);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: 'Ganti kata sandi sendiri / change own password', body: ChangePasswordSchema } },
    async (req, reply) => {
      await changeOwnPassword(contextOf(req, deps), req.body, req.sessionId);
      return reply.status(204).send();
    },
  );
}
