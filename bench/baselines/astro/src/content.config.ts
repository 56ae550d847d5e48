import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The archive's content folder, as the archive's build reads it (`ARCHIVE_CONTENT_DIR`). */
const contentDir = process.env['ARCHIVE_CONTENT_DIR'] || '../../../content';

const releases = defineCollection({
  // Ids come from the file's path. The default id, the frontmatter's slug, repeats across releases
  // (the corpus has "state-of-the-union-address" 42 times), and an entry replaces any other with
  // its id: the corpus would build 2,054 pages of its 2,749 releases.
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/releases`, generateId: ({ entry }) => entry.slice(0, -4) }),
  schema: z.looseObject({
    title: z.string(),
    slug: z.string(),
    date: z.coerce.date(),
    type: z.string(),
    speaker: z.string(),
    role: z.string().optional(),
    organisation: z.string().optional(),
    venue: z.string().optional(),
  }),
});

export const collections = { releases };
