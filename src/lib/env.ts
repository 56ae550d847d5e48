/** Settings read from the environment, shared by the site's config, its loader and the tools. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The folder of releases to build from: `ARCHIVE_CONTENT_DIR`, or `content/` in the project. */
export function contentDir(cwd = process.cwd()): string {
  return resolve(cwd, process.env.ARCHIVE_CONTENT_DIR || 'content');
}

/** Where the built site goes: `ARCHIVE_OUT_DIR`, or `dist/` in the project. */
export function outDir(cwd = process.cwd()): string {
  return resolve(cwd, process.env.ARCHIVE_OUT_DIR || 'dist');
}

/**
 * Astro's cache folder, one per content folder. Astro's content cache remembers each entry's
 * file; shared between two content folders, it could render a release from the other folder.
 */
export function cacheDir(cwd = process.cwd()): string {
  const key = createHash('sha256').update(contentDir(cwd)).digest('hex').slice(0, 16);
  return resolve(cwd, 'node_modules/.astro', key);
}
