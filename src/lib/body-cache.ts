/**
 * Rendered release bodies, cached on disk by content: a release whose file has not changed is
 * not parsed again on the next build, and pages read what the loader rendered instead of parsing
 * it once more. Beside each body, its opening words: feeds list every release with them, and
 * should not read every whole text to get them. The cache lives in Astro's cache folder for the
 * content folder (`env.ts`); its files are written whole (to a temporary name, then renamed), so
 * an interrupted build leaves no half-written entry behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { openingWords } from './plain-text.ts';
import { RENDERER_VERSION, type RenderedBody } from './release-body.ts';

/** The folder of cached bodies in Astro's cache folder (`cacheDir` in the config). */
export function bodyCacheDir(astroCacheDir: URL): string {
  return join(fileURLToPath(astroCacheDir), 'bodies');
}

/** The key a release file's text is cached under; it changes with the text and the renderer. */
export function bodyKey(source: string): string {
  return createHash('sha256').update(`${RENDERER_VERSION}\0${source}`).digest('hex').slice(0, 32);
}

function entryPath(dir: string, key: string, kind: 'json' | 'summary' = 'json'): string {
  return join(dir, `${key}.${kind}`);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A cached body, or `undefined` when there is none. */
export function readBody(key: string, dir: string): RenderedBody | undefined {
  const text = readText(entryPath(dir, key));
  return text === undefined ? undefined : (JSON.parse(text) as RenderedBody);
}

/** A cached body's opening words, or `undefined` when there are none. */
export function readSummary(key: string, dir: string): string | undefined {
  return readText(entryPath(dir, key, 'summary'));
}

function writeWhole(path: string, text: string): void {
  // Named by process and thread: two workers may render two files with the same text at once.
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Caches a body and its opening words under its key; the body last, as it marks the entry done. */
export function writeBody(key: string, body: RenderedBody, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeWhole(entryPath(dir, key, 'summary'), openingWords(body.paragraphs));
  writeWhole(entryPath(dir, key), JSON.stringify(body));
}

/** Removes cached bodies whose keys are not in `keep`: releases since changed or deleted. */
export function pruneBodies(keep: ReadonlySet<string>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!keep.has(name.slice(0, name.indexOf('.')))) rmSync(join(dir, name), { force: true });
  }
}
