/**
 * The pages of a listing, arranged so that a new release changes few of them. A listing's first
 * page shows its newest releases and the years it spans; each year has a page of its own (a
 * year of many releases, a page per month), which holds the same releases whatever is published
 * later. Pages numbered from the newest (`/archive/2/`) shifted every page of a listing by one
 * release with each release published; those addresses now lead to the listing's first page.
 *
 * The archive's own periods are the year and month listings (`/years/2016/`, `/years/2016-05/`);
 * a speaker's, organisation's, type's or venue's are inside its listing
 * (`/speakers/<slug>/2016/`, `/speakers/<slug>/2016-05/`).
 */
import { ARCHIVE_PAGE_SIZE, PERIOD_PAGE_LIMIT } from '../consts.ts';
import { MONTH_NAMES, formatPeriod, monthOf, periodRange, yearOf } from '../model/dates.ts';
import { emptyState, stateToSearch } from '../search/state.ts';
import { LISTINGS, getListings, listingHref, rolesOf, yearSpan, type Listing, type ListingFacet } from './listings.ts';
import { getReleases, groupReleases, href, type Release } from './releases.ts';

/** A link to a period of a listing, with its count of releases. */
export interface PeriodLink {
  /** `2016`, or `May` within a year's months. */
  label: string;
  count: number;
  href: string;
  /** Whether it is the page being shown. */
  current: boolean;
}

/** What a listing page shows. */
export interface ListingView {
  /** The way of browsing (`archive` for all releases), and the listing's key and name. */
  facet: ListingFacet | 'archive';
  name: string;
  title: string;
  /** `first`: a listing's newest releases; `period`: its releases of one year or month. */
  kind: 'first' | 'period';
  /** What the page shows, in a sentence. */
  summary: string;
  /** A speaker's roles, most recent first. */
  roles: string[];
  /** The releases shown, newest first, with the heading each group goes under (years, or months). */
  groups: { heading: string; id: string; releases: Release[] }[];
  /** The listing's years, or a year's months. */
  periods: PeriodLink[];
  /** What `periods` are, for their navigation's name. */
  periodsLabel: string;
  breadcrumbs: { name: string; href: string }[];
  /** "Search these releases": the search page, narrowed to them. */
  search: string;
  feed?: string | undefined;
  /** The pages of the periods before and after this one, and where the first page's releases go on. */
  newer?: { href: string; label: string } | undefined;
  older?: { href: string; label: string } | undefined;
}

/** The props of a listing route's page: a listing page, or an old numbered page's new address. */
export type ListingPageProps = { view: ListingView } | { moved: { to: string; name: string } };

function plural(count: number, one = 'release', many = 'releases'): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A period's page of a listing: the archive's are `/years/…/`, the others' inside the listing. */
function periodHref(facet: ListingFacet | 'archive', key: string, period: string): string {
  return facet === 'archive' || facet === 'period'
    ? listingHref('period', period)
    : `${listingHref(facet, key)}${period}/`;
}

/** Whether a listing's releases are on its first page alone. */
function fitsOnFirstPage(releases: readonly Release[]): boolean {
  return releases.length <= ARCHIVE_PAGE_SIZE;
}

/** The months of a year's releases, newest first, and the releases known only by the year. */
function monthsOf(releases: readonly Release[]): { months: Map<string, Release[]>; yearOnly: Release[] } {
  const months = groupReleases(releases, (release) => monthOf(release.data.date));
  return { months, yearOnly: releases.filter((release) => monthOf(release.data.date) === undefined) };
}

/**
 * Whether a year of a listing has a page per month: the archive's always (`/years/2016-05/`),
 * another listing's when the year holds more releases than one page should.
 */
function monthPages(facet: ListingFacet | 'archive', releases: readonly Release[]): boolean {
  return facet === 'archive' || facet === 'period' || releases.length > PERIOD_PAGE_LIMIT;
}

/** The search page narrowed to a listing's releases, newest first. */
function searchHref(facet: ListingFacet | 'archive', name: string, period?: string): string {
  const search = emptyState();
  search.sort = 'newest';
  if (period) Object.assign(search, periodRange(period));
  if (facet !== 'archive' && facet !== 'period') search.filters[facet] = [name];
  return `${href('search/')}${stateToSearch(search)}`;
}

