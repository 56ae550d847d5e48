import type { APIContext } from 'astro';
import { SITE_TITLE } from '../../../consts.ts';
import { releaseFeed } from '../../../lib/feeds.ts';
import { getFacetSlugs, getReleases, groupReleases, type Release } from '../../../lib/releases.ts';

export async function getStaticPaths() {
  const [releases, slugs] = await Promise.all([getReleases(), getFacetSlugs()]);
  const groups = groupReleases(releases, (r) => r.data.organisation);
  return [...slugs.organisation].map(([name, slug]) => ({
    params: { organisation: slug },
    props: { name, releases: groups.get(name) ?? [] },
  }));
}

export function GET({ props, site }: APIContext<{ name: string; releases: Release[] }>) {
  return releaseFeed({
    title: `${props.name} | ${SITE_TITLE}`,
    description: `Releases of ${props.name}, newest first.`,
    releases: props.releases,
    site,
  });
}
