import type { APIContext } from 'astro';
import { archiveFeed } from '../site/feeds.ts';

export function GET({ site }: APIContext) {
  return archiveFeed(site);
}
