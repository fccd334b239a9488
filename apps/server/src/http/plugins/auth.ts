/**
 * Session → actor resolution and CSRF for the authenticated API scope.
 * Routes declare `config.public = true` to skip the session requirement (login, health).
 * A cookie-authenticated write must carry the session's CSRF token in `x-csrf-token`
 * (synchroniser token stored server-side with the session).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../../audit/events.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import type { UserRow } from '../../repositories/user-repository.ts';
import { resolveSession } from '../../services/auth/sessions.ts';
import type { ServiceContext } from '../../services/context.ts';

export const SESSION_COOKIE = 'zona_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a person holding a temporary password may still do: see who they are, change it, leave. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: UserRow | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** No session required. */
    public?: boolean;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  // preParsing: after the rate limiter (a route-level onRequest hook, so refused sign-ins and
  // floods of anonymous calls are still counted) but before the body is read, so an
  // unauthenticated or cross-site write is refused without parsing or storing what it sent.
  app.addHook('preParsing', async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(deps.db, token, deps.config.SESSION_IDLE_MINUTES);
      if (s) {
        req.actor = s.actor;
        req.user = s.user;
        req.sessionId = s.sessionId;
        req.csrfToken = s.csrfToken;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    // Unknown routes (no matched url) fall through to the JSON 404, signed in or not.
    const isPublic = req.routeOptions.config?.public === true || req.routeOptions.url === undefined;
    if (!isPublic && !req.actor) throw new AppError('UNAUTHENTICATED');
    if (req.user?.mustChangePassword && !isPublic && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? '')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    // Public routes (sign-in, later anonymous surveys) do not act on the session, so a stale
    // cookie must not block them with a CSRF failure.
    if (req.actor && !isPublic && !SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !req.csrfToken || !sameToken(header, req.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
  });
}

/** The audit context of a request. */
export function auditContextOf(req: FastifyRequest): AuditContext {
  return { actorId: req.actor?.userId ?? null, actorName: req.actor?.username ?? null, ip: req.ip ?? null, requestId: req.id };
}

/** Builds the service context of a request. */
export function contextOf(req: FastifyRequest, deps: { db: Db; config: Config }): ServiceContext {
  return { db: deps.db, config: deps.config, actor: req.actor, audit: auditContextOf(req) };
}
