/**
 * Where the LKE data lives. The only reader of ZONA_LKE_DIR: every caller (server start, CLI,
 * lock script) asks this module, so the override behaves the same everywhere.
 */
import { fileURLToPath } from 'node:url';

/** The repository's `lke/` folder, found from this file's location (apps/server/src/lke/). */
export const REPO_LKE_DIR = fileURLToPath(new URL('../../../../lke/', import.meta.url));

/**
 * The LKE directory to load: `ZONA_LKE_DIR` when set (an absolute or cwd-relative path), else
 * the repository's `lke/` folder.
 */
export function resolveLkeDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env.ZONA_LKE_DIR;
  return override && override.trim() !== '' ? override : REPO_LKE_DIR;
}
