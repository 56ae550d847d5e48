// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import headers from './src/integrations/headers.ts';
import buildCommand from './src/integrations/build-command.ts';
import { basePath, cacheDir, contentDir, outDir, siteUrl } from './src/lib/env.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown.ts';
import { readRedirects } from './src/lib/redirects.ts';

export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  redirects: readRedirects(contentDir(), basePath()),
  // The build command (src/build/build-command.ts) builds into a working folder beside the
  // output folder and swaps the site in when everything has succeeded.
  outDir: process.env.ARCHIVE_STAGING_DIR || outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Stylesheets stay files, never inline <style>, so the Content Security Policy can forbid
  // inline styles (src/lib/csp.ts). Four pages render at once: page rendering waits on the disk
  // much of the time (full corpus: 16 s one at a time, 9 s four at once; more gains nothing).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  markdown: {
    // The one place the Markdown processor is chosen. Release bodies run the same plugins
    // (src/lib/release-body.ts); `gfm: false` because remark-gfm comes in as a named plugin.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins, rehypePlugins }),
    syntaxHighlight: false,
  },
  integrations: [buildCommand(), mdx(), sitemap(), headers()],
  // Scripts stay files too: Vite would inline small ones, which the policy forbids.
  vite: { build: { assetsInlineLimit: 0 } },
});
