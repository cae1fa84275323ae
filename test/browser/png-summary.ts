// Reads a PNG far enough to say how big it is and whether anything was drawn (for screenshot checks).
import { inflateSync } from 'node:zlib';

/** What a screenshot test needs to know about a PNG. */
export interface PngSummary {
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  /** Share of pixels that are not (near) white. */
  readonly inkShare: number;
  /** Distinct colours seen, after dropping the low 3 bits of each channel. */
  readonly colours: number;
  /** Standard deviation of luma (0–255) over all pixels. */
  readonly lumaSd: number;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Paeth predictor (PNG spec §9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB or RGBA: what Chromium writes)
 * and summarises it: IHDR size, file size, share of non-white pixels, distinct colours, luma spread.
 * Reference: PNG (Third Edition), W3C 2025, §11.2 (IHDR), §9 (filtering).
 * @throws Error when the bytes are not such a PNG
 * @example pngSummary(readFileSync('out/report-screenshot.png')).width; // => 1200
 */
export function pngSummary(png: Buffer): PngSummary {
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number | undefined>)[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  let ink = 0;
  let sum = 0;
  let sumSquares = 0;
  const seen = new Set<number>();
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    const [r, g, b] = channels >= 3 ? [pixels[at], pixels[at + 1], pixels[at + 2]] : [pixels[at], pixels[at], pixels[at]];
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += luma;
    sumSquares += luma * luma;
    if (luma < 245) ink++;
    seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  const n = width * height;
  const mean = sum / n;
  return { width, height, bytes: png.length, inkShare: ink / n, colours: seen.size, lumaSd: Math.sqrt(Math.max(0, sumSquares / n - mean * mean)) };
}
