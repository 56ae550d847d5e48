/**
 * The sitemap, made from the archive's model like any page: an index (`sitemap-index.xml`, which
 * `robots.txt` names), the pages that are not releases (`sitemap-0.xml`), and the releases a period
 * a file (`sitemap-releases-<period>.xml`, periods as the data files have them: `exportPeriods`),
 * each with the day of its latest change (`lastmod`) where it has changed since it was issued. A
 * new release changes its period's file and no other.
 */
import { escapeHtml } from '../model/text.ts';

/** One address of a sitemap. */
export interface SitemapEntry {
  loc: string;
  lastmod?: string | undefined;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function xmlResponse(body: string): Response {
  return new Response(`${XML}\n${body}\n`, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

/** A sitemap of `entries`. */
export function sitemapResponse(entries: readonly SitemapEntry[]): Response {
  const urls = entries.map(
    ({ loc, lastmod }) => `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  );
  return xmlResponse(`<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>`);
}

/** The sitemap index, naming each sitemap file by its absolute address. */
export function sitemapIndexResponse(files: readonly string[]): Response {
  const items = files.map((loc) => `<sitemap><loc>${escapeHtml(loc)}</loc></sitemap>`);
  return xmlResponse(`<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>`);
}
