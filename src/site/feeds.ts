/**
 * The RSS feeds: the whole archive's, and one per speaker and per organisation. Each lists the
 * latest `FEED_LENGTH` releases and points to the listing that holds them all; a feed reader
 * needs no more, and a feed of every release grew to megabytes. A feed opened in a browser is
 * shown as a page by `feed.xsl` (an XSLT stylesheet, `src/pages/feed.xsl.ts`).
 * An item carries its release's first figure (Media RSS's `media:content`) and, for a release
 * changed since it was published, the day of its latest change (`atom:updated`).
 */
import rss from '@astrojs/rss';
import { precisionOf } from '../model/dates.ts';
import { releasePath } from '../model/permalink.ts';
import { lastUpdated } from '../model/schema.ts';
import { feedDate } from './feed-dates.ts';
import { getIdentity } from './identity.ts';
import { listingHref } from './listings.ts';
import { releaseCard, type SocialCard } from './media.ts';
import {
  absoluteUrl,
  getFacetSlugs,
  getReleases,
  groupReleases,
  href,
  releaseSummary,
  type Release,
} from './releases.ts';
import { changedPaths } from './page-keys.ts';
import { xmlText } from './xml-text.ts';

/** How many releases a feed lists: the latest. */
export const FEED_LENGTH = 50;

function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function mediaContent(card: SocialCard | undefined): string {
  if (!card) return '';
  const { url, type, width, height } = card;
  return `<media:content url="${escapeXml(url)}" type="${type}" medium="image" width="${width}" height="${height}"/>`;
}

function updated(release: Release): string {
  const day = lastUpdated(release.data);
  return day ? `<atom:updated>${feedDate(day).toISOString().replace('.000Z', 'Z')}</atom:updated>` : '';
}

/**
 * An RSS response listing the latest of `releases` (newest first), each with its opening words;
 * `total` is how many there are in all, and `listing` the site path of the page that lists them.
 */
export async function releaseFeed(options: {
  title: string;
  description: string;
  releases: Release[];
  total: number;
  listing: string;
  site: URL | undefined;
}) {
  const { name } = await getIdentity();
  const shown = options.releases.slice(0, FEED_LENGTH);
  const rest =
    options.total > shown.length
      ? ` The latest ${shown.length} of ${options.total}; all are at ${absoluteUrl(options.listing, options.site)}`
      : '';
  const cards = await Promise.all(shown.map((release) => releaseCard(release, options.site)));
  return rss({
    title: xmlText(options.title),
    description: xmlText(`${options.description}${rest}`),
    site: absoluteUrl(options.listing, options.site),
    stylesheet: href('feed.xsl'),
    items: shown.map((release, i) => ({
      title: xmlText(release.data.title),
      link: absoluteUrl(releasePath(release.data), options.site),
      // A feed date is an instant; a release known only by its month or year gets none, and
      // says what is known in Dublin Core's date, which takes `2015` and `2015-09`.
      ...(precisionOf(release.data.date) === 'day' ? { pubDate: feedDate(release.data.date) } : {}),
      description: xmlText(releaseSummary(release)),
      categories: [release.data.type],
      // RSS's own <author> must be an e-mail address; Dublin Core names the speaker.
      customData: `<dc:creator>${escapeXml(release.data.speaker)}</dc:creator><dc:date>${release.data.date}</dc:date>${updated(release)}${mediaContent(cards[i])}`,
    })),
    xmlns: {
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
      atom: 'http://www.w3.org/2005/Atom',
    },
    customData: `<language>en</language><generator>${escapeXml(name)}</generator>`,
    trailingSlash: true,
  });
}

/** The whole archive's feed. */
export async function archiveFeed(site: URL | undefined) {
  const { name, description } = await getIdentity();
  const releases = await getReleases();
  return releaseFeed({ title: name, description, releases, total: releases.length, listing: 'archive/', site });
}

/** The facets that have a feed per value. */
export type FeedFacet = 'speaker' | 'organisation';

/** What the feed of one speaker or organisation shows: its latest releases, and how many it has. */
export interface FacetFeed {
  facet: FeedFacet;
  name: string;
  slug: string;
  releases: Release[];
  total: number;
}

/** Static paths for one feed per speaker or per organisation, each with its latest releases. */
export async function facetFeedPaths(facet: FeedFacet) {
  const [releases, slugs] = await Promise.all([getReleases(), getFacetSlugs()]);
  const groups = groupReleases(releases, (release) => release.data[facet]);
  const paths = [...slugs[facet]].map(([name, slug]) => {
    const all = groups.get(name) ?? [];
    const props: FacetFeed = { facet, name, slug, releases: all.slice(0, FEED_LENGTH), total: all.length };
    return { params: { [facet]: slug }, props };
  });
  return changedPaths(paths, ({ props }) => `${listingHref(facet, props.slug).slice(href().length)}feed.xml`);
}

/** The feed of one speaker or organisation. */
export async function facetFeed(props: FacetFeed, site: URL | undefined) {
  const identity = await getIdentity();
  return releaseFeed({
    title: `${props.name} | ${identity.name}`,
    description: `Releases of ${props.name}, newest first.`,
    releases: props.releases,
    total: props.total,
    listing: listingHref(props.facet, props.slug).slice(href().length),
    site,
  });
}
