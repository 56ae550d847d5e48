/** Settings read from the environment, shared by the site's config, its loader and the tools. */
import { resolve } from 'node:path';

/** The folder of releases to build from: `ARCHIVE_CONTENT_DIR`, or `content/` in the project. */
export function contentDir(cwd = process.cwd()): string {
  return resolve(cwd, process.env.ARCHIVE_CONTENT_DIR || 'content');
}

/** Where the built site goes: `ARCHIVE_OUT_DIR`, or `dist/` in the project. */
export function outDir(cwd = process.cwd()): string {
  return resolve(cwd, process.env.ARCHIVE_OUT_DIR || 'dist');
}
