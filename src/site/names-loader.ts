/**
 * The names collection's loader: the content folder's `names.yaml` (`src/model/names.ts`),
 * checked, as one entry that `releases.ts` applies to every release. A bad file fails the build
 * with every problem, its field named. In `astro dev`, an edited file is loaded again.
 */
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { displayPath } from '../env.ts';
import { formatProblems } from '../model/check-content.ts';
import { NAMES_FILE, readNames } from '../model/names.ts';

/** The id of the one entry the collection holds. */
export const NAMES_ENTRY = 'names';

/** Loads `contentDir/names.yaml`; a folder without one gives an empty list of names. */
export function namesLoader(contentDir: string): Loader {
  const file = join(contentDir, NAMES_FILE);
  let watching = false;

  async function sync({ store }: LoaderContext): Promise<void> {
    const { data, problems } = await readNames(contentDir);
    if (problems.length > 0) throw new Error(formatProblems(problems, displayPath));
    store.set({ id: NAMES_ENTRY, data });
  }

  return {
    name: 'names',
    async load(context) {
      await sync(context);
      const { watcher, logger } = context;
      if (!watcher || watching) return;
      watching = true;
      watcher.add(file);
      watcher.on('all', (_event, path) => {
        if (path === file) sync(context).catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
