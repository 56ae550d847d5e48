import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { releaseFeed } from '../lib/feeds.ts';
import { getReleases } from '../lib/releases.ts';

export async function GET({ site }: APIContext) {
  return releaseFeed({ title: SITE_TITLE, description: SITE_DESCRIPTION, releases: await getReleases(), site });
}
