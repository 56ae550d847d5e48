import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentDir } from './env.ts';
import { namesSchema } from './model/names.ts';
import { identitySchema } from './model/identity.ts';
import { releaseSchema } from './model/schema.ts';
import { aboutLoader, aboutSchema } from './site/about.ts';
import { identityLoader } from './site/identity.ts';
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
      /** Where the body is in the body store (`src/build/body-store.ts`): the loader fills this in. */
      body: z.string(),
    }),
});

/** How speakers, organisations and venues are named across the archive (`names.yaml`). */
const names = defineCollection({
  loader: namesLoader(contentDir()),
  schema: namesSchema,
});

/** What the archive is called and how it looks (`site.yaml`). */
const site = defineCollection({
  loader: identityLoader(contentDir()),
  schema: identitySchema,
});

/** The About page's text (`about.mdx`). */
const about = defineCollection({
  loader: aboutLoader(contentDir()),
  schema: aboutSchema,
});

export const collections = { releases, names, site, about };
