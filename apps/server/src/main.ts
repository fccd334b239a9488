/**
 * Composition root: config → database (migrated) → LKE versions → demo seed → HTTP → listen.
 * Prints the cold-start time and memory so operators see what a start costs.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from './config.ts';
import { DataDirLockedError, migrateDatabase, openDatabase } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { loadLkeForServer } from './lke/boot.ts';
import { freezeLkeVersions } from './lke/freeze-in-db.ts';
import { DEFAULT_WEB_DIR } from './paths.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';

async function start() {
  const t0 = performance.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await migrateDatabase(database);
  const lke = await loadLkeForServer(database.db, config);
  await freezeLkeVersions(database.db, lke);
  if (config.demoSeed) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) console.log(`[zona] Data demo dibuat / demo data created: ${seeded.instansi} instansi, ${seeded.units} unit, ${seeded.users} pengguna`);
  }
  const app = await buildApp({ db: database.db, database, config, lke, webDir: config.ZONA_WEB_DIR ?? DEFAULT_WEB_DIR });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  const ms = Math.round(performance.now() - t0);
  const mem = process.memoryUsage();
  console.log(
    `[zona] Siap / ready: http://localhost:${config.PORT} — database ${database.kind}, cold start ${ms} ms, ` +
      `memory rss ${Math.round(mem.rss / 1048576)} MiB, heap ${Math.round(mem.heapUsed / 1048576)} MiB`,
  );
}

start().catch((err) => {
  console.error('[zona] Gagal memulai / failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
