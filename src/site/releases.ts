/**
 * The one place pages get releases from: queried and sorted once, newest first, with names as
 * the archive's `names.yaml` gives them (`src/model/names.ts`) and their bodies from the body
 * store the loader rendered them into. The images a body shows are kept apart from the release's
 * data (`releaseImage`), so that data is the frontmatter, as exports and feeds give it.
 */
import type { ImageMetadata } from 'astro';
import { cacheDir } from 'astro:config/server';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { Names } from '../model/names.ts';
import { facetSlugs } from '../model/facets.ts';
import { releasePath } from '../model/permalink.ts';
import { BodyStore } from '../build/body-store.ts';
import { openingWords } from '../model/plain-text.ts';
import type { MediaItem } from '../model/media.ts';
import type { RenderedBody } from '../model/render-body.ts';

type Entry = CollectionEntry<'releases'>;

/** A release as the collection holds it, its data the frontmatter. */
export type Release = Omit<Entry, 'data'> & {
  data: Omit<Entry['data'], 'images' | 'body'>;
  /** Where its body is in the body store. */
  bodyKey: string;
};

/**
 * Newest first; on the same day, by title, then by file, so the order never wobbles. Dates
 * compare as text, so a release known only by its month or year comes after the dated releases
 * of that month or year (`src/model/dates.ts`).
 */
export function compareReleases(a: Release, b: Release): number {
  const date = a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : 0;
  return date || a.data.title.localeCompare(b.data.title) || a.id.localeCompare(b.id);
}

let names: Promise<Names> | undefined;

/** The archive's names (`names.yaml`): canonical forms, sort keys, organisations. */
export function getNames(): Promise<Names> {
  names ??= Promise.resolve(getEntry('names', 'names')).then((entry) => new Names(entry?.data));
  return names;
}

let sorted: Promise<Release[]> | undefined;

/** The images of each release that shows any, by release id and then by path beside the release. */
const images = new Map<string, Record<string, ImageMetadata>>();

/** Every release, newest first, its speaker, organisation and venue in their canonical forms. */
export function getReleases(): Promise<Release[]> {
  sorted ??= Promise.all([getCollection('releases'), getNames()]).then(([releases, names]) =>
    releases
      .map((release): Release => {
        const { images: shown, body, ...frontmatter } = release.data;
        if (shown) images.set(release.id, shown);
        const { speaker, organisation, venue } = frontmatter;
        const data = {
          ...frontmatter,
          speaker: names.canonical('speaker', speaker),
          ...(organisation ? { organisation: names.canonical('organisation', organisation) } : {}),
          ...(venue ? { venue: names.canonical('venue', venue) } : {}),
        };
        return { ...release, data, bodyKey: body };
      })
      .sort(compareReleases),
  );
  return sorted;
}

/** Whether a release is issued by an organisation rather than spoken or signed by a person. */
export async function issuedByOrganisation(release: Release): Promise<boolean> {
  const { speaker, organisation } = release.data;
  return speaker === organisation || (await getNames()).isOrganisation(speaker);
}

/** A site path with the configured base in front, e.g. `/releases/…` or `/press/releases/…`. */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

