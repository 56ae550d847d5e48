import { defineCollection } from 'astro:content';
import { contentDir } from './lib/env.ts';
import { releaseSchema } from './lib/schema.ts';
import { releaseLoader } from './loaders/releases.ts';

const releases = defineCollection({
  loader: releaseLoader(contentDir()),
  schema: releaseSchema,
});

export const collections = { releases };
