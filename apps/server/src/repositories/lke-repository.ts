/** SQL of the LKE versions a database has seen (global reference data, not tenant-owned). */
import type { Executor } from '../db/client.ts';
import { lkeVersion } from '../db/schema/index.ts';

export type LkeVersionRow = typeof lkeVersion.$inferSelect;

export async function listSeenVersions(db: Executor): Promise<LkeVersionRow[]> {
  return db.select().from(lkeVersion);
}

/** Records versions the database had not seen yet (existing rows are left untouched). */
export async function insertSeenVersions(db: Executor, rows: (typeof lkeVersion.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(lkeVersion).values(rows).onConflictDoNothing();
}
