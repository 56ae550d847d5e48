import { defineCollection } from 'astro:content';
import { contentDir } from './env.ts';
import { releaseSchema } from './model/schema.ts';
import { releaseLoader } from './site/loader.ts';

const releases = defineCollection({
  loader: releaseLoader(contentDir()),
  schema: releaseSchema,
});

export const collections = { releases };
