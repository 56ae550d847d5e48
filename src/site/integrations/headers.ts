/**
 * Writes `_headers` beside the built site: the Content Security Policy as a real header, for
 * hosts that read such a file. Astro skips `_`-files among pages, so it is written here.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../csp.ts';

/** An integration that writes `<outDir>/_headers`. */
export default function headersIntegration(): AstroIntegration {
  return {
    name: 'archive:headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(fileURLToPath(new URL('_headers', dir)), headersFile());
      },
    },
  };
}
