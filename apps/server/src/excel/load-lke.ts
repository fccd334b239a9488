/**
 * Finds an LKE version for the Excel commands through the server's loader (apps/server/src/lke):
 * the same validation, checksums and frozen-version lock as the server, so a workbook is never
 * exported from or imported against an LKE file the server would refuse.
 */
import type { LkeDocument } from '@zona/scoring';
import { configuredLkeDir, loadLkeDirectory } from '../lke/index.ts';
import type { LkeRegistry } from '../lke/index.ts';

export interface LoadedLke {
  lke: LkeDocument;
  /** `sha256:<hex>` of the LKE file, stored in the workbook's metadata sheet. */
  checksum: string;
}

/** Thrown when the instrument or version does not exist (a usage error for the CLI). */
export class LkeNotFoundError extends Error {
  override name = 'LkeNotFoundError';
}

/** One registry per process and directory: loading validates every file, which takes a while. */
const registries = new Map<string, Promise<LkeRegistry>>();

/**
 * The LKE version `instrument`@`version`, or its latest version when none is given.
 * @throws LkeNotFoundError when there is no such version; LkeLoadError when the data is refused.
 */
export async function loadLke(instrument: string, version?: number, dir = configuredLkeDir()): Promise<LoadedLke> {
  let registry = registries.get(dir);
  if (!registry) {
    registry = loadLkeDirectory(dir);
    registries.set(dir, registry);
    registry.catch(() => registries.delete(dir)); // a fixed file is picked up by the next call
  }
  const entry = (await registry).get(instrument, version);
  if (!entry) {
    const known = (await registry).list().map((v) => `${v.instrument} v${v.version}`);
    const wanted = version === undefined ? instrument : `${instrument} version ${version}`;
    throw new LkeNotFoundError(`no LKE ${wanted} (available: ${known.join(', ') || 'none'})`);
  }
  return { lke: entry.document, checksum: entry.checksum };
}
