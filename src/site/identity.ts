/**
 * The archive's identity as pages use it (`src/model/identity.ts`): the `site` collection's one
 * entry, loaded from the content folder's `site.yaml` and checked; a bad file fails the build
 * with every problem, its field named.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getEntry } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { displayPath } from '../env.ts';
import { formatProblems } from '../model/check-content.ts';
import { IDENTITY_FILE, readIdentity, type Identity } from '../model/identity.ts';

/** Loads `contentDir/site.yaml` into the `site` collection; its logo's file is the entry's `filePath`. */
export function identityLoader(contentDir: string): Loader {
  const file = join(contentDir, IDENTITY_FILE);
  return {
    name: 'site',
    async load({ store, watcher, logger }) {
      const sync = () => {
        const { data, problems } = readIdentity(contentDir);
        if (data.logo && !existsSync(join(contentDir, data.logo))) {
          problems.push({
            file,
            field: 'logo',
            message: `${data.logo} is not in ${displayPath(contentDir)}: expected the logo file beside site.yaml`,
          });
        }
        if (problems.length > 0)
          throw new Error(
            formatProblems(problems, displayPath).replace('The releases have', `${displayPath(file)} has`),
          );
        store.set({ id: 'site', data, ...(data.logo ? { filePath: join(contentDir, data.logo) } : {}) });
      };
      sync();
      watcher?.add(file);
      watcher?.on('all', (_event, path) => {
        if (path !== file) return;
        try {
          sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  };
}

let identity: Promise<Identity & { logoFile?: string | undefined }> | undefined;

/** The archive's identity, and where its logo file is. */
export function getIdentity(): Promise<Identity & { logoFile?: string | undefined }> {
  identity ??= Promise.resolve(getEntry('site', 'site')).then((entry) => {
    if (!entry) throw new Error('the site collection has no entry: build again');
    return { ...entry.data, logoFile: entry.filePath };
  });
  return identity;
}
