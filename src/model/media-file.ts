/**
 * A file beside a release checked for what it is, from its bytes: an image decoded as the kind
 * its name says (sharp reads its header, as Astro's image service will read the whole), within
 * the archive's limits of size and pixels; a PDF that starts as one; an SVG the sanitiser would
 * publish unchanged (`svg.ts`). A name says what a reader is promised; the bytes must keep it.
 */
import { lstatSync } from 'node:fs';
import type { Metadata } from 'sharp';
import { readContentFile } from './content-files.ts';
import { mediaType, type MediaLimits } from './media.ts';

/** The label of each of sharp's formats the archive publishes; AVIF is a HEIF of AV1. */
const FORMATS: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', svg: 'SVG' };

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The kind of image `bytes` hold, as the archive labels it, or what sharp calls it. */
async function imageKind(bytes: Buffer): Promise<{ label: string; pixels: number } | { problem: string }> {
  // Loaded when an archive has images: sharp is a native module, and most releases have none.
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { problem: 'is not an image: its bytes are none of JPEG, PNG, WebP, AVIF, GIF or SVG' };
  }
  const { format, width, height, pages = 1, pageHeight } = metadata;
  const label =
    format === 'heif' ? (metadata.compression === 'av1' ? 'AVIF' : 'HEIF') : (FORMATS[format] ?? format.toUpperCase());
  return { label, pixels: width * (pageHeight ?? height) * pages };
}

/**
 * What is wrong with a file beside a release (`root` is the folder the walk started from), or
 * `undefined`. The file's size is checked before a byte of it is read.
 */
export async function mediaFileProblem(root: string, file: string, limits: MediaLimits): Promise<string | undefined> {
  const type = mediaType(file);
  if (!type) return undefined;
  const size = lstatSync(file).size;
  const most = type.image ? limits.imageBytes : limits.documentBytes;
  if (size > most) {
    // Not "document": Astro takes an error holding that word for a browser API used on the server.
    return `is ${mib(size)}: the archive publishes ${type.image ? 'images' : 'PDFs'} of at most ${mib(most)} (ARCHIVE_MAX_${type.image ? 'IMAGE' : 'DOCUMENT'}_MB)`;
  }
  let bytes: Buffer;
  try {
    bytes = readContentFile(root, file);
  } catch (error) {
    return (error as Error).message;
  }
  if (!type.image) {
    return bytes.subarray(0, 5).toString('latin1') === '%PDF-'
      ? undefined
      : 'is not a PDF: it does not start as one (%PDF-)';
  }
  if (type.label === 'SVG') {
    const { checkSvg } = await import('./svg.ts');
    const checked = checkSvg(bytes);
    return 'problem' in checked ? checked.problem : undefined;
  }
  const kind = await imageKind(bytes);
  if ('problem' in kind) return kind.problem;
  if (kind.label !== type.label) {
    return `is ${kind.label === 'SVG' ? 'an SVG' : `a ${kind.label}`} image, not the ${type.label} its name says: give it the extension of its kind`;
  }
  if (kind.pixels > limits.imagePixels) {
    const mp = (pixels: number) => `${(pixels / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })} megapixels`;
    return `is ${mp(kind.pixels)}: the archive publishes images of at most ${mp(limits.imagePixels)} (ARCHIVE_MAX_IMAGE_MEGAPIXELS)`;
  }
  return undefined;
}
