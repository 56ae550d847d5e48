/**
 * A release's media as the site shows and publishes it: its text cut into HTML and the figures,
 * attachments and videos the page puts in between; the documents it attaches, copied into the
 * site beside its page; and its social card, the first figure sized for link previews, which the
 * page's head, its JSON export and the feeds give.
 *
 * Images reach Astro's image service as the loader hands them over (`releaseImage`), but SVGs:
 * Astro would copy an SVG's own bytes, so the site publishes what the sanitiser writes back
 * instead (`src/model/svg.ts`), under `images/`. Documents are read from beside the release file
 * when the page and the copy are made, never through a link (`src/model/content-files.ts`).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { root } from 'astro:config/server';
import { displayPath } from '../env.ts';
import { releaseStem } from '../model/check-content.ts';
import { readContentFile } from '../model/content-files.ts';
import {
  filesOf,
  mediaType,
  splitAtMedia,
  type AttachmentItem,
  type FigureItem,
  type MediaType,
  type VideoItem,
} from '../model/media.ts';
import { releasePath } from '../model/permalink.ts';
import { checkSvg } from '../model/svg.ts';
import { getReleases, href, releaseHtml, releaseImage, releaseMedia, type Release } from './releases.ts';

/** A piece of a release's text as the page shows it. */
export type BodyPart =
  | { kind: 'html'; html: string }
  | { kind: 'figure'; figure: FigureItem; image: ImageMetadata; eager: boolean }
  | { kind: 'attachment'; attachment: AttachmentItem; url: string; type: MediaType; bytes: number }
  | { kind: 'video'; video: VideoItem; poster: ImageMetadata | undefined };

/** The file of a document or image beside a release, by its path there. */
export function mediaFile(release: Release, path: string): string {
  if (!release.filePath) throw new Error(`${release.id}: has no file; build again`);
  // The entry's file is relative to the project's folder, Astro's root.
  return fileURLToPath(new URL(path, new URL(release.filePath, root)));
}

/** The folder of a release's file, where the files beside it are. */
export function releaseFolder(release: Release): string {
  return dirname(mediaFile(release, 'release.mdx'));
}

/** An SVG a release shows, as the site publishes it: where, the sanitiser's text, and its size. */
export interface PublishedSvg {
  /** Its path on the site, e.g. `images/orders.3f2a9c0e1b7d.svg`: named by its text. */
  path: string;
  svg: string;
  image: ImageMetadata;
}

const published = new Map<string, PublishedSvg>();

/** An SVG beside a release, sanitised; the loader has refused any the sanitiser would change. */
export function releaseSvg(release: Release, path: string): PublishedSvg {
  const file = mediaFile(release, path);
  let svg = published.get(file);
  if (!svg) {
    const checked = checkSvg(readContentFile(releaseFolder(release), file));
    if ('problem' in checked) throw new Error(`${displayPath(file)}: ${checked.problem}`);
    const hash = createHash('sha256').update(checked.svg).digest('hex').slice(0, 12);
    const sitePath = `images/${basename(path).replace(/\.svg$/i, '')}.${hash}.svg`;
    const { width, height } = checked;
    svg = { path: sitePath, svg: checked.svg, image: { src: href(sitePath), width, height, format: 'svg' } };
    published.set(file, svg);
  }
  return svg;
}

/** An image a release shows: an SVG as the site publishes it, any other through Astro's image service. */
function shownImage(release: Release, path: string): ImageMetadata {
  return mediaType(path)?.label === 'SVG' ? releaseSvg(release, path).image : releaseImage(release, path);
}

/** Every SVG the releases show (figures and video stills), once each, for the route that publishes them. */
export async function releaseSvgs(): Promise<PublishedSvg[]> {
  const all = new Map<string, PublishedSvg>();
  for (const release of await getReleases()) {
    for (const item of releaseMedia(release)) {
      for (const { path } of item.kind === 'attachment' ? [] : filesOf(item)) {
        if (mediaType(path)?.label !== 'SVG') continue;
        const svg = releaseSvg(release, path);
        all.set(svg.path, svg);
      }
    }
  }
  return [...all.values()];
}

