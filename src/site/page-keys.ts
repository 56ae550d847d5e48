/**
 * Pages that need not be made again. Every route with many pages passes its static paths through
 * `changedPaths`, which gives each page a key: a hash of its props, in which every release stands
 * for its id and stamp (`src/build/archive-model.ts`). A page's props hold all it shows that comes
 * from releases (neighbours, counts, links), and the rest comes from the code, the settings,
 * `site.yaml` and `names.yaml`, whose change makes a full build (`src/build/build-plan.ts`). So
 * a page whose key is unchanged since the last build would come out the same: in an incremental
 * build, its file is taken from the previous site, and Astro is not asked to make it.
 *
 * The build command hands over the previous build's keys in a file (`PAGE_KEYS_VARIABLE`), and
 * takes every page's key, made or not, from the file `PAGE_KEYS_OUT_VARIABLE` names once Astro
 * is done (`src/site/integrations/page-keys.ts`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PAGE_KEYS_VARIABLE } from '../env.ts';

/** Every page's file (in the site, `/`-separated) and key, made or not, for this build's manifest. */
const REGISTRY = Symbol.for('press-archive.page-keys');

/** What this build learns of its pages: each one's key, and the assets of those made that refer to any. */
interface Registry {
  keys: Map<string, string>;
  assets: Map<string, string[]>;
}

/** This build's registry, shared by the pages' modules, the middleware and the integration that writes it. */
export function pageRegistry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= { keys: new Map(), assets: new Map() });
}

/** Astro's assets a page made in this build refers to, besides the scripts and styles every build writes. */
const ASSET = /\/_astro\/([^"'\s<>)?#,]+)/g;

/**
 * Notes the assets (images) a page refers to, from its text: a page taken from the previous site
 * brings its images along (`src/build/assemble.ts`). `file` is the page's file in the site.
 */
export function noteAssets(file: string, text: string): void {
  const found = new Set<string>();
  for (const [, name] of text.matchAll(ASSET)) if (!/\.(?:css|js)$/.test(name!)) found.add(`_astro/${name}`);
  if (found.size > 0) pageRegistry().assets.set(file, [...found].sort());
}

let previous: ReadonlyMap<string, string> | undefined;

function previousKeys(): ReadonlyMap<string, string> {
  if (previous) return previous;
  const file = process.env[PAGE_KEYS_VARIABLE];
  previous = new Map(file ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  return previous;
}

/** Whether a value is a release as `releases.ts` gives them. */
function isRelease(value: unknown): value is { id: string; digest: string } {
  return typeof value === 'object' && value !== null && 'bodyKey' in value && 'digest' in value && 'id' in value;
}

/** A page's key: a hash of its props, each release in them standing for its id and stamp. */
export function pageKey(props: unknown): string {
  const text = JSON.stringify(props, (_key, value: unknown) =>
    isRelease(value) ? `release ${value.id} ${value.digest}` : value,
  );
  return createHash('sha256')
    .update(text ?? '')
    .digest('hex')
    .slice(0, 24);
}

/**
 * The file a page is written to, in a site built with `trailingSlash: 'always'` and directory
 * format: `/a/b/` is `a/b/index.html`, `/a/feed.xml` is `a/feed.xml`.
 */
export function pageFile(pathname: string): string {
  const path = pathname.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The static paths of a route that must be made: all of them in a full build, else those whose
 * key differs from the previous build's. `pathOf` gives a path's address (base left out).
 */
export function changedPaths<P extends { props: object }>(paths: readonly P[], pathOf: (path: P) => string): P[] {
  const { keys } = pageRegistry();
  const before = previousKeys();
  return paths.filter((path) => {
    const file = pageFile(pathOf(path));
    const key = pageKey(path.props);
    keys.set(file, key);
    return before.get(file) !== key;
  });
}
