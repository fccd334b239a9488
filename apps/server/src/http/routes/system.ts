/** Health and the OpenAPI document. Public. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from './deps.ts';

export async function systemRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Status layanan / service health',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.database.query('select 1');
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
  r.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
