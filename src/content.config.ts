import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentDir } from './env.ts';
import { namesSchema } from './model/names.ts';
import { releaseSchema } from './model/schema.ts';
import { releaseLoader } from './site/loader.ts';
import { namesLoader } from './site/names-loader.ts';

const releases = defineCollection({
  loader: releaseLoader(contentDir()),
  schema: ({ image }) =>
    releaseSchema.extend({
      /**
       * The images the body shows, by their path beside the release: the loader fills this in
       * (never the frontmatter), and `image()` hands each to Astro's image service.
       */
      images: z.record(z.string(), image()).optional(),
    }),
});

/** How speakers, organisations and venues are named across the archive (`names.yaml`). */
const names = defineCollection({
  loader: namesLoader(contentDir()),
  schema: namesSchema,
});

export const collections = { releases, names };
