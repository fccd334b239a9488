/** Repository-relative locations of data the server loads (resolved from this file, not the cwd). */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const DEFAULT_LKE_DIR = resolve(REPO_ROOT, 'lke');
export const DEFAULT_WEB_DIR = resolve(REPO_ROOT, 'apps/web/dist');
