import type { APIContext } from 'astro';
import { LISTINGS } from '../site/listings.ts';
import { listingPageAddresses } from '../site/listing-pages.ts';
import { href } from '../site/releases.ts';
import { sitemapResponse } from '../site/sitemap.ts';

// Every page that is not a release: the home page, About, search, the indexes and the listings.
export async function GET({ site }: APIContext) {
  const pages = [
    href(),
    href('about/'),
    href('search/'),
    ...Object.values(LISTINGS).map(({ path }) => href(`${path}/`)),
  ];
  const all = [...pages, ...(await listingPageAddresses())];
  return sitemapResponse(all.map((path) => ({ loc: new URL(path, site).href })));
}
