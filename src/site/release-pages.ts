/**
 * What a release's page shows besides the release itself, worked out before the page is made:
 * the listings it links to, whether an organisation issued it, and its neighbours. All of it is
 * in the page's props, so that the page's key (`page-keys.ts`) changes exactly when the page would:
 * a neighbour's new title changes this page; its corrected text does not.
 */
import { formatPeriod, monthOf, yearOf } from '../model/dates.ts';
import { releaseListings } from './listings.ts';
import {
  getNeighbours,
  issuedByOrganisation,
  releaseRoute,
  releaseUrl,
  getReleases,
  type Release,
} from './releases.ts';

/** A release before or after another, as a link shows it. */
export interface NeighbourLink {
  href: string;
  title: string;
  date: string;
  /** `prev` or `next` for the archive's own previous and next release, once each. */
  rel?: 'prev' | 'next' | undefined;
}

/** The releases before and after one, in one sequence: by its speaker, its organisation, the archive. */
export interface NeighbourRow {
  label: string;
  older?: NeighbourLink | undefined;
  newer?: NeighbourLink | undefined;
}

/** What a release's page shows besides the release. */
export interface ReleaseView {
  /** Its speaker's, organisation's, type's, venue's, month's and year's listings. */
  links: Awaited<ReturnType<typeof releaseListings>>;
  /** Whether an organisation issued it (shown as "Issued by", cited as a corporate author). */
  corporate: boolean;
  neighbours: NeighbourRow[];
  /** The periods it belongs to, for "More from …". */
  month?: string | undefined;
  year: string;
}

function linkTo(release: Release | undefined, rel?: 'prev' | 'next'): NeighbourLink | undefined {
  return release && { href: releaseUrl(release), title: release.data.title, date: release.data.date, rel };
}

/**
 * The rows of neighbours a release's page shows: by its speaker, by its organisation, in the
 * archive; a row that only repeats the one before it is left out. The archive's previous and next
 * release are `rel="prev"` and `rel="next"` in whichever row shows them first.
 */
async function neighbourRows(release: Release): Promise<NeighbourRow[]> {
  const { speaker, organisation } = release.data;
  const archive = await getNeighbours(release);
  const rows = [
    { label: `By ${speaker}`, ...(await getNeighbours(release, 'speaker')) },
    ...(organisation && organisation !== speaker
      ? [{ label: `From ${organisation}`, ...(await getNeighbours(release, 'organisation')) }]
      : []),
    { label: 'In the archive', ...archive },
  ].filter(
    (row, i, all) =>
      (row.older || row.newer) &&
      !all.slice(0, i).some((other) => other.older === row.older && other.newer === row.newer),
  );
  let prev = false;
  let next = false;
  return rows.map(({ label, older, newer }) => {
    const isPrev = !prev && older !== undefined && older === archive.older;
    const isNext = !next && newer !== undefined && newer === archive.newer;
    prev ||= isPrev;
    next ||= isNext;
    return {
      label,
      older: linkTo(older, isPrev ? 'prev' : undefined),
      newer: linkTo(newer, isNext ? 'next' : undefined),
    };
  });
}

/** What the page of `release` shows besides it. */
export async function releaseView(release: Release): Promise<ReleaseView> {
  const { date } = release.data;
  const month = monthOf(date);
  return {
    links: await releaseListings(release),
    corporate: await issuedByOrganisation(release),
    neighbours: await neighbourRows(release),
    month: month && formatPeriod(month),
    year: yearOf(date),
  };
}

/** The static paths of every release's page. */
export async function releasePagePaths() {
  return Promise.all(
    (await getReleases()).map(async (release) => ({
      params: { release: releaseRoute(release) },
      props: { release, view: await releaseView(release) },
    })),
  );
}
