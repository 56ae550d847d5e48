import type { APIContext } from 'astro';
import { exportPeriods } from '../site/export.ts';
import { absoluteUrl, getReleases } from '../site/releases.ts';
import { sitemapIndexResponse } from '../site/sitemap.ts';

export async function GET({ site }: APIContext) {
  const periods = exportPeriods(await getReleases()).map(([period]) => `sitemap-releases-${period}.xml`);
  return sitemapIndexResponse(['sitemap-0.xml', ...periods].map((file) => absoluteUrl(file, site)));
}
