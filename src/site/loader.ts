/**
 * The releases collection's loader: the archive's model (`src/build/archive-model.ts`) as Astro's
 * collection. Under the build command, the model is read once, before Astro starts, and handed
 * over in a file (`ARCHIVE_MODEL_FILE`); in `astro dev`, `astro sync` and `astro check` the
 * loader reads the content folder itself, the same way. A bad archive fails with every problem
 * listed at once. A release whose stamp is unchanged keeps its entry: nothing about it is made
 * again.
 *
 * The data is stored as checked, dates as written: the collection's schema gives pages their
 * types, and Astro's `parseData` would only validate the same data a second time. Except for a
 * release whose body shows images: its data goes through `parseData` with the images it shows
 * (`images`, by path), as the schema's `image()` makes each one an image Astro imports and its
 * image service can resize (`src/content.config.ts`). Each entry's `body` is its body's key in the
 * body store (`src/build/body-store.ts`), where pages read its text.
 *
 * Astro imports each of those images through Vite, which follows links and runs what a path
 * resolves to if it is a module: a `chart.png` linking to a `.mjs` would run. So nothing reaches
 * `parseData` before the model has found every file a regular file inside the content folder
 * whose bytes are the image its name says (`src/model/content-files.ts`, `media-file.ts`), and
 * SVGs never reach it (the site publishes them sanitised).
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readArchive, readArchiveFile, type ArchiveRelease } from '../build/archive-model.ts';
import { BodyStore } from '../build/body-store.ts';
import { MODEL_FILE_VARIABLE, PROJECT_ROOT, displayPath, mediaLimits } from '../env.ts';
import { formatProblems } from '../model/check-content.ts';
import { filesOf, mediaType, type MediaItem } from '../model/media.ts';
import { releasePath } from '../model/permalink.ts';
import { shadowedReleases } from './redirects.ts';

/**
 * The images a body shows, as the collection's `images` field takes them: `./path` by path. An
 * SVG is not among them: the site publishes it as the sanitiser writes it (`src/site/media.ts`).
 */
function imagesOf(media: readonly MediaItem[]): Record<string, string> | undefined {
  const paths = media.flatMap((item) =>
    item.kind === 'attachment'
      ? []
      : filesOf(item).flatMap(({ path }) => (mediaType(path)?.label === 'SVG' ? [] : [path])),
  );
  return paths.length > 0 ? Object.fromEntries(paths.map((path) => [path, `./${path}`])) : undefined;
}

/** Loads the releases under `contentDir/releases`, failing the build on any invalid file. */
export function releaseLoader(contentDir: string): Loader {
  const redirectsFile = join(contentDir, 'redirects.json');
  const base = join(contentDir, 'releases');
  let watching = false;

  /** The model: handed over by the build command, or read here. */
  async function model({ config, logger }: LoaderContext): Promise<ArchiveRelease[]> {
    const handed = process.env[MODEL_FILE_VARIABLE];
    if (handed) return readArchiveFile(handed);
    const started = performance.now();
    const cacheFile = fileURLToPath(new URL('model.jsonl', config.cacheDir));
    const read = await readArchive(base, new BodyStore(config.cacheDir), displayPath, mediaLimits(), cacheFile);
    if (read.problems.length > 0) throw new Error(formatProblems(read.problems, displayPath));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `Loaded ${read.releases.length} releases in ${seconds} s; rendered ${read.rendered} bodies, the rest unchanged.`,
    );
    return read.releases;
  }

  async function sync(context: LoaderContext): Promise<void> {
    const { store, parseData } = context;
    const releases = await model(context);
    // A redirect over a release would replace its page; only here are the permalinks known.
    const permalinks = new Set(releases.map(({ data }) => releasePath(data)));
    const shadowed = shadowedReleases(contentDir, permalinks).map((message) => ({ file: redirectsFile, message }));
    if (shadowed.length > 0) throw new Error(formatProblems(shadowed, displayPath));
    for (const { id, file, key, stamp, data, media } of releases) {
      if (store.get(id)?.digest === stamp) continue;
      const filePath = relative(PROJECT_ROOT, file);
      const shown = imagesOf(media);
      const entry = { ...data, body: key };
      const stored = shown ? await parseData({ id, data: { ...entry, images: shown }, filePath }) : entry;
      store.set({ id, data: stored, digest: stamp, filePath });
    }
    const ids = new Set(releases.map((release) => release.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  }

  return {
    name: 'releases',
    async load(context) {
      await sync(context);
      // In `astro dev`, an edited, added or removed release is loaded again; a problem is
      // reported and the last good releases stay.
      const { watcher, logger } = context;
      if (!watcher || watching) return;
      watching = true;
      let queue = Promise.resolve();
      watcher.add(base);
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(base)) return;
        // One load at a time: a burst of changes (a whole import) runs them in turn.
        queue = queue.then(() => sync(context)).catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
