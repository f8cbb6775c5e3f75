import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG for the skill's icons: 8-bit RGB, no interlacing, every row unfiltered. Written
 * by hand: two functions do not need an image library.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGB = 2;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An image as rows of RGB bytes, top to bottom. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes. */
  readonly pixels: Buffer;
}

export function encodePng(image: RgbImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 3) throw new Error('An RGB image has three bytes per pixel');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(RGB, 9);
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) pixels.copy(rows, y * (1 + width * 3) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** What a PNG file says about itself in its header; undefined when it is not a PNG. */
export function pngHeader(file: Buffer): { readonly width: number; readonly height: number; readonly bitDepth: number; readonly colorType: number } | undefined {
  if (file.length < 33 || !file.subarray(0, 8).equals(SIGNATURE) || file.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), bitDepth: file.readUInt8(24), colorType: file.readUInt8(25) };
}

/** The pixels of a PNG this module wrote (8-bit RGB, unfiltered rows); undefined for any other PNG. */
export function decodePng(file: Buffer): RgbImage | undefined {
  const header = pngHeader(file);
  if (!header || header.bitDepth !== 8 || header.colorType !== RGB) return undefined;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') data.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const stride = 1 + header.width * 3;
  if (rows.length !== header.height * stride) return undefined;
  const pixels = Buffer.alloc(header.width * header.height * 3);
  for (let y = 0; y < header.height; y += 1) {
    if (rows[y * stride] !== 0) return undefined;
    rows.copy(pixels, y * header.width * 3, y * stride + 1, (y + 1) * stride);
  }
  return { width: header.width, height: header.height, pixels };
}
