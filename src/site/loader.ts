/**
 * The releases collection's loader: one pass over the folder. Each file is read and validated
 * once (`check-content.ts`), and its body handed to the render pool as it goes, which renders it
 * into the body store (`src/build/body-store.ts`) unless a body of the same text and renderer is
 * there already; pages read it from there. A bad archive fails with every problem listed at once.
 * A release whose file is unchanged keeps its entry: nothing about it is made again.
 *
 * The data is stored as checked, dates as written: the collection's schema gives pages their
 * types, and Astro's `parseData` would only validate the same data a second time. Except for a
 * release whose body shows images: its data goes through `parseData` with the images it shows
 * (`images`, by path), as the schema's `image()` makes each one an image Astro imports and its
 * image service can resize (`src/content.config.ts`). The files a body names are checked on every
 * build, as a file can go while the release's text, and so its stored body, stays the same.
 *
 * Astro imports each of those images through Vite, which follows links and runs what a path
 * resolves to if it is a module: a `chart.png` linking to a `.mjs` would run. So nothing reaches
 * `parseData` before the check has found every file a regular file inside the content folder
 * whose bytes are the image its name says (`src/model/content-files.ts`, `media-file.ts`), and
 * SVGs never reach it (the site publishes them sanitised).
 */
import { join, relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { BodyStore, bodyKey } from '../build/body-store.ts';
import { RenderPool } from '../build/render-pool.ts';
import { PROJECT_ROOT, displayPath, mediaLimits } from '../env.ts';
import { checkContent, formatProblems, referenceProblems } from '../model/check-content.ts';
import { filesOf, mediaType, type MediaItem } from '../model/media.ts';
import { releasePath } from '../model/permalink.ts';
import type { ReleaseData } from '../model/schema.ts';
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

  async function sync({ store, logger, config, parseData }: LoaderContext): Promise<void> {
    const started = performance.now();
    const bodies = new BodyStore(config.cacheDir);
    const pool = new RenderPool(bodies);
    const entries: { id: string; file: string; key: string; data: ReleaseData }[] = [];
    const { problems } = await checkContent(
      base,
      async (file, source, data) => {
        const key = bodyKey(source);
        entries.push({
          id: relative(base, file)
            .replace(/\.mdx$/, '')
            .split(sep)
            .join('/'),
          file,
          key,
          data,
        });
        if (!bodies.has(key)) await pool.add({ file, source, key });
      },
      displayPath,
      mediaLimits(),
    );
    for (const [file, message] of await pool.finish()) problems.push({ file, message });
    // A redirect over a release would replace its page; only here are the permalinks known.
    const permalinks = new Set(entries.map(({ data }) => releasePath(data)));
    for (const message of shadowedReleases(contentDir, permalinks)) problems.push({ file: redirectsFile, message });
    const images = new Map<string, Record<string, string>>();
    for (const { file, key } of entries) {
      const media = bodies.readMedia(key);
      if (media.length === 0) continue;
      for (const message of referenceProblems(file, media.flatMap(filesOf))) problems.push({ file, message });
      const shown = imagesOf(media);
      if (shown) images.set(key, shown);
    }
    if (problems.length > 0) throw new Error(formatProblems(problems, displayPath));
    for (const { id, file, key, data } of entries) {
      if (store.get(id)?.digest === key) continue;
      const filePath = relative(PROJECT_ROOT, file);
      const shown = images.get(key);
      const stored = shown ? await parseData({ id, data: { ...data, images: shown }, filePath }) : data;
      store.set({ id, data: stored, digest: key, filePath });
    }
    const ids = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    await bodies.prune(new Set(entries.map((entry) => entry.key)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `Loaded ${entries.length} releases in ${seconds} s; rendered ${pool.rendered} bodies, the rest unchanged.`,
    );
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