/**
 * Where an attached document is published: beside the release's page, by its path beside the
 * release file less the folder named after the release (`releases/2026/02/04/<slug>/original.pdf`).
 */
export function attachmentPath(release: Release, path: string): string {
  const stem = release.filePath ? releaseStem(release.filePath) : undefined;
  const inside = stem && path.startsWith(`${stem}/`) ? path.slice(stem.length + 1) : path;
  // One spelling of the extension, which the route of attachments ends in.
  return `${releasePath(release.data)}${inside.replace(/\.pdf$/i, '.pdf')}`;
}

/**
 * A release's text in the pieces its page shows: HTML, and between it each figure with its image,
 * each attachment with its address, kind and size, each video with its still. A figure standing
 * before the first paragraph is on the first screen, so it loads at once; the rest load lazily.
 */
export function releaseParts(release: Release): BodyPart[] {
  const media = releaseMedia(release);
  if (media.length === 0) return [{ kind: 'html', html: releaseHtml(release) }];
  let pastFirstParagraph = false;
  return splitAtMedia(releaseHtml(release)).map((part): BodyPart => {
    if (typeof part === 'string') {
      pastFirstParagraph ||= part.includes('class="paragraph"');
      return { kind: 'html', html: part };
    }
    const item = media[part]!;
    switch (item.kind) {
      case 'figure':
        return { kind: 'figure', figure: item, image: shownImage(release, item.src), eager: !pastFirstParagraph };
      case 'attachment':
        return {
          kind: 'attachment',
          attachment: item,
          url: href(attachmentPath(release, item.href)),
          type: mediaType(item.href)!,
          bytes: statSync(mediaFile(release, item.href)).size,
        };
      case 'video':
        return { kind: 'video', video: item, poster: item.poster ? shownImage(release, item.poster) : undefined };
    }
  });
}

/** The documents a release attaches: where each is published, and its path beside the release. */
export function releaseAttachments(release: Release): { path: string; href: string }[] {
  return releaseMedia(release).flatMap((item) =>
    item.kind === 'attachment' ? [{ path: attachmentPath(release, item.href), href: item.href }] : [],
  );
}

/** A document as the site serves it: the file's bytes, as a PDF, read without following a link. */
export function attachmentResponse(folder: string, file: string): Response {
  return new Response(Uint8Array.from(readContentFile(folder, file)), {
    headers: { 'Content-Type': mediaType(file)!.mime },
  });
}

/** A release's social card: its first figure, sized for link previews. */
export interface SocialCard {
  /** The image's absolute address. */
  url: string;
  type: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * The social card of a release: its first figure that is not an SVG (which link previews do not
 * show), at most 1,200 pixels wide, as a JPEG or, for images that may be transparent, a PNG.
 */
export async function releaseCard(release: Release, site: URL | undefined): Promise<SocialCard | undefined> {
  const figure = releaseMedia(release).find(
    (item): item is FigureItem & { line: number; column: number } =>
      item.kind === 'figure' && mediaType(item.src)?.label !== 'SVG',
  );
  if (!figure) return undefined;
  const image = releaseImage(release, figure.src);
  const format = image.format === 'png' || image.format === 'gif' ? 'png' : 'jpg';
  const card = await getImage({ src: image, width: Math.min(image.width, 1200), format });
  return {
    url: new URL(card.src, site).href,
    type: format === 'png' ? 'image/png' : 'image/jpeg',
    width: Number(card.attributes.width),
    height: Number(card.attributes.height),
    alt: figure.alt,
    ...(figure.caption ? { caption: figure.caption } : {}),
    ...(figure.credit ? { credit: figure.credit } : {}),
  };
}
