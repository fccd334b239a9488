/**
 * buildApp: the Fastify application without `listen` (tests inject requests into it).
 * Order is the checklist of every request: request id → security headers → rate limit →
 * session/CSRF (API scope only) → schema validation → handler → one error shape.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiNotFound, registerErrorHandling } from './plugins/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import type { RouteDeps } from './routes/deps.ts';
import { orgRoutes } from './routes/org.ts';
import { systemRoutes } from './routes/system.ts';
import { userRoutes } from './routes/users.ts';
import { extraRoutes } from './routes/extra.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  isPublic: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RegisteredRoute[];
  }
}

export interface BuildOptions extends RouteDeps {
  /** Directory of the built web app (index.html, public.html, assets/). */
  webDir?: string;
  logger?: boolean;
}

/** Content-Security-Policy the web app really runs under (no inline scripts, no CDNs). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  // Validation messages in Indonesian, the UI's source language.
  z.config(z.locales.id());
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body.password'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Every registered route, so tests can walk all of them (tenant isolation, auth).
  const routeList: RegisteredRoute[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) routeList.push({ method, url: r.url, isPublic: r.config?.public === true });
  });
  app.decorate('routeList', routeList);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers carry personal data and one-time secrets (temporary passwords, CSRF tokens):
    // no browser or proxy may keep them.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Zona API', description: 'API Zona Integritas (WBK/WBBM)', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zona_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      await api.register(rateLimit, {
        global: true,
        max: config.API_RATE_PER_MINUTE,
        timeWindow: '1 minute',
        errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode }),
      });
      registerAuth(api, opts);
      await api.register(systemRoutes, opts);
      await api.register(authRoutes, opts);
      await api.register(orgRoutes, opts);
      await api.register(userRoutes, opts);
      await api.register(auditRoutes, opts);
      await api.register(extraRoutes, opts);
      api.setNotFoundHandler(apiNotFound);
    },
    { prefix: '/api' },
  );

  const webDir = opts.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: false,
      wildcard: false,
      cacheControl: false,
      // Hashed assets are immutable; HTML must be revalidated so a new build is picked up.
      setHeaders: (reply: unknown, path: string) => {
        (reply as { header: (k: string, v: string) => void }).header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const hasPublic = existsSync(join(webDir, 'public.html'));
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api') return apiNotFound(req, reply);
      if (req.method !== 'GET' && req.method !== 'HEAD') return apiNotFound(req, reply);
      // Deep links: every non-file path is the single-page app; public pages get their light bundle.
      const file = hasPublic && /^\/(publik|public)(\/|$)/.test(req.url) ? 'public.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(file);
    });
  } else {
    app.setNotFoundHandler((req, reply) => apiNotFound(req, reply));
  }
  return app;
}
