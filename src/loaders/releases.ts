/**
 * The releases collection's loader: Astro's `glob()` over `<content>/releases/**\/*.mdx`, after a
 * check of the whole folder. The check is why this wrapper exists: `glob()` stops at the first
 * invalid entry, logs and skips a file it cannot read, and reads YAML dates as `Date`s (so
 * `2026-02-30` silently becomes 2 March). Checking first lists every problem at once, and the
 * checked data, dates as written, is what the collection stores.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { checkContent, formatProblems } from '../lib/check-content.ts';

/** Loads the releases under `contentDir/releases`, failing the build on any invalid file. */
export function releaseLoader(contentDir: string): Loader {
  const base = join(contentDir, 'releases');
  const inner = glob({
    base: pathToFileURL(`${base}/`),
    pattern: '**/*.mdx',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  });
  return {
    name: 'releases',
    async load(context) {
      const { releases, problems } = await checkContent(base);
      if (problems.length > 0) throw new Error(formatProblems(problems));
      await inner.load({
        ...context,
        parseData: (props) => {
          const data = props.filePath ? releases.get(props.filePath) : undefined;
          if (!data) throw new Error(`${props.filePath ?? props.id} was not checked before loading`);
          return context.parseData({ ...props, data: data as unknown as typeof props.data });
        },
      });
    },
  };
}
