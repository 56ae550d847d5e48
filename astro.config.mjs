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
});
