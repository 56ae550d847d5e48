// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import pagefind from './src/integrations/pagefind.ts';
import { cacheDir, outDir } from './src/lib/env.ts';

export default defineConfig({
  outDir: outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  markdown: {
    // The one place the Markdown processor is chosen, for .md and .mdx alike. remark-gfm is added
    // as a plugin (not through `gfm: true`) so the pipeline states it; SmartyPants is off because
    // a release's text must reach the page exactly as written, straight quotes and all.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }),
    syntaxHighlight: false,
  },
  integrations: [mdx(), pagefind()],
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
