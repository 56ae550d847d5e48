/**
 * The Markdown pipeline's plugins, in one place: `astro.config.mjs` gives them to Astro's
 * `unified()` processor (for `.md` and `.mdx` pages), and `release-body.ts` runs the same plugins
 * over release bodies. remark-gfm is added as a plugin (not through `gfm: true`) so the pipeline
 * states it; SmartyPants stays off because a release's text must reach the page exactly as
 * written, straight quotes and all.
 */
import remarkGfm from 'remark-gfm';
import { rehypeParagraphIds } from './paragraph-ids.ts';
import { rehypeSpeakerTurns } from './speaker-turns.ts';

export const remarkPlugins = [remarkGfm];
export const rehypePlugins = [rehypeSpeakerTurns, rehypeParagraphIds];
