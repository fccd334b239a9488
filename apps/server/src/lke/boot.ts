/**
 * Loads the LKE versions at server start (architecture §5): every file is validated and
 * checksummed, and a published version whose bytes differ from lke/lke-lock.json is refused, so
 * the server never scores against a silently edited instrument. Score snapshots store the
 * version's checksum and ENGINE_VERSION, which ties every stored score to the exact data.
 */
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { resolveLkeDir } from './lke-dir.ts';
import { loadLkeDirectory } from './load-lke-directory.ts';
import type { LkeRegistry } from './registry.ts';

/**
 * Loads the registry from `ZONA_LKE_DIR` (config) or the repository's lke/ folder.
 * @throws LkeLoadError listing every invalid or changed file; the server must not start then.
 */
export async function loadLkeForServer(_db: Db, config: Pick<Config, 'ZONA_LKE_DIR'>): Promise<LkeRegistry> {
  return loadLkeDirectory(resolveLkeDir(config.ZONA_LKE_DIR));
}

/** The configured LKE directory (for the CLI and scripts, which have no composition root). */
export function configuredLkeDir(): string {
  return resolveLkeDir(loadConfig().ZONA_LKE_DIR);
}
