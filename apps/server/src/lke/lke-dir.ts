/**
 * Where the LKE data lives. The override comes from the validated configuration
 * (`ZONA_LKE_DIR` in config.ts, the only reader of process.env); this module only decides the
 * default, so server, CLI and lock script resolve the folder the same way.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `lke/` folder, found from this file's location (apps/server/src/lke/). */
export const REPO_LKE_DIR = fileURLToPath(new URL('../../../../lke/', import.meta.url));

/** The LKE directory to load: the configured `ZONA_LKE_DIR` (resolved from the cwd) or the repository's. */
export function resolveLkeDir(configured?: string): string {
  return configured && configured.trim() !== '' ? resolve(configured) : REPO_LKE_DIR;
}