/** The navigation between a listing's years: each year with its count, newest first. */
function yearLinks(facet: ListingFacet | 'archive', key: string, releases: readonly Release[], current?: string) {
  return [...groupReleases(releases, (release) => yearOf(release.data.date))].map(([year, group]): PeriodLink => ({
    label: year,
    count: group.length,
    href: fitsOnFirstPage(releases) ? `#y${year}` : periodHref(facet, key, year),
    current: year === current,
  }));
}

/** A listing's first page: its newest releases under their years, and every year it spans. */
function firstView(listing: Listing | { facet: 'archive'; key: ''; name: string; releases: Release[] }): ListingView {
  const { facet, key, name, releases } = listing;
  const shown = releases.slice(0, ARCHIVE_PAGE_SIZE);
  const kind = facet === 'archive' ? undefined : LISTINGS[facet];
  const next = releases[shown.length];
  const feed = facet === 'speaker' || facet === 'organisation' ? `${listingHref(facet, key)}feed.xml` : undefined;
  return {
    facet,
    name,
    title: name,
    kind: 'first',
    summary: `${plural(releases.length)}, ${yearSpan(releases)}, newest first.${
      next ? ` The newest ${shown.length} are below; the rest are by year.` : ''
    }`,
    roles: facet === 'speaker' ? rolesOf(releases) : [],
    groups: [...groupReleases(shown, (release) => yearOf(release.data.date))].map(([year, group]) => ({
      heading: year,
      id: `y${year}`,
      releases: group,
    })),
    periods: yearLinks(facet, key, releases),
    periodsLabel: 'Years',
    breadcrumbs: [{ name: 'Home', href: href() }, ...(kind ? [{ name: kind.title, href: href(`${kind.path}/`) }] : [])],
    search: searchHref(facet, name),
    feed,
    older: next ? { href: periodHref(facet, key, yearOf(next.data.date)), label: yearOf(next.data.date) } : undefined,
  };
}

/** The page of one year or month of a listing. */
function periodView(
  listing: Listing | { facet: 'archive'; key: ''; name: string; releases: Release[] },
  period: string,
  releases: Release[],
  neighbours: { newer?: string | undefined; older?: string | undefined },
): ListingView {
  const { facet, key, name } = listing;
  const isYear = period.length === 4;
  const ofArchive = facet === 'archive' || facet === 'period';
  const label = formatPeriod(period);
  // A year of many releases shows its months, each a page; a smaller one shows its releases too.
  const showAll = !isYear || releases.length <= PERIOD_PAGE_LIMIT;
  const linked = isYear && monthPages(facet, releases);
  const { months, yearOnly } = monthsOf(releases);
  const yearOnlyGroup =
    yearOnly.length > 0 ? [{ heading: `Dated ${period} only`, id: 'year-only', releases: yearOnly }] : [];
  const yearHref = periodHref(facet, key, yearOf(period));
  const first = ofArchive ? undefined : listingHref(facet as ListingFacet, key);
  const groups = !isYear
    ? [{ heading: label, id: `m${period}`, releases }]
    : showAll
      ? [
          ...[...months].map(([month, group]) => ({ heading: formatPeriod(month), id: `m${month}`, releases: group })),
          ...yearOnlyGroup,
        ]
      : yearOnlyGroup;
  const periods = isYear
    ? [...months].reverse().map(([month, group]): PeriodLink => ({
        label: MONTH_NAMES[Number(month.slice(5)) - 1]!,
        count: group.length,
        href: linked ? periodHref(facet, key, month) : `#m${month}`,
        current: false,
      }))
    : [];
  const kind = ofArchive ? LISTINGS.period : LISTINGS[facet as ListingFacet];
  return {
    facet,
    name,
    title: ofArchive ? label : `${name}: ${label}`,
    kind: 'period',
    summary: `${plural(releases.length)} ${isYear ? 'in' : 'of'} ${label}${ofArchive ? '' : ` by ${name}`}, newest first.${
      showAll ? '' : ' Each month has a page of its own.'
    }`,
    roles: [],
    groups,
    periods,
    periodsLabel: `Months of ${period.slice(0, 4)}`,
    breadcrumbs: [
      { name: 'Home', href: href() },
      { name: kind.title, href: href(`${kind.path}/`) },
      ...(first ? [{ name, href: first }] : []),
      ...(!isYear ? [{ name: period.slice(0, 4), href: yearHref }] : []),
    ],
    search: searchHref(facet, name, period),
    newer: neighbours.newer
      ? { href: periodHref(facet, key, neighbours.newer), label: formatPeriod(neighbours.newer) }
      : undefined,
    older: neighbours.older
      ? { href: periodHref(facet, key, neighbours.older), label: formatPeriod(neighbours.older) }
      : undefined,
  };
}

