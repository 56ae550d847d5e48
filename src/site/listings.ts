/**
 * Listings: the archive browsed by speaker, organisation, type, venue and period (years and
 * months). Each way of browsing has an index page and, per value, a listing of its releases,
 * newest first, in pages of `ARCHIVE_PAGE_SIZE`.
 */
import type { PaginateFunction } from 'astro';
import { ARCHIVE_PAGE_SIZE } from '../consts.ts';
import { formatPeriod } from '../model/dates.ts';
import { getFacetSlugs, getReleases, groupReleases, href, type Release } from './releases.ts';
import { typeLabel, type ReleaseType } from '../model/schema.ts';

/** How each way of browsing is named and where its pages live. */
export const LISTINGS = {
  speaker: { path: 'speakers', title: 'Speakers', one: 'Speaker' },
  organisation: { path: 'organisations', title: 'Organisations', one: 'Organisation' },
  period: { path: 'years', title: 'Years', one: 'Period' },
  type: { path: 'types', title: 'Types', one: 'Type' },
  venue: { path: 'venues', title: 'Venues', one: 'Venue' },
} as const;

/** One of the ways of browsing. */
export type ListingFacet = keyof typeof LISTINGS;

/** The releases that share one value of a facet: one speaker, one month, one venue. */
export interface Listing {
  facet: ListingFacet;
  /** The value's address segment: a slug, a type id, `2016` or `2016-01`. */
  key: string;
  /** The value as readers see it. */
  name: string;
  /** Newest first. */
  releases: Release[];
}

/** A listing's first page, base included, e.g. `/speakers/mark-rutte/`. */
export function listingHref(facet: ListingFacet, key: string): string {
  return href(`${LISTINGS[facet].path}/${key}/`);
}

const cache = new Map<ListingFacet, Promise<Listing[]>>();

async function buildListings(facet: ListingFacet): Promise<Listing[]> {
  const releases = await getReleases();
  if (facet === 'period') {
    const years = groupReleases(releases, (r) => r.data.date.slice(0, 4));
    const months = groupReleases(releases, (r) => r.data.date.slice(0, 7));
    return [...years, ...months].map(([key, group]) => ({ facet, key, name: formatPeriod(key), releases: group }));
  }
  if (facet === 'type') {
    const types = groupReleases(releases, (r) => r.data.type);
    return [...types].map(([key, group]) => ({ facet, key, name: typeLabel(key as ReleaseType), releases: group }));
  }
  const slugs = (await getFacetSlugs())[facet];
  const groups = groupReleases(releases, (r) => r.data[facet]);
  return [...groups].map(([name, group]) => ({ facet, key: slugs.get(name)!, name, releases: group }));
}

/** Every listing of a facet, in index order: by name, years newest first. */
export function getListings(facet: ListingFacet): Promise<Listing[]> {
  let listings = cache.get(facet);
  if (!listings) {
    listings = buildListings(facet).then((all) =>
      all.sort((a, b) => (facet === 'period' ? b.key.localeCompare(a.key) : a.name.localeCompare(b.name, 'en'))),
    );
    cache.set(facet, listings);
  }
  return listings;
}

/** Static paths for every page of every listing of a facet; `param` is the route's parameter. */
export async function listingPaths(facet: ListingFacet, param: string, paginate: PaginateFunction) {
  return (await getListings(facet)).flatMap((listing) =>
    paginate(listing.releases, { pageSize: ARCHIVE_PAGE_SIZE, params: { [param]: listing.key }, props: { listing } }),
  );
}

/** The listings a release belongs to, for the links on its page. */
export async function releaseListings(release: Release) {
  const slugs = await getFacetSlugs();
  const { speaker, organisation, venue, type, date } = release.data;
  return {
    speaker: listingHref('speaker', slugs.speaker.get(speaker)!),
    organisation: organisation ? listingHref('organisation', slugs.organisation.get(organisation)!) : undefined,
    venue: venue ? listingHref('venue', slugs.venue.get(venue)!) : undefined,
    type: listingHref('type', type),
    year: listingHref('period', date.slice(0, 4)),
    month: listingHref('period', date.slice(0, 7)),
  };
}

/** The roles a speaker held in their releases, most recent first, each once. */
export function rolesOf(releases: readonly Release[]): string[] {
  return [...new Set(releases.flatMap((r) => (r.data.role ? [r.data.role] : [])))];
}

/** The years a listing spans, as `1789–2016` or `2016`. */
export function yearSpan(releases: readonly Release[]): string {
  const newest = releases[0]?.data.date.slice(0, 4) ?? '';
  const oldest = releases.at(-1)?.data.date.slice(0, 4) ?? '';
  return newest === oldest ? newest : `${oldest}–${newest}`;
}
