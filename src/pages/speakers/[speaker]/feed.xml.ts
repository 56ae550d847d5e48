import type { APIContext } from 'astro';
import { facetFeed, facetFeedPaths } from '../../../site/feeds.ts';
import type { Release } from '../../../site/releases.ts';

export function getStaticPaths() {
  return facetFeedPaths('speaker');
}

export function GET({ props, site }: APIContext<{ name: string; releases: Release[] }>) {
  return facetFeed(props, site);
}
