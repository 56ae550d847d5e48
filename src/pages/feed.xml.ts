import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { releaseFeed } from '../site/feeds.ts';
import { getReleases } from '../site/releases.ts';

export async function GET({ site }: APIContext) {
  return releaseFeed({ title: SITE_TITLE, description: SITE_DESCRIPTION, releases: await getReleases(), site });
}
