/** Feature routes registered after the foundation ones (LKE, imports). */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps.ts';

export async function extraRoutes(_app: FastifyInstance, _deps: RouteDeps) {}
