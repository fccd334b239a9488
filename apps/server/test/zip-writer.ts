/** Builds ZIP archives byte by byte for tests of the ZIP-bomb guard. */
import { deflateRawSync } from 'node:zlib';

export interface Entry {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Override the uncompressed size written into the central directory (a lying archive). */
  declaredSize?: number;
  /** Deflate data to write as is instead of compressing `data` (which then only gives the size). */
  deflated?: Buffer;
}

/** A minimal ZIP writer (CRCs left zero: the guard does not rely on them). */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.stored ? e.data : (e.deflated ?? deflateRawSync(e.data));
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Offset of the end-of-central-directory record (the archive has no comment). */
export const endRecord = (buf: Buffer): number => buf.length - 22;

/**
 * Repeats the first entry's central record `times` times, so many entries point at one local
 * header and one compressed range (the overlapping-entries bomb). The end record is rewritten
 * consistently, so only the overlap itself is wrong.
 */
export function sharedEntries(buf: Buffer, times: number): Buffer {
  const end = endRecord(buf);
  const cdOffset = buf.readUInt32LE(end + 16);
  const nameLen = buf.readUInt16LE(cdOffset + 28);
  const record = buf.subarray(cdOffset, cdOffset + 46 + nameLen);
  const cd = Buffer.concat(Array.from({ length: times }, () => record));
  const eocd = Buffer.from(buf.subarray(end));
  eocd.writeUInt16LE(times, 8);
  eocd.writeUInt16LE(times, 10);
  eocd.writeUInt32LE(cd.length, 12);
  return Buffer.concat([buf.subarray(0, cdOffset), cd, eocd]);
}
