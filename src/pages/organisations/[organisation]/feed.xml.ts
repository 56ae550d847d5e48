import type { APIContext } from 'astro';
import { facetFeed, facetFeedPaths, type FeedFacet } from '../../../site/feeds.ts';
import type { Release } from '../../../site/releases.ts';

export function getStaticPaths() {
  return facetFeedPaths('organisation');
}

export function GET({
  props,
  site,
}: APIContext<{ facet: FeedFacet; name: string; slug: string; releases: Release[] }>) {
  return facetFeed(props, site);
}
