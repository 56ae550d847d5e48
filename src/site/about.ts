/**
 * The About page's text: the content folder's `about.mdx`, written by the archive's editors
 * (what the archive holds, its sources and their licences), rendered as release bodies are: as
 * text and Markdown, with nothing run. Without the file, the page says only what the archive's
 * own data tells.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { displayPath } from '../env.ts';
import { BodyError, renderBody } from '../model/render-body.ts';
import { readReleaseSource } from '../model/release-file.ts';

/** The frontmatter of `about.mdx`. */
export const aboutSchema = z.strictObject({
  /** The page's title, e.g. "About this archive". */
  title: z.string({ error: 'expected text (the page title)' }).default('About this archive'),
  /** One sentence for search engines. */
  description: z.string({ error: 'expected text (one sentence for search engines)' }).optional(),
});

/** Loads `contentDir/about.mdx` into the `about` collection, its body rendered. */
export function aboutLoader(contentDir: string): Loader {
  const file = join(contentDir, 'about.mdx');
  return {
    name: 'about',
    async load({ store }) {
      store.clear();
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      const fail = (message: string): never => {
        throw new Error(`${displayPath(file)}: ${message}`);
      };
      let parts;
      try {
        parts = readReleaseSource(source);
      } catch (error) {
        return fail((error as Error).message);
      }
      const data = aboutSchema.safeParse(parts.data);
      if (!data.success) {
        return fail(
          data.error.issues.map((issue) => `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`).join('; '),
        );
      }
      try {
        const firstLine = source.slice(0, source.length - parts.body.length).split('\n').length;
        store.set({ id: 'about', data: data.data, rendered: { html: renderBody(parts.body, firstLine).html } });
      } catch (error) {
        if (error instanceof BodyError) fail(error.message);
        throw error;
      }
    },
  };
}