/**
 * The periods of a listing that have a page, each with its releases: every year, newest first,
 * then the months of each year that has a page per month, newest first.
 */
function listingPeriods(facet: ListingFacet | 'archive', releases: readonly Release[]) {
  const years = [...groupReleases(releases, (release) => yearOf(release.data.date))];
  const months = years.flatMap(([, group]) => (monthPages(facet, group) ? [...monthsOf(group).months] : []));
  return { years, months };
}

/** The period pages of a listing, each with the periods before and after it of the same kind. */
function periodViews(listing: Listing | { facet: 'archive'; key: ''; name: string; releases: Release[] }) {
  const { years, months } = listingPeriods(listing.facet, listing.releases);
  return [years, months].flatMap((periods) =>
    periods.map(([period, releases], i) => ({
      period,
      count: releases.length,
      view: periodView(listing, period, releases, { newer: periods[i - 1]?.[0], older: periods[i + 1]?.[0] }),
    })),
  );
}

/** The addresses of every listing page (first pages and periods), base included, for the sitemap. */
export async function listingPageAddresses(): Promise<string[]> {
  const addresses = [href('archive/')];
  const { years, months } = listingPeriods('archive', await getReleases());
  for (const [period] of [...years, ...months]) addresses.push(listingHref('period', period));
  for (const facet of Object.keys(LISTINGS) as ListingFacet[]) {
    if (facet === 'period') continue;
    for (const listing of await getListings(facet)) {
      addresses.push(listingHref(facet, listing.key));
      if (fitsOnFirstPage(listing.releases)) continue;
      const periods = listingPeriods(facet, listing.releases);
      for (const [period] of [...periods.years, ...periods.months])
        addresses.push(periodHref(facet, listing.key, period));
    }
  }
  return addresses;
}

/**
 * The pages a listing of `count` releases had when numbered from the newest, 50 a page (`2/`,
 * `3/`, …): their addresses still lead to the listing.
 */
function oldPageNumbers(count: number): number[] {
  const pages = Math.ceil(count / ARCHIVE_PAGE_SIZE);
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2);
}

/** The static paths of the whole archive's listing (`/archive/…`): its first page and its old numbered pages. */
export async function archivePaths() {
  const releases = await getReleases();
  const archive = { facet: 'archive' as const, key: '' as const, name: 'All releases', releases };
  return [
    { params: { page: undefined }, props: { view: firstView(archive) } satisfies ListingPageProps },
    ...oldPageNumbers(releases.length).map((n) => ({
      params: { page: String(n) },
      props: { moved: { to: href('archive/'), name: 'All releases' } } satisfies ListingPageProps,
    })),
  ];
}

/**
 * The static paths of a facet's listings; `param` is the route's parameter for the listing's key,
 * `page` the rest: nothing (the first page), a period (`2016`, `2016-05`), or an old page number.
 * The year and month listings (`period`) are the archive's periods: `page` is only an old number.
 */
export async function listingPagePaths(facet: ListingFacet, param: string) {
  const releases = facet === 'period' ? await getReleases() : [];
  const paths: { params: Record<string, string | undefined>; props: ListingPageProps }[] = [];
  if (facet === 'period') {
    const archive = { facet: 'archive' as const, key: '' as const, name: 'All releases', releases };
    for (const { period, view, count } of periodViews(archive)) {
      paths.push({ params: { [param]: period, page: undefined }, props: { view: { ...view, facet: 'period' } } });
      for (const n of oldPageNumbers(count)) {
        paths.push({
          params: { [param]: period, page: String(n) },
          props: { moved: { to: listingHref('period', period), name: formatPeriod(period) } },
        });
      }
    }
    return paths;
  }
  for (const listing of await getListings(facet)) {
    paths.push({ params: { [param]: listing.key, page: undefined }, props: { view: firstView(listing) } });
    if (!fitsOnFirstPage(listing.releases)) {
      for (const { period, view } of periodViews(listing)) {
        paths.push({ params: { [param]: listing.key, page: period }, props: { view } });
      }
    }
    for (const n of oldPageNumbers(listing.releases.length)) {
      paths.push({
        params: { [param]: listing.key, page: String(n) },
        props: { moved: { to: listingHref(facet, listing.key), name: listing.name } },
      });
    }
  }
  return paths;
}
