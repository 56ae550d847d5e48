/**
 * Rendered release bodies, cached on disk by content: a release whose file has not changed is
 * not parsed again on the next build, and pages read what the loader rendered instead of parsing
 * it once more. The cache lives in Astro's cache folder for the content folder (`env.ts`); its
 * files are written whole (to a temporary name, then renamed), so an interrupted build leaves
 * no half-written entry behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './env.ts';
import { RENDERER_VERSION, type RenderedBody } from './release-body.ts';

/** The folder of cached bodies. */
export function bodyCacheDir(cwd = process.cwd()): string {
  return join(cacheDir(cwd), 'bodies');
}

/** The key a release file's text is cached under; it changes with the text and the renderer. */
export function bodyKey(source: string): string {
  return createHash('sha256').update(`${RENDERER_VERSION}\0${source}`).digest('hex').slice(0, 32);
}

function entryPath(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

/** A cached body, or `undefined` when there is none. */
export function readBody(key: string, dir = bodyCacheDir()): RenderedBody | undefined {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as RenderedBody;
}

/** Caches a body under its key. */
export function writeBody(key: string, body: RenderedBody, dir = bodyCacheDir()): void {
  mkdirSync(dir, { recursive: true });
  const temporary = `${entryPath(dir, key)}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(body));
  renameSync(temporary, entryPath(dir, key));
}

/** Removes cached bodies whose keys are not in `keep`: releases since changed or deleted. */
export function pruneBodies(keep: ReadonlySet<string>, dir = bodyCacheDir()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!keep.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name), { force: true });
  }
}
