/**
 * A guard against ZIP bombs in uploaded workbooks. An xlsx is a ZIP archive; a few kilobytes can
 * inflate to gigabytes and take the server down while exceljs unpacks it. Before any workbook
 * library sees the bytes, we read the central directory, refuse archives whose declared sizes
 * exceed the limits, and inflate every entry with an output cap equal to its declared size — so
 * an archive that lies about its sizes is caught too. Pure Node (`zlib`), no dependency.
 *
 * The guard is only as good as its agreement with the reader behind it (JSZip inside exceljs),
 * so it accepts only the plain layout every spreadsheet program writes and that both read the
 * same way: one disk, no ZIP64, the central directory exactly before its end record, every
 * entry's data in its own byte range. Anything cleverer is refused rather than interpreted:
 * a reader that disagrees with the guard about where an entry lies would make the guard useless,
 * and entries sharing one compressed range would let a small file cost many inflations.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
}

/**
 * An LKE workbook unpacks to about 280 kB and a 1,000-row import template to a few hundred; 8 MB
 * leaves room for a heavily styled Excel file while keeping what exceljs builds in memory from
 * it (some twenty times the XML) to a couple of hundred megabytes.
 */
export const WORKBOOK_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 8 * 1_048_576, maxEntries: 5_000 };

/**
 * The most compressed bytes any real deflate encoder writes for `size` bytes: one falls back to
 * stored blocks (5 bytes of header per 65,535) rather than grow the data, and zlib's own bound
 * (`deflateBound`) is tighter still. More than this means padding such as thousands of empty
 * blocks, which costs inflation time without producing output.
 */
const deflateBound = (size: number) => size + Math.ceil(size / 16_383) * 5 + 64;

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
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end. Like JSZip we
  // take the last signature in the file; one too close to the end to hold a record is damage.
  const stop = Math.max(0, buf.length - 22 - U16_MAX);
  for (let i = buf.length - 4; i >= stop; i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    if (i + 22 > buf.length) break;
    return i;
  }
  throw new ZipRejected('no ZIP end-of-central-directory record');
}

interface Entry {
  method: number;
  size: number;
  /** The local header's first byte and the byte after the entry's data. */
  from: number;
  to: number;
  dataStart: number;
}

/** Reads and checks the end record; returns where the central directory lies. */
function readEnd(buf: Buffer, limits: ZipLimits): { eocd: number; entries: number; cdOffset: number } {
  const eocd = findEndOfCentralDirectory(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const commentLen = buf.readUInt16LE(eocd + 20);
  // Any field at its maximum means "look in the ZIP64 record", and a ZIP64 locator right before
  // the end record makes JSZip read that record instead: an xlsx we accept never needs either.
  const zip64Locator = eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR;
  if (zip64Locator || [disk, cdDisk, entriesHere, entries].includes(U16_MAX) || [cdSize, cdOffset].includes(U32_MAX)) {
    throw new ZipRejected('ZIP64 archives are not accepted');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) throw new ZipRejected('multi-disk archives are not accepted');
  if (eocd + 22 + commentLen !== buf.length) throw new ZipRejected('damaged end record');
  // JSZip shifts every offset when the directory is not where the end record says; we refuse
  // instead, so both read entries from the same bytes.
  if (cdOffset + cdSize !== eocd) throw new ZipRejected('central directory is not where the archive says');
  if (entries > limits.maxEntries) throw new ZipRejected(`more than ${limits.maxEntries} entries`, true);
  return { eocd, entries, cdOffset };
}

/** Inflates one entry, capped at its declared size; the cap being hit is what marks a bomb. */
function checkContent(data: Buffer, method: number, size: number): void {
  if (method === 0) {
    if (data.length !== size) throw new ZipRejected('stored entry size mismatch');
    return;
  }
  if (method !== 8) throw new ZipRejected(`unsupported compression method ${method}`);
  let out: Buffer;
  try {
    // One byte of headroom so "exactly the declared size" passes and anything more throws.
    out = inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipRejected('entry inflates beyond its declared size', true);
    }
    throw new ZipRejected('entry data is damaged');
  }
  if (out.length !== size) throw new ZipRejected('entry size does not match its declaration', out.length > size);
}

/** Walks the central directory; every declared size and position is checked, nothing inflated. */
function readDirectory(buf: Buffer, limits: ZipLimits): Entry[] {
  const { eocd, entries: count, cdOffset } = readEnd(buf, limits);
  let total = 0;
  let p = cdOffset;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRejected('damaged central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const local = buf.readUInt32LE(p + 42);
    if (compressed === U32_MAX || size === U32_MAX || local === U32_MAX || diskStart === U16_MAX) {
      throw new ZipRejected('ZIP64 archives are not accepted');
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (p > eocd) throw new ZipRejected('damaged central directory');
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRejected('unpacked size exceeds the limit', true);
    if (local + 30 > cdOffset || buf.readUInt32LE(local) !== LOCAL) throw new ZipRejected('damaged local header');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressed > cdOffset) throw new ZipRejected('entry runs into the central directory');
    if (method === 8 && compressed > deflateBound(size)) throw new ZipRejected('entry is padded beyond what deflate writes');
    entries.push({ method, size, from: local, to: dataStart + compressed, dataStart });
  }
  if (p !== eocd) throw new ZipRejected('central directory holds more than its entry count says');
  // Every entry owns its bytes: overlapping entries would let one compressed range be inflated
  // thousands of times, and they never occur in a file a spreadsheet program wrote. With this,
  // the inflation work is bounded by the file's length and the unpacked-size limit.
  entries.sort((a, b) => a.from - b.from); // the order they are inflated in does not matter
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].from < entries[i - 1].to) throw new ZipRejected('entries overlap');
  }
  return entries;
}

/** Throws `ZipRejected` when the archive is malformed, too large unpacked, or lies about sizes. */
export function assertSafeZip(buf: Buffer, limits: ZipLimits = WORKBOOK_ZIP_LIMITS): void {
  if (buf.length < 22) throw new ZipRejected('too short for a ZIP archive');
  for (const e of readDirectory(buf, limits)) checkContent(buf.subarray(e.dataStart, e.to), e.method, e.size);
}
