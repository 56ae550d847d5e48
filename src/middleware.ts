/**
 * Notes, for each page a build makes, the images it refers to (`noteAssets`): a page the next
 * build takes from this site brings them along. Only in a build; the development server passes
 * pages through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { noteAssets, pageFile } from './site/page-keys.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.body) return response;
  const type = response.headers.get('content-type') ?? 'text/html';
  if (!/html|xml|json/.test(type)) return response;
  const text = await response.clone().text();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) : context.url.pathname;
  noteAssets(pageFile(decodeURI(path)), text);
  return response;
});
