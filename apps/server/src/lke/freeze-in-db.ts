/**
 * The database half of the LKE freeze: the first time a database sees a published version it
 * stores the checksum; later starts refuse a published version whose checksum differs, so scores
 * already stored against it can never silently change meaning (the lock file guards the
 * repository, this guards each deployment's data).
 */
import type { Db } from '../db/client.ts';
import { insertSeenVersions, listSeenVersions } from '../repositories/lke-repository.ts';
import type { LkeRegistry } from './registry.ts';

export class LkeFrozenError extends Error {}

export async function freezeLkeVersions(db: Db, registry: LkeRegistry): Promise<void> {
  const seen = new Map((await listSeenVersions(db)).map((r) => [`${r.instrument}@${r.version}`, r]));
  const problems: string[] = [];
  const fresh = [];
  for (const v of registry.list()) {
    const prior = seen.get(`${v.instrument}@${v.version}`);
    if (!prior) {
      fresh.push({ instrument: v.instrument, version: v.version, status: v.status, checksum: v.checksum });
    } else if (prior.status === 'published' && prior.checksum !== v.checksum) {
      problems.push(
        `${v.instrument} v${v.version}: berkas berubah setelah diterbitkan (database: ${prior.checksum}, berkas: ${v.checksum}); terbitkan versi baru / the file changed after publication; publish a new version instead`,
      );
    }
  }
  if (problems.length) throw new LkeFrozenError(`LKE ditolak / LKE refused:\n  ${problems.join('\n  ')}`);
  await insertSeenVersions(db, fresh);
}
