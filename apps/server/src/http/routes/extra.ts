/** Feature routes registered after the foundation ones: LKE and spreadsheet imports. */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps.ts';
import { importRoutes } from './imports.ts';
import { lkeRoutes } from './lke.ts';

export async function extraRoutes(app: FastifyInstance, deps: RouteDeps) {
  await app.register(lkeRoutes, deps);
  await app.register(importRoutes, deps);
}
