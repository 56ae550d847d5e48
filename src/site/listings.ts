/**
 * Listings: the archive browsed by speaker, organisation, type, venue and period (years and
 * months). Each way of browsing has an index page and, per value, a listing of its releases,
 * newest first, whose pages `listing-pages.ts` arranges.
 */
import { formatPeriod, monthOf, yearOf } from '../model/dates.ts';
import { getFacetSlugs, getNames, getReleases, groupReleases, href, type Release } from './releases.ts';
import { typeLabel, type ReleaseType } from '../model/schema.ts';
import { defaultSortKey } from '../model/name-forms.ts';
import { SEARCH_FILTERS, listedValues, type SearchFilter } from '../search/state.ts';

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
    // A release known only by its year is in its year's listing, and in no month's.
    const years = groupReleases(releases, (r) => yearOf(r.data.date));
    const months = groupReleases(releases, (r) => monthOf(r.data.date));
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

/**
 * Every listing of a facet, in index order: years newest first; names by their sort keys
 * (`names.yaml`, or the name without courtesy titles), so "Mr. Abdullah Abdullah" is under A.
 */
export function getListings(facet: ListingFacet): Promise<Listing[]> {
  let listings = cache.get(facet);
  if (!listings) {
    listings = Promise.all([buildListings(facet), getNames()]).then(([all, names]) => {
      if (facet === 'period') return all.sort((a, b) => b.key.localeCompare(a.key));
      const key = (listing: Listing) => (facet === 'type' ? listing.name : names.sortKey(facet, listing.name));
      return all.sort((a, b) => key(a).localeCompare(key(b), 'en') || a.name.localeCompare(b.name, 'en'));
    });
    cache.set(facet, listings);
  }
  return listings;
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
    year: listingHref('period', yearOf(date)),
    month: monthOf(date) ? listingHref('period', monthOf(date)!) : undefined,
  };
}

/** The roles a speaker held in their releases, most recent first, each once. */
export function rolesOf(releases: readonly Release[]): string[] {
  return [...new Set(releases.flatMap((r) => (r.data.role ? [r.data.role] : [])))];
}

/** The years a listing spans, as `1789–2016` or `2016`. */
export function yearSpan(releases: readonly Release[]): string {
  const newest = releases[0] ? yearOf(releases[0].data.date) : '';
  const oldest = releases.at(-1) ? yearOf(releases.at(-1)!.data.date) : '';
  return newest === oldest ? newest : `${oldest}–${newest}`;
}

/**
 * The search page's filters before it has opened the index: each filter's values, as the
 * release pages give them to Pagefind, in the order the page lists them, with their releases.
 */
export async function searchFilterTotals(): Promise<{ filter: SearchFilter; values: [string, number][] }[]> {
  const [releases, names] = await Promise.all([getReleases(), getNames()]);
  const sortKeys = names.sortKeys();
  const valueOf: Record<SearchFilter, (release: Release) => string | undefined> = {
    speaker: (release) => release.data.speaker,
    organisation: (release) => release.data.organisation,
    type: (release) => typeLabel(release.data.type),
    year: (release) => yearOf(release.data.date),
    venue: (release) => release.data.venue,
  };
  return SEARCH_FILTERS.map((filter) => {
    const counts = new Map<string, number>();
    for (const release of releases) {
      const value = valueOf[filter](release);
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const order = listedValues(filter, counts.keys(), (name) => sortKeys.get(name) ?? defaultSortKey(name));
    return { filter, values: order.map((value): [string, number] => [value, counts.get(value)!]) };
  }).filter(({ values }) => values.length > 0);
}
