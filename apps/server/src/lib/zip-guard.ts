/**
 * A guard against ZIP bombs in uploaded workbooks. An xlsx is a ZIP archive; a few kilobytes can
 * inflate to gigabytes and take the server down while exceljs unpacks it. Before any workbook
 * library sees the bytes, we read the central directory, refuse archives whose declared sizes
 * exceed the limits, and inflate every entry with an output cap equal to its declared size — so
 * an archive that lies about its sizes is caught too. Pure Node (`zlib`), no dependency.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** Generous for any import template or LKE workbook (a few hundred kilobytes unpacked). */
export const WORKBOOK_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 50 * 1_048_576, maxEntries: 5_000 };

export class ZipRejected extends Error {
  /** True when the archive is refused for what it would unpack to, not for being damaged. */
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipRejected('no ZIP end-of-central-directory record');
}

/** Throws `ZipRejected` when the archive is malformed, too large unpacked, or lies about sizes. */
export function assertSafeZip(buf: Buffer, limits: ZipLimits = WORKBOOK_ZIP_LIMITS): void {
  if (buf.length < 22) throw new ZipRejected('too short for a ZIP archive');
  const eocd = findEndOfCentralDirectory(buf);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: an xlsx we accept never needs them.
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new ZipRejected('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) throw new ZipRejected(`more than ${limits.maxEntries} entries`, true);
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRejected('damaged central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRejected('unpacked size exceeds the limit', true);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipRejected('damaged local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new ZipRejected('entry runs past the end of the file');
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== size) throw new ZipRejected('stored entry size mismatch');
    } else if (method === 8) {
      let out: Buffer;
      try {
        // One byte of headroom so "exactly the declared size" passes and anything more throws.
        out = inflateRawSync(data, { maxOutputLength: size + 1 });
      } catch {
        throw new ZipRejected('entry inflates beyond its declared size or is damaged', true);
      }
      if (out.length !== size) throw new ZipRejected('entry size does not match its declaration');
    } else {
      throw new ZipRejected(`unsupported compression method ${method}`);
    }
  }
}
