/**
 * Recording newly published LKE versions in the lock (the only writer of lke-lock.json).
 * Adds entries for published versions that have none; never rewrites an existing entry —
 * a published version is frozen, so a mismatch is an error to resolve by publishing v<N+1>.
 */
import { lockKey, readLock, writeLock } from './lock.ts';
import { scanLkeDirectory } from './scan.ts';

/** What `updateLock` did or would do. */
export interface LockUpdate {
  /** Keys added (or, with `check`, that would be added). */
  readonly added: readonly string[];
  /** Problems that block the update: invalid files and changed published versions. */
  readonly problems: readonly string[];
  /** True when the lock file was written. */
  readonly written: boolean;
}

/** Adds every published version missing from the lock. With `check`, reports without writing. */
export async function updateLock(dir: string, options: { check?: boolean } = {}): Promise<LockUpdate> {
  const { versions, problems: scanProblems } = await scanLkeDirectory(dir);
  const problems = scanProblems.map((p) => `${p.file}: ${p.message}`);
  const lock = await readLock(dir);
  const added: string[] = [];
  for (const v of versions) {
    if (v.doc.status !== 'published') continue;
    const key = lockKey(v.instrument, v.version);
    const locked = lock[key];
    if (locked === undefined) {
      lock[key] = v.checksum;
      added.push(key);
    } else if (locked !== v.checksum) {
      problems.push(
        `${v.displayPath}: ${key} is locked as ${locked} but the file is now ${v.checksum}; the lock entry is never overwritten — restore the file and publish the change as v${v.version + 1}`,
      );
    }
  }
  const written = !options.check && problems.length === 0 && added.length > 0;
  if (written) await writeLock(dir, lock);
  return { added, problems, written };
}
