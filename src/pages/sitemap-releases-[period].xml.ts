import type { APIContext } from 'astro';
import { releasePath } from '../model/permalink.ts';
import { lastUpdated } from '../model/schema.ts';
import { exportPeriods } from '../site/export.ts';
import { changedPaths } from '../site/page-keys.ts';
import { absoluteUrl, getReleases, type Release } from '../site/releases.ts';
import { sitemapResponse } from '../site/sitemap.ts';

export async function getStaticPaths() {
  const paths = exportPeriods(await getReleases()).map(([period, releases]) => ({
    params: { period },
    props: { releases },
  }));
  return changedPaths(paths, ({ params }) => `sitemap-releases-${params.period}.xml`);
}

// A release's `lastmod` is the day of its latest change, where it has changed since it was issued.
export function GET({ props, site }: APIContext<{ releases: Release[] }>) {
  return sitemapResponse(
    props.releases.map(({ data }) => ({ loc: absoluteUrl(releasePath(data), site), lastmod: lastUpdated(data) })),
  );
}
