/**
 * The backup file format: a gzip'd JSON-lines stream — header (format, version, migrations,
 * tables), one line per row (PostgreSQL's own `to_jsonb(row)` text), and a trailer with row
 * counts and a SHA-256 over everything before it. Reading verifies all of it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Database } from './client.ts';

export const BACKUP_FORMAT = 'zona-backup';
export const BACKUP_VERSION = 1;

/** The file cannot be read or is not an intact Zona backup (CLI exit 2). */
export class BackupFileError extends Error {}
/** The target database or schema does not allow this restore (CLI exit 1). */
export class RestoreRefusedError extends Error {}

export interface MigrationId {
  hash: string;
  createdAt: number;
}
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Generated (computed) columns: dumped for reference, never inserted. */
  generated: string[];
}
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  databaseKind: Database['kind'];
  serverVersion: string;
  migrations: MigrationId[];
  tables: TableInfo[];
}
export interface BackupTrailer {
  trailer: true;
  rows: Record<string, number>;
  totalRows: number;
  sha256: string;
}
/** What a verified file holds: its header and row counts per table. */
export interface CheckedBackup {
  header: BackupHeader;
  rows: Record<string, number>;
  totalRows: number;
}
export interface BackupSummary extends CheckedBackup {
  file: string;
  /** Size of the file on disk (compressed). */
  bytes: number;
  sha256: string;
}


/** Total rows over all tables. */
export const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function* fileLines(file: string): AsyncGenerator<string> {
  try {
    statSync(file);
  } catch (err) {
    throw new BackupFileError(`Berkas cadangan tidak dapat dibaca / cannot read the backup file: ${(err as Error).message}`);
  }
  const src = createReadStream(file);
  const gunzip = createGunzip();
  src.on('error', (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop() as string;
      yield* parts;
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    throw new BackupFileError(`Berkas cadangan rusak atau terpotong / the backup file is corrupt or truncated: ${(err as Error).message}`);
  } finally {
    src.destroy();
    gunzip.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}

const corrupt = (why: string) => new BackupFileError(`Berkas cadangan tidak utuh / the backup file is not intact: ${why}`);

function parseHeader(line: string | undefined): BackupHeader {
  let h: BackupHeader;
  try {
    h = JSON.parse(line ?? '');
  } catch {
    throw corrupt('baris kepala bukan JSON / the header line is not JSON');
  }
  if (h?.format !== BACKUP_FORMAT) throw corrupt('bukan cadangan Zona / not a Zona backup');
  if (h.version !== BACKUP_VERSION) throw corrupt(`versi format ${h.version} tidak didukung / format version ${h.version} is not supported`);
  const tablesOk = Array.isArray(h.tables) && h.tables.every((t) => typeof t?.name === 'string' && Array.isArray(t.columns) && Array.isArray(t.primaryKey));
  if (!tablesOk || !Array.isArray(h.migrations)) throw corrupt('kepala tidak lengkap / incomplete header');
  return h;
}

export type BackupItem = { kind: 'header'; header: BackupHeader } | { kind: 'row'; table: string; json: string };

/**
 * Reads a backup file as a stream of items (header first, then rows as jsonb text). The trailer's
 * counts and SHA-256 are checked at the end: a consumer that writes as it reads must do so inside
 * a transaction, so that a file found corrupt at its last line leaves nothing behind.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  const lines = fileLines(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  const hash = createHash('sha256').update(`${first.value}\n`);
  yield { kind: 'header', header };
  const prefixes = header.tables.map((t) => ({ table: t.name, prefix: `[${JSON.stringify(t.name)},` }));
  const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]));
  let trailer: BackupTrailer | undefined;
  let lineNo = 1;
  for await (const line of lines) {
    lineNo++;
    if (trailer) {
      if (line === '') continue;
      throw corrupt(`ada data setelah baris penutup (baris ${lineNo}) / data after the trailer (line ${lineNo})`);
    }
    if (line.startsWith('{')) {
      try {
        trailer = JSON.parse(line);
      } catch {
        throw corrupt(`baris ${lineNo} bukan JSON / line ${lineNo} is not JSON`);
      }
      if (trailer?.trailer !== true) throw corrupt(`baris ${lineNo} tidak dikenal / unknown line ${lineNo}`);
      continue;
    }
    const match = prefixes.find((p) => line.startsWith(p.prefix));
    if (!match || !line.endsWith(']')) throw corrupt(`baris ${lineNo} tidak dikenal / unknown line ${lineNo}`);
    hash.update(`${line}\n`);
    counts[match.table]++;
    yield { kind: 'row', table: match.table, json: line.slice(match.prefix.length, -1) };
  }
  if (!trailer) throw corrupt('baris penutup tidak ada (berkas terpotong?) / the trailer is missing (truncated file?)');
  const sha = hash.digest('hex');
  if (trailer.sha256 !== sha) throw corrupt('checksum SHA-256 tidak cocok / SHA-256 checksum mismatch');
  for (const t of header.tables) {
    if ((trailer.rows?.[t.name] ?? 0) !== counts[t.name]) throw corrupt(`jumlah baris ${t.name} tidak cocok / row count of ${t.name} does not match`);
  }
}

/** Reads the whole file once without touching any database; throws BackupFileError when it is not intact. */
export async function verifyBackupFile(file: string): Promise<CheckedBackup> {
  let header: BackupHeader | undefined;
  const counts: Record<string, number> = {};
  for await (const item of readBackup(file)) {
    if (item.kind === 'header') header = item.header;
    else counts[item.table] = (counts[item.table] ?? 0) + 1;
  }
  const h = header as BackupHeader;
  const full = Object.fromEntries(h.tables.map((t) => [t.name, counts[t.name] ?? 0]));
  return { header: h, rows: full, totalRows: total(full) };
}

