/**
 * Reads every `lke/<instrument>/v<N>.yaml`, checksums its bytes and parses it with the engine's
 * `parseLke`. Collects every problem instead of stopping at the first bad file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compileLke, type CompiledLke, type LkeDocument, LkeFormatError, parseLke } from '@zona/scoring';
import { parse as parseYaml } from 'yaml';
import { checksumOf } from './lock.ts';

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

/** Scans an LKE directory. Never throws for bad content: problems are returned with the files. */
export async function scanLkeDirectory(dir: string): Promise<{ versions: ScannedVersion[]; problems: LkeLoadProblem[] }> {
  const versions: ScannedVersion[] = [];
  const problems: LkeLoadProblem[] = [];
  const display = (file: string) => relative(join(dir, '..'), file) || file;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    return { versions, problems: [{ file: dir, message: `cannot read the LKE directory: ${(err as Error).message}` }] };
  }
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const instrumentDir = join(dir, entry.name);
    const files = (await readdir(instrumentDir)).filter((f) => VERSION_FILE.test(f)).sort();
    for (const name of files) {
      const file = join(instrumentDir, name);
      const shown = display(file);
      const expectedVersion = Number(VERSION_FILE.exec(name)?.[1]);
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
  return { versions, problems };
}
