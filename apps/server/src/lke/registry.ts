/**
 * The in-memory registry of loaded LKE versions: listing, lookup by instrument and version,
 * and the latest version of an instrument.
 */
import type { CompiledLke, LkeDocument, Text } from '@zona/scoring';

/** One loaded, verified LKE version. */
export interface LkeVersion {
  readonly instrument: string;
  readonly version: number;
  readonly status: 'draft' | 'published';
  readonly bestEffort: boolean;
  readonly title: Text;
  readonly effective: LkeDocument['effective'];
  /** `sha256:<hex>` of the file bytes; stored with every score snapshot. */
  readonly checksum: string;
  /** Absolute path of the YAML file. */
  readonly file: string;
  readonly itemCount: number;
  readonly document: LkeDocument;
  readonly compiled: CompiledLke;
}

/** Read access to the loaded LKE versions. */
export interface LkeRegistry {
  /** Every version, by instrument then version (a fresh array). */
  list(): LkeVersion[];
  /** One version; without `version`, the same as `latest`. */
  get(instrument: string, version?: number): LkeVersion | undefined;
  /**
   * The highest published version of an instrument; when none is published yet, its highest
   * draft (so a best-effort instrument still in draft can be tried out).
   */
  latest(instrument: string): LkeVersion | undefined;
}

/** Builds a registry over verified versions. */
export function createRegistry(versions: readonly LkeVersion[]): LkeRegistry {
  const sorted = [...versions].sort((a, b) => a.instrument.localeCompare(b.instrument) || a.version - b.version);
  const latest = (instrument: string) => {
    const own = sorted.filter((v) => v.instrument === instrument);
    const published = own.filter((v) => v.status === 'published');
    return (published.length > 0 ? published : own).at(-1);
  };
  return {
    list: () => [...sorted],
    get: (instrument, version) =>
      version === undefined ? latest(instrument) : sorted.find((v) => v.instrument === instrument && v.version === version),
    latest,
  };
}
