/**
 * Whether a build can start from the previous site, and the manifest that lets it. A site carries,
 * in its marker (`output-folder.ts`), what it was built from: a fingerprint of everything besides
 * the releases that shapes its pages (the code, the packages, the runtime, the settings,
 * `site.yaml` and its logo, `names.yaml`), the key of every page (`src/site/page-keys.ts`) and what
 * its search index holds (`search-index.ts`). A build with the same fingerprint remakes only what
 * its releases' changes touch; any other, or a site whose files are not all there, is built in full,
 * and the build says why.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readIdentity } from '../model/identity.ts';
import { NAMES_FILE } from '../model/names.ts';
import type { SiteMarker } from './output-folder.ts';
import type { IndexManifest } from './search-index.ts';

/** What a site's marker holds for the next build to start from. */
export interface SiteManifest extends SiteMarker {
  /** The fingerprint of what it was built with besides its releases (`buildFingerprint`). */
  fingerprint: string;
  /** Every page's key, by file (`src/site/page-keys.ts`). */
  pages: Record<string, string>;
  /** The files of Astro's assets (images) each page refers to, by page, where it refers to any. */
  assets: Record<string, string[]>;
  /** Its search index. */
  index: IndexManifest;
}

/** The settings that shape a site, besides the content folder: their values go into the fingerprint. */
const SETTINGS = ['ARCHIVE_SITE', 'ARCHIVE_BASE', 'ARCHIVE_SEARCH_PART_WORDS'];

/** The project's files that make the site: its code, configuration, packages (by the lock file) and public files. */
const PROJECT_PARTS = [
  'src',
  'scripts',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** Every file below `path` (or `path` itself), relative to `root`, sorted. */
async function projectFiles(root: string, path: string): Promise<string[]> {
  const info = await stat(join(root, path)).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(join(root, path), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * A fingerprint of what a site is built with besides its releases: the project's files, the
 * runtime's version, the settings (`SETTINGS`, and `astroArgs`), and the content folder's
 * `site.yaml` (with its logo) and `names.yaml`.
 */
export async function buildFingerprint(
  project: string,
  content: string,
  env: NodeJS.ProcessEnv,
  astroArgs: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  hash.update(`astro ${astroArgs.join(' ')}\0`);
  for (const part of PROJECT_PARTS) {
    for (const file of await projectFiles(project, part)) {
      hash
        .update(`${file}\0`)
        .update(await readFile(join(project, file)))
        .update('\0');
    }
  }
  const logo = readIdentity(content).data.logo;
  for (const file of ['site.yaml', NAMES_FILE, ...(logo ? [logo] : [])]) {
    const bytes = await readFile(join(content, file)).catch(() => undefined);
    hash
      .update(`content ${file}\0`)
      .update(bytes ?? 'none')
      .update('\0');
  }
  return hash.digest('hex');
}

/** How a build goes: from the previous site, or in full, and why. */
export type BuildPlan = { kind: 'incremental'; previous: SiteManifest } | { kind: 'full'; reason: string };

/** Whether a marker holds a manifest a build can start from. */
function isManifest(marker: SiteMarker): marker is SiteManifest {
  const manifest = marker as Partial<SiteManifest>;
  return (
    typeof manifest.fingerprint === 'string' &&
    typeof manifest.pages === 'object' &&
    typeof manifest.assets === 'object' &&
    Array.isArray(manifest.index?.parts) &&
    Array.isArray(manifest.index?.files)
  );
}

/**
 * How to build over the site in `out`, whose marker is `marker` (none: no site): from it, when it
 * was built with the same `fingerprint` and all its files are there; else in full, with the reason.
 */
export function planBuild(out: string, marker: SiteMarker | undefined, fingerprint: string, full: boolean): BuildPlan {
  if (full) return { kind: 'full', reason: 'asked for with --full' };
  if (!marker) return { kind: 'full', reason: 'there is no previous site' };
  if (!isManifest(marker)) return { kind: 'full', reason: 'the previous site does not say what it was built from' };
  if (marker.fingerprint !== fingerprint) {
    return {
      kind: 'full',
      reason: 'the code, the packages, the settings, site.yaml or names.yaml changed since the last build',
    };
  }
  const missing = marker.files.filter((file) => !statSync(join(out, file), { throwIfNoEntry: false })).length;
  if (missing > 0) {
    return { kind: 'full', reason: `${missing} ${missing === 1 ? 'file' : 'files'} of the previous site are missing` };
  }
  return { kind: 'incremental', previous: marker };
}
