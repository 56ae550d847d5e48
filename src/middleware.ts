/**
 * Notes, for each page a build makes that can show images, the images it refers to
 * (`noteAssets`): a page the next build takes from this site brings them along. Those are the
 * pages and the data of releases with media, and the feeds, which carry each release's card; other
 * pages are passed through unread. Only in a build; the development server passes every page
 * through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { noteAssets, pageFile } from './site/page-keys.ts';
import { releaseMedia, type Release } from './site/releases.ts';

/** Whether a page may refer to an image: a release's with media, or a feed. */
function mayShowImages(pathname: string, props: Record<string, unknown>): boolean {
  const release = props['release'] as Release | undefined;
  if (release) return releaseMedia(release).length > 0;
  return pathname.endsWith('feed.xml');
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.body || !mayShowImages(context.url.pathname, context.props)) return response;
  const text = await response.clone().text();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) : context.url.pathname;
  noteAssets(pageFile(decodeURI(path)), text);
  return response;
});
