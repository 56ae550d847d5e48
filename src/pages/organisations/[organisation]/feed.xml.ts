import type { APIContext } from 'astro';
import { facetFeed, facetFeedPaths, type FacetFeed } from '../../../site/feeds.ts';

export function getStaticPaths() {
  return facetFeedPaths('organisation');
}

export function GET({ props, site }: APIContext<FacetFeed>) {
  return facetFeed(props, site);
}
