// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import headers from './src/integrations/headers.ts';
import pagefind from './src/integrations/pagefind.ts';
import { basePath, cacheDir, contentDir, outDir, siteUrl } from './src/lib/env.ts';
import { rehypeParagraphIds } from './src/lib/paragraph-ids.ts';
import { readRedirects } from './src/lib/redirects.ts';

export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  redirects: readRedirects(contentDir(), basePath()),
  outDir: outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Stylesheets stay files, never inline <style>, so the Content Security Policy can forbid
  // inline styles (src/lib/csp.ts).
  build: { inlineStylesheets: 'never' },
  markdown: {
    // The one place the Markdown processor is chosen, for .md and .mdx alike. remark-gfm is added
    // as a plugin (not through `gfm: true`) so the pipeline states it; SmartyPants is off because
    // a release's text must reach the page exactly as written, straight quotes and all.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeParagraphIds],
    }),
    syntaxHighlight: false,
  },
  integrations: [mdx(), sitemap(), pagefind(), headers()],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX release module starts with Astro's own "use astro:head-inject" directive, and
        // the bundler warns about each one: ten lines per release that say nothing actionable.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
