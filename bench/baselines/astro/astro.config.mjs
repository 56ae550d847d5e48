// @ts-check
/**
 * The plain Astro baseline (bench/README.md): the archive's stack as the Astro docs set it up.
 * `npm run bench` builds it with `--root bench/baselines/astro`, so every package comes from the
 * archive's own node_modules. The processor renders as the archive's does: remark-gfm as a named
 * plugin, no smart quotes, no syntax highlighting.
 */
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  markdown: {
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }),
    syntaxHighlight: false,
  },
  integrations: [mdx()],
});
