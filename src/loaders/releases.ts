/**
 * The releases collection's loader. It checks the whole folder first (`check-content.ts`), so a
 * bad archive fails with every problem listed at once, and stores the checked data, dates as
 * written. Then it renders each release body (`release-body.ts`) into the body cache
 * (`body-cache.ts`); pages read their text from there. A release whose file is unchanged since
 * the last build keeps its entry and its rendering: neither is made again.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { bodyCacheDir, bodyKey, pruneBodies } from '../lib/body-cache.ts';
import { checkContent, formatProblems } from '../lib/check-content.ts';
import { PROJECT_ROOT } from '../lib/env.ts';
import { renderAll } from '../lib/render-pool.ts';
import type { RenderTask } from '../lib/render-task.ts';

/** Loads the releases under `contentDir/releases`, failing the build on any invalid file. */
export function releaseLoader(contentDir: string): Loader {
  const base = join(contentDir, 'releases');
  let watching = false;

  async function sync({ store, parseData, logger, config }: LoaderContext): Promise<void> {
    const started = performance.now();
    const keys = new Map<string, string>();
    const { releases, problems } = await checkContent(base, (file, source) => keys.set(file, bodyKey(source)));
    const cache = bodyCacheDir(config.cacheDir);
    const entries: { id: string; file: string; key: string }[] = [];
    const tasks: RenderTask[] = [];
    for (const [file, key] of keys) {
      const id = relative(base, file).replace(/\.mdx$/, '').split(sep).join('/');
      entries.push({ id, file, key });
      if (!existsSync(join(cache, `${key}.json`))) tasks.push({ file, key, cache });
    }
    const bodyProblems = await renderAll(tasks);
    for (const [file, message] of bodyProblems) problems.push({ file, message });
    if (problems.length > 0) throw new Error(formatProblems(problems));
    for (const { id, file, key } of entries) {
      if (store.get(id)?.digest === key) continue;
      const filePath = relative(PROJECT_ROOT, file);
      const data = { ...releases.get(file) };
      store.set({ id, data: await parseData({ id, data, filePath }), digest: key, filePath });
    }
    const ids = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    pruneBodies(new Set(entries.map((entry) => entry.key)), cache);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`Loaded ${entries.length} releases in ${seconds} s; rendered ${tasks.length} bodies, the rest unchanged.`);
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
