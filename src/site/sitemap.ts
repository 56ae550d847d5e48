/**
 * The sitemap's `lastmod` for releases changed since they were published. `@astrojs/sitemap`
 * writes the sitemap once every page is built, knowing only their addresses; the day of each
 * release's latest change is in `releases.json`, which the build has written by then, so this
 * reads it from the built site, once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitemapItem } from '@astrojs/sitemap';
import { lastUpdated, type ReleaseData } from '../model/schema.ts';

/** The sitemap's `serialize` option for a site built into `outDir`: `lastmod` where a release has changed. */
export function releaseLastmod(outDir: string): (item: SitemapItem) => SitemapItem {
  let changed: Map<string, string> | undefined;
  return (item) => {
    changed ??= new Map(
      (
        JSON.parse(readFileSync(join(outDir, 'releases.json'), 'utf8')) as {
          releases: (ReleaseData & { permalink: string })[];
        }
      ).releases.flatMap((release) => {
        const day = lastUpdated(release);
        return day ? [[release.permalink, day] as const] : [];
      }),
    );
    const day = changed.get(item.url);
    return day ? { ...item, lastmod: day } : item;
  };
}
