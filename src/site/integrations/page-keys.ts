/**
 * Writes every page's key (`src/site/page-keys.ts`), made in this build or not, and the images
 * each page made refers to, to the file the build command names (`PAGE_KEYS_OUT_VARIABLE`), once
 * Astro has made the pages: the build command then takes the pages that were not made, and their
 * images, from the previous site.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { PAGE_KEYS_OUT_VARIABLE } from '../../env.ts';
import { pageRegistry } from '../page-keys.ts';

/** The integration that hands the pages' keys to the build command. */
export default function pageKeysIntegration(): AstroIntegration {
  return {
    name: 'archive:page-keys',
    hooks: {
      'astro:build:done': async () => {
        const file = process.env[PAGE_KEYS_OUT_VARIABLE];
        const { keys, assets } = pageRegistry();
        const pages = { keys: Object.fromEntries(keys), assets: Object.fromEntries(assets) };
        if (file) await writeFile(file, JSON.stringify(pages));
      },
    },
  };
}
