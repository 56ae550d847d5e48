/**
 * The RSS feeds: the whole archive, and one per speaker and per organisation. An item carries its
 * release's first figure (Media RSS's `media:content`) and, for a release changed since it was
 * published, the day of its latest change (`atom:updated`).
 */
import rss from '@astrojs/rss';
import { SITE_TITLE } from '../consts.ts';
import { feedDate } from './feed-dates.ts';
import { absoluteUrl, getFacetSlugs, getReleases, groupReleases, releaseSummary, type Release } from './releases.ts';
import { precisionOf } from '../model/dates.ts';
import { releasePath } from '../model/permalink.ts';
import { lastUpdated } from '../model/schema.ts';
import { releaseCard, type SocialCard } from './media.ts';
import { xmlText } from './xml-text.ts';

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

/** An RSS response listing `releases`, newest first, each with its opening words. */
export async function releaseFeed(options: {
  title: string;
  description: string;
  releases: Release[];
  site: URL | undefined;
}) {
  const cards = await Promise.all(options.releases.map((release) => releaseCard(release, options.site)));
  return rss({
    title: xmlText(options.title),
    description: xmlText(options.description),
    site: absoluteUrl('', options.site),
    items: options.releases.map((release, i) => ({
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
    customData: `<language>en</language><generator>${escapeXml(SITE_TITLE)}</generator>`,
    trailingSlash: true,
  });
}

/** The facets that have a feed per value. */
export type FeedFacet = 'speaker' | 'organisation';

/** Static paths for one feed per speaker or per organisation, each with its releases. */
export async function facetFeedPaths(facet: FeedFacet) {
  const [releases, slugs] = await Promise.all([getReleases(), getFacetSlugs()]);
  const groups = groupReleases(releases, (release) => release.data[facet]);
  return [...slugs[facet]].map(([name, slug]) => ({
    params: { [facet]: slug },
    props: { name, releases: groups.get(name) ?? [] },
  }));
}

/** The feed of one speaker or organisation. */
export function facetFeed(props: { name: string; releases: Release[] }, site: URL | undefined) {
  return releaseFeed({
    title: `${props.name} | ${SITE_TITLE}`,
    description: `Releases of ${props.name}, newest first.`,
    releases: props.releases,
    site,
  });
}
