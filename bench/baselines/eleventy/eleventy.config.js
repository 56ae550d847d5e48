/**
 * The Eleventy baseline (bench/README.md): the archive's release files as Markdown pages, with
 * Eleventy's own markdown-it and one layout. `npm run bench` runs it from the project's folder
 * with `--config=bench/baselines/eleventy/eleventy.config.js --output=<folder>`, then Pagefind.
 */
import { relative, resolve } from 'node:path';

/** The archive's content folder, as the archive's build reads it (`ARCHIVE_CONTENT_DIR`). */
const contentDir = resolve(process.env['ARCHIVE_CONTENT_DIR'] || 'content');

/** Sets Eleventy up: release files as Markdown, one layout for them, an index page listing them. */
export default function (eleventyConfig) {
  // Release files end in .mdx; what they hold is CommonMark text with backslash escapes.
  eleventyConfig.addExtension('mdx', { key: 'md' });
  // GitHub's autolinks; markdown-it's default preset already has tables and strikethrough.
  eleventyConfig.amendLibrary('md', (md) => md.set({ linkify: true }));
  eleventyConfig.addGlobalData('layout', 'release.njk');
  eleventyConfig.addTemplate('index.njk', '', { layout: 'index.njk', permalink: '/index.html' });
}

export const config = {
  templateFormats: ['mdx', 'njk'],
  // Release bodies are text, not templates: no Liquid runs over them first.
  markdownTemplateEngine: false,
  dir: {
    input: contentDir,
    // Layouts stay here, beside this file; Eleventy looks for them relative to the input folder.
    includes: relative(contentDir, resolve(import.meta.dirname, '_includes')),
  },
};
