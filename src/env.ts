/** Settings read from the environment, shared by the site's config, its loader and the tools. */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems } from './model/check-content.ts';
import { readIdentity } from './model/identity.ts';
import { DEFAULT_LIMITS, type MediaLimits } from './model/media.ts';

/**
 * The project's folder. Not the working directory: the build runs Astro from the output
 * folder's working folder (`src/build/work-folder.ts`).
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** A path as messages show it: relative inside the project, absolute elsewhere. */
export function displayPath(path: string): string {
  const inside = relative(PROJECT_ROOT, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/**
 * The environment variable that hands the archive's model, read by the build command before
 * Astro starts, to the collection's loader (`src/site/loader.ts`).
 */
export const MODEL_FILE_VARIABLE = 'ARCHIVE_MODEL_FILE';

/**
 * The environment variables that hand the previous build's page keys to Astro's process
 * (`{ "<file>": "<key>" }`), and name the file its pages' keys are written to
 * (`src/site/page-keys.ts`).
 */
export const PAGE_KEYS_VARIABLE = 'ARCHIVE_PAGE_KEYS';
export const PAGE_KEYS_OUT_VARIABLE = 'ARCHIVE_PAGE_KEYS_OUT';

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
export function cacheDir(content = contentDir()): string {
  const key = createHash('sha256').update(content).digest('hex').slice(0, 16);
  return resolve(PROJECT_ROOT, 'node_modules/.astro', key);
}

/** The local preview's address, where a site is built for when nothing names another. */
export const LOCAL_SITE = 'http://localhost:4321';

/** The content folder's `site.yaml`; a file with problems stops everything, naming them. */
function identity() {
  const { data, problems } = readIdentity(contentDir());
  if (problems.length > 0) throw new Error(formatProblems(problems, displayPath));
  return data;
}

/**
 * The address the site is served from, for absolute links in feeds, the sitemap and citations:
 * `ARCHIVE_SITE`, e.g. `https://example.org`, else `site` of the content folder's `site.yaml`.
 * Without either, the local preview's address.
 */
export function siteUrl(): string {
  const value = process.env.ARCHIVE_SITE || identity().site || LOCAL_SITE;
  // A message names where the value came from: the variable, or the content folder's file.
  const from = process.env.ARCHIVE_SITE ? 'ARCHIVE_SITE is' : `${displayPath(contentDir())}/site.yaml: site is`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${from} "${value}": expected an absolute http(s) address such as https://example.org`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new Error(`${from} "${value}": expected an http or https address`);
  }
  return url.origin;
}

/** A path the site may live under: segments of letters, digits and `._~-`, none of them `.` or `..`. */
export function isBasePath(value: string): boolean {
  return /^\/(?:[A-Za-z0-9._~-]+\/?)*$/.test(value) && !value.split('/').some((part) => part === '.' || part === '..');
}

/** The path the site lives under: `ARCHIVE_BASE`, e.g. `/press`, else `base` of `site.yaml`, else `/`. */
export function basePath(): string {
  const value = process.env.ARCHIVE_BASE || identity().base || '/';
  if (!isBasePath(value)) {
    const from = process.env.ARCHIVE_BASE ? 'ARCHIVE_BASE is' : `${displayPath(contentDir())}/site.yaml: base is`;
    throw new Error(`${from} "${value}": expected a path such as /press`);
  }
  return value.replace(/\/?$/, '/');
}

/**
 * How many words of release text one part of the search index holds at most (`search-parts.ts`):
 * `ARCHIVE_SEARCH_PART_WORDS`, or 8,000,000. Pagefind takes about 0.2 GiB per million words while
 * it builds a part; smaller parts take less memory to build and more requests to search.
 */
export function searchPartWords(): number {
  const value = process.env.ARCHIVE_SEARCH_PART_WORDS;
  if (!value) return 8_000_000;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(`ARCHIVE_SEARCH_PART_WORDS is "${value}": expected a whole number of words, such as 8000000`);
  }
  return Number(value);
}

/** A setting that is a positive number, or its default. */
function positive(name: string, fallback: number, example: string): number {
  const value = process.env[name];
  if (!value) return fallback;
  if (!/^(?:[1-9]\d*|0)(?:\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new Error(`${name} is "${value}": expected a positive number, such as ${example}`);
  }
  return Number(value);
}

/**
 * How large a file beside a release may be: `ARCHIVE_MAX_IMAGE_MB` (20) and
 * `ARCHIVE_MAX_IMAGE_MEGAPIXELS` (100) an image, `ARCHIVE_MAX_DOCUMENT_MB` (100) a PDF. Settings
 * of the machine that builds, not of the content folder: a release cannot raise them.
 */
export function mediaLimits(): MediaLimits {
  return {
    imageBytes: positive('ARCHIVE_MAX_IMAGE_MB', DEFAULT_LIMITS.imageBytes / 2 ** 20, '20') * 2 ** 20,
    imagePixels: positive('ARCHIVE_MAX_IMAGE_MEGAPIXELS', DEFAULT_LIMITS.imagePixels / 1e6, '100') * 1e6,
    documentBytes: positive('ARCHIVE_MAX_DOCUMENT_MB', DEFAULT_LIMITS.documentBytes / 2 ** 20, '100') * 2 ** 20,
  };
}
