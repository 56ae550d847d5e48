/**
 * Renamed releases: `<content>/redirects.json` maps an old permalink to the new one, e.g.
 * `{ "/releases/2026/01/26/old-slug/": "/releases/2026/01/26/new-slug/" }`. The build writes a
 * redirect page at each old address, so a published link keeps working after a rename.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SITE_PATH = /^\/(?:[A-Za-z0-9._~%-]+\/)*$/;

/**
 * Reads and checks the redirect list of a content folder; an absent file means no redirects.
 * Old addresses stay as written (Astro puts them under the base); new ones get the base, which
 * Astro does not add to a redirect's destination.
 */
export function readRedirects(contentDir: string, base = '/'): Record<string, string> {
  const file = join(contentDir, 'redirects.json');
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: expected an object mapping old permalinks to new ones`);
  }
  const redirects: Record<string, string> = {};
  for (const [from, to] of Object.entries(data)) {
    for (const [what, path] of [
      ['old permalink', from],
      ['new permalink', to],
    ] as const) {
      if (typeof path !== 'string' || !SITE_PATH.test(path)) {
        throw new Error(
          `${file}: ${what} ${JSON.stringify(path)} should be a site path like /releases/2026/01/26/slug/`,
        );
      }
    }
    if (from === to) throw new Error(`${file}: "${from}" redirects to itself`);
    redirects[from] = `${base.replace(/\/$/, '')}${to as string}`;
  }
  return redirects;
}