/** A site path as an absolute URL on the configured site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(href(path), site).href;
}

/** A release's route parameter: its permalink inside `/releases/`, e.g. `2026/01/26/<slug>`. */
export function releaseRoute(release: Release): string {
  return releasePath(release.data)
    .replace(/^releases\//, '')
    .replace(/\/$/, '');
}

/** A release's permalink, base included. */
export function releaseUrl(release: Release): string {
  return href(releasePath(release.data));
}

// Bodies are found by the key the loader gave each entry.
function keyOf(release: Release): string {
  return release.bodyKey;
}

/** The bodies, in Astro's cache folder as the loader saw it too. */
const bodies = new BodyStore(cacheDir);

let last: { key: string; body: RenderedBody } | undefined;

/** A release's body as the loader rendered it (`loader.ts`). */
function releaseBody(release: Release): RenderedBody {
  const key = keyOf(release);
  if (last?.key === key) return last.body;
  const body = bodies.read(key);
  if (!body)
    throw new Error(`${release.filePath ?? release.id}: its rendered text is missing from the cache; build again`);
  last = { key, body };
  return body;
}

/** A release's text as HTML, paragraphs numbered, with a placeholder for each media item (`releaseMedia`). */
export function releaseHtml(release: Release): string {
  return releaseBody(release).html;
}

const media = new Map<string, MediaItem[]>();

/**
 * The figures, attachments and videos a release's text shows, in order (`src/model/media.ts`):
 * read apart from its text, so that feeds need not read whole texts.
 */
export function releaseMedia(release: Release): MediaItem[] {
  const key = keyOf(release);
  let items = media.get(key);
  if (!items) media.set(key, (items = bodies.readMedia(key)));
  return items;
}

/** The notes of a release's text (`<Note>`), as HTML, or `undefined`. */
export function releaseNotes(release: Release): string | undefined {
  return releaseBody(release).notes;
}

/** An image a release's text shows, by its path beside the release (`getReleases` must have run). */
export function releaseImage(release: Release, path: string): ImageMetadata {
  const image = images.get(release.id)?.[path];
  if (!image) throw new Error(`${release.filePath ?? release.id}: the image ${path} was not loaded; build again`);
  return image;
}

/** A release's paragraphs as plain text. */
export function releaseText(release: Release): string[] {
  return releaseBody(release).paragraphs;
}

const summaries = new Map<string, string>();

/** The opening words of a release, for descriptions and feed summaries. */
export function releaseSummary(release: Release): string {
  const key = keyOf(release);
  let summary = summaries.get(key);
  if (summary === undefined) {
    summary = bodies.readSummary(key) ?? openingWords(releaseText(release));
    summaries.set(key, summary);
  }
  return summary;
}

/** The facets whose values are free text and so get slugs for their pages. */
export type NamedFacet = 'speaker' | 'organisation' | 'venue';

let slugs: Promise<Record<NamedFacet, Map<string, string>>> | undefined;

/** The slugs of every speaker, organisation and venue, for their pages and feeds. */
export function getFacetSlugs() {
  slugs ??= getReleases().then((releases) => {
    const values = (facet: NamedFacet) => releases.flatMap((r) => (r.data[facet] ? [r.data[facet]] : []));
    return {
      speaker: facetSlugs(values('speaker')),
      organisation: facetSlugs(values('organisation')),
      venue: facetSlugs(values('venue')),
    };
  });
  return slugs;
}

/** A sequence of releases in time, and where each stands in it. */
interface Sequence {
  releases: Release[];
  index: Map<string, number>;
}

let sequences: Promise<Map<string, Sequence>> | undefined;

/** Every release in time, and every speaker's and organisation's releases, each once. */
function getSequences(): Promise<Map<string, Sequence>> {
  sequences ??= getReleases().then((releases) => {
    const all = new Map<string, Sequence>();
    const add = (key: string, release: Release) => {
      let sequence = all.get(key);
      if (!sequence) all.set(key, (sequence = { releases: [], index: new Map() }));
      sequence.index.set(release.id, sequence.releases.push(release) - 1);
    };
    for (const release of releases) {
      add('', release);
      add(`speaker\0${release.data.speaker}`, release);
      if (release.data.organisation) add(`organisation\0${release.data.organisation}`, release);
    }
    return all;
  });
  return sequences;
}

/**
 * The releases just before (older) and after (newer) one in time, where there are any: in the
 * whole archive, or among the releases of its speaker or its organisation.
 */
export async function getNeighbours(
  release: Release,
  among?: 'speaker' | 'organisation',
): Promise<{ older: Release | undefined; newer: Release | undefined }> {
  const value = among ? release.data[among] : '';
  const sequence = value === undefined ? undefined : (await getSequences()).get(among ? `${among}\0${value}` : '');
  const index = sequence?.index.get(release.id) ?? -1;
  if (!sequence || index === -1) return { older: undefined, newer: undefined };
  return { older: sequence.releases[index + 1], newer: index > 0 ? sequence.releases[index - 1] : undefined };
}

/** Releases grouped by a key (kept in their order); releases without one are left out. */
export function groupReleases(releases: readonly Release[], key: (release: Release) => string | undefined) {
  const groups = new Map<string, Release[]>();
  for (const release of releases) {
    const value = key(release);
    if (value === undefined) continue;
    let group = groups.get(value);
    if (!group) groups.set(value, (group = []));
    group.push(release);
  }
  return groups;
}
