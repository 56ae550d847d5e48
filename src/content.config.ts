import { defineCollection } from 'astro:content';
import { contentDir } from './env.ts';
import { namesSchema } from './model/names.ts';
import { releaseSchema } from './model/schema.ts';
import { releaseLoader } from './site/loader.ts';
import { namesLoader } from './site/names-loader.ts';

const releases = defineCollection({
  loader: releaseLoader(contentDir()),
  schema: releaseSchema,
});

/** How speakers, organisations and venues are named across the archive (`names.yaml`). */
const names = defineCollection({
  loader: namesLoader(contentDir()),
  schema: namesSchema,
});

export const collections = { releases, names };
