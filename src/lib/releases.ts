/**
 * The one place pages get releases from: queried and sorted once, newest first. This is the only
 * module of `src/lib` that touches `astro:content`; everything it computes with is pure.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { releasePath } from './permalink.ts';

/** A release as the collection holds it. */
export type Release = CollectionEntry<'releases'>;

/** Newest first; on the same day, by title, then by file, so the order never wobbles. */
export function compareReleases(a: Release, b: Release): number {
  return (
    b.data.date.localeCompare(a.data.date) ||
    a.data.title.localeCompare(b.data.title) ||
    a.id.localeCompare(b.id)
  );
}

let sorted: Promise<Release[]> | undefined;

/** Every release, newest first. */
export function getReleases(): Promise<Release[]> {
  sorted ??= getCollection('releases').then((releases) => releases.sort(compareReleases));
  return sorted;
}

/** A site path with the configured base in front, e.g. `/releases/…` or `/press/releases/…`. */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

/** A release's permalink, base included. */
export function releaseUrl(release: Release): string {
  return href(releasePath(release.data));
}
