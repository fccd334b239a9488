/**
 * Receiving an uploaded file: streamed to a private temp file while its SHA-256 is computed and
 * its size is capped, so a large upload never sits in memory and the audit trail can name the
 * exact file. The caller deletes the file in a `finally` (`discardUpload`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../lib/errors.ts';

/** A file on disk with what the importers need to know about it. */
export interface StoredUpload {
  path: string;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  bytes: number;
  /** The first bytes, for sniffing the real file type (the client's MIME type is never trusted). */
  head: Buffer;
}

/** Temp files start with this, so a leak would be easy to spot (and tests can check for none). */
export const UPLOAD_PREFIX = 'zona-upload-';
const HEAD_BYTES = 8;

/** "10 MB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1_048_576) return `${Math.round((n / 1_048_576) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte`;
}

export function tooLarge(limitBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Berkas melebihi batas ukuran unggahan (${formatBytes(limitBytes)})`);
}

/**
 * Streams `source` to a new temp file. `source` is a multipart file stream: when the part passes
 * the parser's fileSize limit it is cut off and flagged `truncated`; we also count bytes ourselves
 * so the cap holds for any stream. Throws 413 (after removing the partial file) when exceeded.
 */
export async function storeUpload(source: Readable & { truncated?: boolean }, limitBytes: number): Promise<StoredUpload> {
  const path = join(tmpdir(), `${UPLOAD_PREFIX}${randomUUID()}`);
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limitBytes) return done(tooLarge(limitBytes));
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    // 'wx' + 0600: never follow or reuse an existing path, and keep the upload private.
    await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    if (source.truncated) throw tooLarge(limitBytes);
  } catch (err) {
    await discardUpload(path);
    // A stream error of our own meter arrives as is; anything else is a broken upload.
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitBytes);
    throw new AppError('BAD_REQUEST', 'Unggahan berkas terputus atau rusak; coba unggah lagi');
  }
  return { path, sha256: hash.digest('hex'), bytes, head };
}

/** Removes an upload's temp file; never throws (it runs in `finally` blocks). */
export async function discardUpload(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}
