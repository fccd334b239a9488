/**
 * Loading the LKE data at start (architecture §5): validate every version, checksum it, and
 * refuse a published version whose bytes differ from the committed lock — a published LKE is
 * frozen, a change must become a new version.
 */
import { join, relative } from 'node:path';
import { LOCK_FILE, lockKey, readLock } from './lock.ts';
import { createRegistry, type LkeRegistry, type LkeVersion } from './registry.ts';
import { type LkeLoadProblem, scanLkeDirectory } from './scan.ts';

/** Options of `loadLkeDirectory`. */
export interface LoadLkeOptions {
  /**
   * Accept published versions that are not in the lock yet (the explicit "lock update" mode used
   * by scripts/lke-lock.ts). Never accepts a changed version that is already locked.
   */
  readonly allowUnlocked?: boolean;
}

/** Thrown when any LKE file is invalid or breaks the lock; lists every problem. */
export class LkeLoadError extends Error {
  readonly problems: readonly LkeLoadProblem[];

  constructor(problems: readonly LkeLoadProblem[]) {
    super(`LKE data refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p.file}: ${p.message}`).join('\n')}`);
    this.name = 'LkeLoadError';
    this.problems = problems;
  }
}

/**
 * Reads every `<dir>/<instrument>/v<N>.yaml`, parses it, checks it against `<dir>/lke-lock.json`
 * and returns the registry.
 * @throws LkeLoadError listing every invalid file and every lock violation.
 */
export async function loadLkeDirectory(dir: string, options: LoadLkeOptions = {}): Promise<LkeRegistry> {
  const { versions, problems, present } = await scanLkeDirectory(dir);
  const lockPath = relative(join(dir, '..'), join(dir, LOCK_FILE));
  let lock: Record<string, string> = {};
  try {
    lock = await readLock(dir);
  } catch (err) {
    problems.push({ file: lockPath, message: (err as Error).message });
  }
  const loaded: LkeVersion[] = [];
  for (const v of versions) {
    const key = lockKey(v.instrument, v.version);
    const locked = lock[key];
    if (locked !== undefined && locked !== v.checksum) {
      problems.push({
        file: v.displayPath,
        message:
          `${v.doc.status === 'published' ? 'published' : 'locked'} LKE ${key} has changed: its checksum is ${v.checksum} but ${lockPath} records ${locked}. ` +
          `A published version is frozen — restore the published file and publish the change as a new version (v${v.version + 1}.yaml with a CHANGELOG entry) instead.`,
      });
      continue;
    }
    if (locked === undefined && v.doc.status === 'published' && !options.allowUnlocked) {
      problems.push({
        file: v.displayPath,
        message: `published LKE ${key} is not recorded in ${lockPath}. Record it once with "node --import tsx scripts/lke-lock.ts" (it adds new versions only) and commit the lock.`,
      });
      continue;
    }
    loaded.push({
      instrument: v.instrument,
      version: v.version,
      status: v.doc.status,
      bestEffort: v.doc.bestEffort,
      title: v.doc.title,
      effective: v.doc.effective,
      checksum: v.checksum,
      file: v.file,
      itemCount: v.compiled.items.length,
      document: v.doc,
      compiled: v.compiled,
    });
  }
  for (const key of Object.keys(lock)) {
    if (!present.has(key)) {
      const [instrument, version] = key.split('@');
      problems.push({
        file: relative(join(dir, '..'), join(dir, instrument, `v${version}.yaml`)),
        message: `${key} is published in ${lockPath} but its file is missing; a published version cannot be removed`,
      });
    }
  }
  if (problems.length > 0) throw new LkeLoadError(problems);
  return createRegistry(loaded);
}
