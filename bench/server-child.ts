/**
 * A server for the benchmark, run as a child process: `bare` (a Fastify route and nothing else)
 * or `zona` (the real app on PGlite, or on PostgreSQL when DATABASE_URL is set, with demo data).
 * Prints `PORT <n>` when listening.
 */
import Fastify from 'fastify';
import { loadConfig } from '../apps/server/src/config.ts';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { seedDemoIfEmpty } from '../apps/server/src/seed/demo.ts';

const kind = process.argv[2];
if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ items: [], total: 0 }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  console.log(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}`);
} else {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', API_RATE_PER_MINUTE: '100000000', ZONA_DEMO: '1' });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL });
  await migrateDatabase(database);
  await seedDemoIfEmpty(database.db);
  const app = await buildApp({ db: database.db, database, config, lke: null, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  console.log(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}`);
}
