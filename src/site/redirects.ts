/**
 * Renamed releases: `<content>/redirects.json` maps an old permalink to the new one, e.g.
 * `{ "/releases/2026/01/26/old-slug/": "/releases/2026/01/26/new-slug/" }`. The build writes a
 * redirect page at each old address, so a published link keeps working after a rename.
 *
 * Astro writes each old address as a folder of the output: an address is read strictly, so that
 * none leads out of the output folder (`..`, an encoded `/`), to another host (a scheme, `//`),
 * over a page the site makes, or round in a loop. Every problem is listed, naming the entry.
 */
import { join } from 'node:path';
import { displayPath } from '../env.ts';
import { readContentFile } from '../model/content-files.ts';
import { hasHiddenCharacters } from '../model/text.ts';

/** An address as written: `/`, then segments of unreserved characters or `%XX`, each ending in `/`. */
const SITE_PATH = /^\/(?:[A-Za-z0-9._~%!$&'()*+,;=:@-]+\/)*$/;

/**
 * The first segment of every page the site makes itself (`src/pages/`; `tests/unit/site/`
 * checks the list against it): an old address there would replace one of them.
 */
export const SITE_SECTIONS = [
  'about',
  'archive',
  'brand',
  'feed.xml',
  'feed.xsl',
  'images',
  'organisations',
  'releases.json',
  'robots.txt',
  'search',
  'speakers',
  'theme.css',
  'types',
  'venues',
  'years',
  '404.html',
  '_astro',
  'pagefind',
  'sitemap-index.xml',
  'sitemap-0.xml',
  // And every sitemap of releases, `sitemap-releases-2016.xml`: any section named `sitemap-…`.
  'sitemap-releases-[period].xml',
  '_headers',
];

/**
 * An address made one spelling: each segment's `%XX` decoded (Astro encodes it once again when
 * it writes the page), or why it cannot be an address on the site.
 */
function normalise(written: unknown): { path: string } | { problem: string } {
  if (typeof written !== 'string')
    return { problem: 'is not text: expected a site path like /releases/2026/01/26/slug/' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(written) || written.startsWith('//')) {
    return { problem: 'is an address on another host: expected a path on this site, like /releases/2026/01/26/slug/' };
  }
  if (!SITE_PATH.test(written)) {
    return {
      problem:
        'should be a site path like /releases/2026/01/26/slug/: segments of letters, digits and - . _ ~, each ending in /',
    };
  }
  const segments: string[] = [];
  for (const segment of written
    .slice(1, -1)
    .split('/')
    .filter((part, _, all) => all.length > 1 || part !== '')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { problem: `holds "${segment}", whose %-escapes are not UTF-8 text` };
    }
    if (decoded === '.' || decoded === '..') return { problem: `holds "${segment}", which leads out of its folder` };
    if (/[/\\?#]/.test(decoded) || hasHiddenCharacters(decoded)) {
      return { problem: `holds "${segment}", an encoded separator or a character a reader cannot see` };
    }
    segments.push(decoded);
  }
  return { path: segments.length > 0 ? `/${segments.join('/')}/` : '/' };
}

/**
 * Reads and checks the redirect list of a content folder; an absent file means no redirects.
 * Old addresses stay as written (Astro puts them under the base); new ones get the base, which
 * Astro does not add to a redirect's destination. Throws with every problem, each naming the file
 * and the entry.
 */
export function readRedirects(contentDir: string, base = '/'): Record<string, string> {
  const file = join(contentDir, 'redirects.json');
  const shown = displayPath(file);
  let data: unknown;
  try {
    data = JSON.parse(readContentFile(contentDir, file).toString('utf8'));
  } catch (error) {
    if ((error as Error).message === 'does not exist') return {};
    throw new Error(`${shown}: ${error instanceof SyntaxError ? 'not valid JSON: ' : ''}${(error as Error).message}`, {
      cause: error,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${shown}: expected an object mapping old permalinks to new ones`);
  }
  const problems: string[] = [];
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(data)) {
    const entry = `${JSON.stringify(from)}: ${JSON.stringify(to)}`;
    const source = normalise(from);
    const target = normalise(to);
    if ('problem' in source) problems.push(`${entry}: the old permalink ${source.problem}`);
    if ('problem' in target) problems.push(`${entry}: the new permalink ${target.problem}`);
    if ('problem' in source || 'problem' in target) continue;
    const section = source.path.split('/')[1]!;
    if (source.path === '/' || SITE_SECTIONS.includes(section) || section.startsWith('sitemap-')) {
      problems.push(
        `${entry}: the old permalink is a page the site makes (${source.path}): a redirect would replace it`,
      );
    } else if (targets.has(source.path)) {
      problems.push(
        `${entry}: the old permalink is written twice (once as ${JSON.stringify(targets.get(source.path))})`,
      );
    } else if (source.path === target.path) {
      problems.push(`${entry}: redirects to itself`);
    } else {
      targets.set(source.path, target.path);
    }
  }
  // A chain that comes back to where it started never ends in a page.
  for (const start of targets.keys()) {
    const seen = [start];
    for (let at = targets.get(start); at !== undefined; at = targets.get(at)) {
      if (at === start) {
        problems.push(`"${start}": redirects in a loop (${[...seen, start].join(' → ')})`);
        break;
      }
      if (seen.includes(at)) break;
      seen.push(at);
    }
  }
  if (problems.length > 0)
    throw new Error(
      `${shown} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  return Object.fromEntries([...targets].map(([from, to]) => [from, `${base.replace(/\/$/, '')}${to}`]));
}

/**
 * The redirects whose old address is a release's permalink (`permalinks`, as `releases/…/`),
 * which a redirect would replace: messages naming the entry, for the loader to list.
 */
export function shadowedReleases(contentDir: string, permalinks: ReadonlySet<string>): string[] {
  return Object.keys(readRedirects(contentDir))
    .filter((from) => permalinks.has(from.slice(1)))
    .map((from) => `"${from}": the old permalink is a release's page: a redirect would replace it`);
}
