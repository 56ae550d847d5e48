// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import headers from './src/site/integrations/headers.ts';
import buildCommand from './src/site/integrations/build-command.ts';
import { basePath, cacheDir, contentDir, outDir, siteUrl } from './src/env.ts';
import { rehypePlugins, remarkPlugins } from './src/model/markdown.ts';
import { readRedirects } from './src/site/redirects.ts';
import pageKeys from './src/site/integrations/page-keys.ts';

// The build command (src/build/build-command.ts) builds into a working folder beside the output
// folder and swaps the site in when everything has succeeded.
const built = process.env.ARCHIVE_STAGING_DIR || outDir();

export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  redirects: readRedirects(contentDir(), basePath()),
  outDir: built,
  // One per content folder: it holds the body store (src/build/body-store.ts).
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Stylesheets stay files, never inline <style>, so the Content Security Policy can forbid
  // inline styles (src/site/csp.ts). Pages render four at once: rendering waits on the disk much
  // of the time (bench/README.md).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  // Release bodies are not rendered by Astro's Markdown or MDX pipeline: the collection's loader
  // renders them once, with these same plugins (src/model/render-body.ts), into the body store.
  // The processor and mdx() serve Markdown and MDX pages in src/pages. `gfm: false` because
  // remark-gfm comes in as a named plugin (src/model/markdown.ts).
  markdown: {
    processor: unified({ gfm: false, smartypants: false, remarkPlugins, rehypePlugins }),
    syntaxHighlight: false,
  },
  // The sitemap is made by the archive's own routes (`src/site/sitemap.ts`): Astro's sitemap
  // integration lists only the pages a build made, and a build makes only those that changed.
  integrations: [buildCommand(), mdx(), headers(), pageKeys()],
  // Scripts stay files too: Vite would inline small ones, which the policy forbids.
  vite: { build: { assetsInlineLimit: 0 } },
});
