/**
 * The committed lock file `lke/lke-lock.json`: `{ "<instrument>@<version>": "sha256:<hex>" }` for
 * every published LKE version. A published version is frozen (architecture §5): its bytes must
 * keep the checksum recorded when it was first published.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File name of the lock inside the LKE directory. */
export const LOCK_FILE = 'lke-lock.json';

/** Lock entries by `instrument@version`. */
export type LkeLock = Record<string, string>;

/** Key of one version in the lock. */
export function lockKey(instrument: string, version: number): string {
  return `${instrument}@${version}`;
}

/** SHA-256 of the exact file bytes, as written in the lock. */
export function checksumOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Reads the lock; a missing file is an empty lock (a fresh repository has nothing published). */
export async function readLock(dir: string): Promise<LkeLock> {
  const path = join(dir, LOCK_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${path}: must be a JSON object`);
  for (const [key, value] of Object.entries(data)) {
    if (!/^[a-z0-9-]+@\d+$/.test(key) || typeof value !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(value)) {
      throw new Error(`${path}: bad entry ${JSON.stringify(key)}: ${JSON.stringify(value)} (expected "instrument@N": "sha256:<64 hex>")`);
    }
  }
  return data as LkeLock;
}

/** Writes the lock with sorted keys (stable diffs). */
export async function writeLock(dir: string, lock: LkeLock): Promise<void> {
  const sorted: LkeLock = {};
  for (const key of Object.keys(lock).sort()) sorted[key] = lock[key];
  await writeFile(join(dir, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`, 'utf8');
}
