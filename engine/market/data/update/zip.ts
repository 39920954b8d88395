import * as zlib from 'node:zlib';

/** One file of a zip archive, from its central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** A zip that cannot be read: truncated, damaged, or using a feature this reader does not have. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** The largest file this reader unpacks (French's biggest CSVs are a few MB). */
const MAX_SIZE = 256 * 1024 * 1024;

/** CRC-32 (ISO-HDLC, as zip uses): Node's own where it has one (20.15+), else a table. */
const crc32: (data: Uint8Array) => number =
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ??
  (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return (data: Uint8Array) => {
      let c = 0xffffffff;
      for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
  })();

/**
 * The files of a zip archive, read from its central directory (the end-of-central-directory
 * record is searched from the end, past an archive comment). Throws a ZipError when the
 * archive is truncated or damaged, or is a zip64 archive (French's files never are).
 */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50 && i + 22 + view.getUint16(i + 20, true) === zip.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('no end-of-central-directory record (a truncated download?)');
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('a zip64 archive, which this reader does not read');
  if (dirOffset + dirSize > end) throw new ZipError('its central directory lies outside the file (a truncated or damaged download?)');
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw new ZipError(`central directory entry ${k + 1} of ${count} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > end) throw new ZipError(`central directory entry ${k + 1} of ${count} is damaged`);
    entries.push({
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * The bytes of one file of a zip archive: stored, or deflated and inflated by Node's zlib;
 * checked against the size and CRC-32 the archive records. Throws a ZipError otherwise.
 */
export function unzipEntry(zip: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`);
  if (entry.size > MAX_SIZE) throw new ZipError(`${entry.name} would unpack to ${entry.size} bytes, more than a French file has`);
  const at = entry.offset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== 0x04034b50) throw new ZipError(`the local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.length) throw new ZipError(`${entry.name} is cut short`);
  const packed = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(packed);
  else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      throw new ZipError(`${entry.name} does not inflate (${(e as Error).message})`);
    }
  } else throw new ZipError(`${entry.name} is compressed with method ${entry.method}, not deflate`);
  if (data.length !== entry.size) throw new ZipError(`${entry.name} unpacks to ${data.length} bytes, not the ${entry.size} the archive records`);
  if (crc32(data) !== entry.crc) throw new ZipError(`${entry.name} fails its CRC-32 check`);
  return data;
}
