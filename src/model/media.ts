/**
 * The files beside a release: images its body shows and documents it attaches. What kinds there
 * are, how a body names one (a relative path, checked when the body is rendered), and what a
 * rendered body shows of them. Whether a named file is there is checked by every build
 * (`check-content.ts`), as a file can go while the release's text stays the same.
 *
 * A file lies beside its release: in the release's folder, or in a folder named after the release
 * file (`2026-02-04-<slug>/`).
 */
/** A kind of file a release may have beside it. */
export interface MediaType {
  /** How a reader is told the kind, e.g. "PDF". */
  label: string;
  mime: string;
  /** Whether it is an image (shown) rather than a document (attached). */
  image: boolean;
}

/** The kinds of file a release may have beside it, by extension (lower case). */
export const MEDIA_TYPES: Record<string, MediaType> = {
  jpg: { label: 'JPEG', mime: 'image/jpeg', image: true },
  jpeg: { label: 'JPEG', mime: 'image/jpeg', image: true },
  png: { label: 'PNG', mime: 'image/png', image: true },
  webp: { label: 'WebP', mime: 'image/webp', image: true },
  avif: { label: 'AVIF', mime: 'image/avif', image: true },
  gif: { label: 'GIF', mime: 'image/gif', image: true },
  svg: { label: 'SVG', mime: 'image/svg+xml', image: true },
  pdf: { label: 'PDF', mime: 'application/pdf', image: false },
};

/** The image kinds, as messages name them. */
export const IMAGE_KINDS = 'a JPEG, PNG, WebP, AVIF, GIF or SVG image';

/** The document kinds, as messages name them. */
export const DOCUMENT_KINDS = 'a PDF document';

/** The kind of a file, by its extension; `undefined` for a file no release may have beside it. */
export function mediaType(path: string): MediaType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MEDIA_TYPES[extension];
}

/** How large a file beside a release may be (the `ARCHIVE_MAX_*` settings). */
export interface MediaLimits {
  /** The largest image, in bytes. */
  imageBytes: number;
  /** The most pixels of an image, all its frames together. */
  imagePixels: number;
  /** The largest document, in bytes. */
  documentBytes: number;
}

/** The limits without settings: 20 MiB and 100 megapixels an image, 100 MiB a document. */
export const DEFAULT_LIMITS: MediaLimits = {
  imageBytes: 20 * 2 ** 20,
  imagePixels: 100_000_000,
  documentBytes: 100 * 2 ** 20,
};

/** A figure: an image with its alt text (empty only for a decorative one), caption and credit. */
export interface FigureItem {
  kind: 'figure';
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/** A document beside the release, copied into the site for readers to download. */
export interface AttachmentItem {
  kind: 'attachment';
  href: string;
  title: string;
}

/** A link to a video hosted elsewhere, with a still beside the release. */
export interface VideoItem {
  kind: 'video';
  href: string;
  title: string;
  poster?: string;
}

/** What a body shows that the page puts in (`RenderedBody.media`), with where the body names it. */
export type MediaItem = (FigureItem | AttachmentItem | VideoItem) & { line: number; column: number };

/** A file a body names: its path inside the release's folder (no `./`), and where it is named. */
export interface MediaReference {
  path: string;
  line: number;
  column: number;
}

/** The files an item shows or attaches. */
export function filesOf(item: MediaItem): MediaReference[] {
  const { line, column } = item;
  const path = item.kind === 'figure' ? item.src : item.kind === 'attachment' ? item.href : item.poster;
  return path === undefined ? [] : [{ path, line, column }];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A path as a body writes it (`./photo.jpg`, `2026-02-04-<slug>/chart.png`), made the path it
 * names inside the release's folder; or what is wrong with it. `wanted` is what the path must
 * name: an image, or a document.
 */
export function readReference(written: string, wanted: 'image' | 'document'): { path: string } | { problem: string } {
  const kinds = wanted === 'image' ? IMAGE_KINDS : DOCUMENT_KINDS;
  const expected = `expected ${kinds} beside the release, named by a relative path such as ./${wanted === 'image' ? 'photo.jpg' : 'original.pdf'}`;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:|^\/\//.test(written)) {
    return {
      problem: `"${written}" is an address elsewhere, and the site loads nothing from other hosts: ${expected}`,
    };
  }
  if (written.startsWith('/')) return { problem: `"${written}" is an absolute path: ${expected}` };
  const parts = written.replace(/^(?:\.\/)+/, '').split('/');
  if (parts.some((part) => part === '..')) {
    return {
      problem: `"${written}" leads out of the release's folder: ${expected}, in its folder or a folder named after it`,
    };
  }
  if (!parts.every((part) => NAME.test(part))) {
    return {
      problem: `"${written}": expected file and folder names of letters, digits, hyphens, underscores and dots`,
    };
  }
  const type = mediaType(written);
  if (!type || type.image !== (wanted === 'image')) return { problem: `"${written}" is not ${kinds}: ${expected}` };
  return { path: parts.join('/') };
}

/** The element a rendered body holds where the page puts in a media item: `<release-media data-index="N">`. */
export const MEDIA_TAG = 'release-media';

/**
 * A rendered body's HTML cut at its media placeholders: HTML, the index of an item, HTML, and so
 * on. A body's own text never holds a `<` that is not escaped, so only the renderer writes them.
 */
export function splitAtMedia(html: string): (string | number)[] {
  return html
    .split(new RegExp(`<${MEDIA_TAG} data-index="(\\d+)"></${MEDIA_TAG}>`))
    .map((part, i) => (i % 2 === 1 ? Number(part) : part));
}
