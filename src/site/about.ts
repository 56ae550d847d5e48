/**
 * The About page's text: the content folder's `about.mdx`, written by the archive's editors
 * (what the archive holds, its sources and their licences), rendered as release bodies are: as
 * text and Markdown, with nothing run. Without the file, the page says only what the archive's
 * own data tells.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { displayPath } from '../env.ts';
import { readContentFile } from '../model/content-files.ts';
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
      const fail = (message: string): never => {
        throw new Error(`${displayPath(file)}: ${message}`);
      };
      let source: string;
      try {
        // A regular file inside the content folder, as every file the build reads.
        source = readContentFile(contentDir, file).toString('utf8');
      } catch (error) {
        if ((error as Error).message === 'does not exist') return;
        return fail((error as Error).message);
      }
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
        const body = renderBody(parts.body, firstLine);
        // The About page has no files beside it to show: a figure there would be left a placeholder.
        const [item] = body.media ?? [];
        if (item)
          fail(
            `line ${item.line}, column ${item.column}: the About page shows text, not images, attachments or videos`,
          );
        store.set({ id: 'about', data: data.data, rendered: { html: body.html } });
      } catch (error) {
        if (error instanceof BodyError) fail(error.message);
        throw error;
      }
    },
  };
}
