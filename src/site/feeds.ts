/** The RSS feeds: the whole archive, and one per speaker and per organisation. */
import rss from '@astrojs/rss';
import { SITE_TITLE } from '../consts.ts';
import { feedDate } from './feed-dates.ts';
import { absoluteUrl, getFacetSlugs, getReleases, groupReleases, releaseSummary, type Release } from './releases.ts';
import { precisionOf } from '../model/dates.ts';
import { releasePath } from '../model/permalink.ts';
import { xmlText } from './xml-text.ts';

function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An RSS response listing `releases`, newest first, each with its opening words. */
export function releaseFeed(options: {
  title: string;
  description: string;
  releases: Release[];
  site: URL | undefined;
}) {
  return rss({
    title: xmlText(options.title),
    description: xmlText(options.description),
    site: absoluteUrl('', options.site),
    items: options.releases.map((release) => ({
      title: xmlText(release.data.title),
      link: absoluteUrl(releasePath(release.data), options.site),
      // A feed date is an instant; a release known only by its month or year gets none, and
      // says what is known in Dublin Core's date, which takes `2015` and `2015-09`.
      ...(precisionOf(release.data.date) === 'day' ? { pubDate: feedDate(release.data.date) } : {}),
      description: xmlText(releaseSummary(release)),
      categories: [release.data.type],
      // RSS's own <author> must be an e-mail address; Dublin Core names the speaker.
      customData: `<dc:creator>${escapeXml(release.data.speaker)}</dc:creator><dc:date>${release.data.date}</dc:date>`,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
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
