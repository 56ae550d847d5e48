/**
 * Rendered release bodies, stored on disk by key, and the one module that knows where. A body is
 * rendered once, by the loader (`src/site/loader.ts`, through `render-pool.ts`), and read by the
 * pages; an unchanged release is not rendered again on the next build. The store lives in Astro's
 * cache folder (`cacheDir`, one per content folder, set in `astro.config.mjs`), which the loader
 * gets from its context and the pages from `astro:config/server`: no path is worked out twice.
 *
 * It is not Astro's content store because that is written to disk as one string, which cannot
 * hold the text of 100,000 releases. Beside each body, its opening words, so that feeds need not
 * read whole texts; and, for a body that shows any, its media items, which every build checks
 * against the files beside the release without reading whole texts either.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openingWords } from '../model/plain-text.ts';
import type { MediaItem } from '../model/media.ts';
import type { RenderedBody } from '../model/render-body.ts';
import type { ReleaseData } from '../model/schema.ts';
import { writeWholeSync } from '../model/write-file.ts';
import { currentChecker, currentRenderer } from './renderer-key.ts';

/**
 * The key a release file's text is stored under: it changes with the text and with the renderer
 * (`renderer-key.ts`), so a body rendered from other text or by other code is never found.
 */
export function bodyKey(source: string, renderer = currentRenderer()): string {
  return createHash('sha256').update(`${renderer}\0${source}`).digest('hex').slice(0, 32);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The key a release file's checked frontmatter is kept under: it changes with the text and with
 * the checker (`currentChecker`), so a file is checked again by new rules.
 */
export function dataKey(source: string, checker = currentChecker()): string {
  return createHash('sha256').update(`${checker}\0${source}`).digest('hex').slice(0, 32);
}

/** The bodies of one content folder. */
export class BodyStore {
  /** The folder the bodies are in. */
  readonly dir: string;

  /** The store in Astro's cache folder `cacheDir` (a `file:` URL, as Astro gives it). */
  constructor(cacheDir: URL | string) {
    this.dir = typeof cacheDir === 'string' ? cacheDir : join(fileURLToPath(cacheDir), 'bodies');
  }

  #path(key: string, kind: 'json' | 'summary' | 'media' | 'data' = 'json'): string {
    return join(this.dir, `${key}.${kind}`);
  }

  /** Whether a body is stored under `key`. */
  has(key: string): boolean {
    return existsSync(this.#path(key));
  }

  /** The body stored under `key`, or `undefined`. */
  read(key: string): RenderedBody | undefined {
    const text = readText(this.#path(key));
    return text === undefined ? undefined : (JSON.parse(text) as RenderedBody);
  }

  /** The opening words of the body stored under `key`, or `undefined`. */
  readSummary(key: string): string | undefined {
    return readText(this.#path(key, 'summary'));
  }

  /** The media items of the body stored under `key`: none when it shows none. */
  readMedia(key: string): MediaItem[] {
    const text = readText(this.#path(key, 'media'));
    return text === undefined ? [] : (JSON.parse(text) as MediaItem[]);
  }

  /**
   * The frontmatter of the release file whose text has the data key `key` (`dataKey`), as it was
   * checked: a file that has not changed is not parsed and checked again. A file that cannot be
   * read as JSON is as good as none.
   */
  readData(key: string): ReleaseData | undefined {
    const text = readText(this.#path(key, 'data'));
    try {
      return text === undefined ? undefined : (JSON.parse(text) as ReleaseData);
    } catch {
      return undefined;
    }
  }

  /** Keeps the checked frontmatter of the release file whose text has the data key `key`. */
  writeData(key: string, data: ReleaseData): void {
    this.#makeFolder();
    writeWholeSync(this.#path(key, 'data'), JSON.stringify(data));
  }

  #made = false;

  #makeFolder(): void {
    if (!this.#made) mkdirSync(this.dir, { recursive: true });
    this.#made = true;
  }

  /**
   * Stores a body, its opening words and its media items; the body last, as it marks the entry
   * done. Synchronously: it is called by render workers, which have nothing else to do meanwhile.
   */
  write(key: string, body: RenderedBody): void {
    this.#makeFolder();
    writeWholeSync(this.#path(key, 'summary'), openingWords(body.paragraphs));
    if (body.media) writeWholeSync(this.#path(key, 'media'), JSON.stringify(body.media));
    writeWholeSync(this.#path(key), JSON.stringify(body));
  }

  /** Removes the bodies whose keys are not in `keep`: releases since changed or deleted. */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => []);
    await Promise.all(
      names
        .filter((name) => !keep.has(name.slice(0, name.indexOf('.'))))
        .map((name) => rm(join(this.dir, name), { force: true })),
    );
  }
}
