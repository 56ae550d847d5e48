import type { APIContext } from 'astro';
import { facetFeed, facetFeedPaths } from '../../../lib/feeds.ts';
import type { Release } from '../../../lib/releases.ts';

export function getStaticPaths() {
  return facetFeedPaths('organisation');
}

export function GET({ props, site }: APIContext<{ name: string; releases: Release[] }>) {
  return facetFeed(props, site);
}
