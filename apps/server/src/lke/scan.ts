/**
 * Reads every `lke/<instrument>/v<N>.yaml`, checksums its bytes and parses it with the engine's
 * `parseLke`. Collects every problem instead of stopping at the first bad file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compileLke, type CompiledLke, type LkeDocument, LkeFormatError, parseLke } from '@zona/scoring';
import { parse as parseYaml } from 'yaml';
import { checksumOf, lockKey } from './lock.ts';

/** One LKE file that parsed. */
export interface ScannedVersion {
  readonly instrument: string;
  readonly version: number;
  /** Absolute path. */
  readonly file: string;
  /** Path relative to the LKE directory's parent, for messages (`lke/zi-2021/v1.yaml`). */
  readonly displayPath: string;
  readonly checksum: string;
  readonly doc: LkeDocument;
  readonly compiled: CompiledLke;
}

/** A problem with one file (or the directory). */
export interface LkeLoadProblem {
  readonly file: string;
  readonly message: string;
}

const VERSION_FILE = /^v([1-9]\d*)\.yaml$/;

/** Result of a scan: the versions that parsed, every problem, and every version file present. */
export interface ScanResult {
  readonly versions: ScannedVersion[];
  readonly problems: LkeLoadProblem[];
  /** `instrument@version` of every `v<N>.yaml` found, valid or not (from folder and file name). */
  readonly present: Set<string>;
}

/** Scans an LKE directory. Never throws for bad content: problems are returned with the files. */
export async function scanLkeDirectory(dir: string): Promise<ScanResult> {
  const versions: ScannedVersion[] = [];
  const problems: LkeLoadProblem[] = [];
  const present = new Set<string>();
  const display = (file: string) => relative(join(dir, '..'), file) || file;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ file: dir, message: `cannot read the LKE directory: ${(err as Error).message}` });
    return { versions, problems, present };
  }
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const instrumentDir = join(dir, entry.name);
    const files = (await readdir(instrumentDir)).filter((f) => VERSION_FILE.test(f)).sort();
    for (const name of files) {
      const file = join(instrumentDir, name);
      const shown = display(file);
      const expectedVersion = Number(VERSION_FILE.exec(name)?.[1]);
      present.add(lockKey(entry.name, expectedVersion));
      try {
        const bytes = await readFile(file);
        const data = parseYaml(bytes.toString('utf8'));
        const doc = parseLke(data);
        if (doc.instrument !== entry.name || doc.version !== expectedVersion) {
          problems.push({
            file: shown,
            message: `declares ${doc.instrument} v${doc.version} but the file is ${entry.name}/${name}: instrument must match the folder and version the file name`,
          });
          continue;
        }
        versions.push({
          instrument: doc.instrument,
          version: doc.version,
          file,
          displayPath: shown,
          checksum: checksumOf(bytes),
          doc,
          compiled: compileLke(doc),
        });
      } catch (err) {
        const message =
          err instanceof LkeFormatError
            ? err.message
            : `${(err as Error).name === 'YAMLParseError' ? 'not valid YAML' : 'cannot be read'}: ${(err as Error).message}`;
        problems.push({ file: shown, message });
      }
    }
  }
  return { versions, problems, present };
}
