/**
 * Reading the screen (issue 13): the underlines, card and chip live in a closed shadow root that
 * neither the page nor a test script can open, so tests look at them as the agent does — in
 * pixels. A minimal PNG decoder (8-bit RGB/RGBA, not interlaced: what both browsers write) and a
 * search for the exact colours the overlay paints.
 */
import { inflateSync } from 'node:zlib';

export interface Image { width: number; height: number; rgba: Uint8Array }

export function decodePng(png: Buffer): Image {
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG (bit depth or interlace)');
      colorType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0, b = prev[i]!, c = i >= bpp ? prev[i - bpp]! : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      cur[i] = (line[i]! + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out.set([cur[x * bpp]!, cur[x * bpp + 1]!, cur[x * bpp + 2]!, bpp === 4 ? cur[x * bpp + 3]! : 255], (y * width + x) * 4);
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Colours the overlay paints (src/content/overlay/coach.ts CSS). */
export const COLOURS = {
  error: [217, 48, 37],
  warning: [227, 116, 0],
  info: [25, 103, 210],
  replace: [24, 128, 56],
} as const;

/** Bounding box (in the image's pixels) of the pixels within `tolerance` of `rgb`, and their count. */
export function findColour(img: Image, rgb: readonly number[], tolerance = 12): { count: number; x1: number; y1: number; x2: number; y2: number } {
  let count = 0, x1 = Infinity, y1 = Infinity, x2 = -1, y2 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.abs(img.rgba[i]! - rgb[0]!) <= tolerance && Math.abs(img.rgba[i + 1]! - rgb[1]!) <= tolerance && Math.abs(img.rgba[i + 2]! - rgb[2]!) <= tolerance) {
        count++;
        x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x); y2 = Math.max(y2, y);
      }
    }
  }
  return { count, x1, y1, x2, y2 };
}

/** The part of a viewport image inside `clip` (CSS pixels), clamped to the image. */
export function crop(img: Image, clip: { x: number; y: number; width: number; height: number }): Image {
  const x0 = Math.max(0, Math.floor(clip.x)), y0 = Math.max(0, Math.floor(clip.y));
  const x1 = Math.min(img.width, Math.ceil(clip.x + clip.width)), y1 = Math.min(img.height, Math.ceil(clip.y + clip.height));
  const width = Math.max(0, x1 - x0), height = Math.max(0, y1 - y0);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) rgba.set(img.rgba.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x1) * 4), y * width * 4);
  return { width, height, rgba };
}
