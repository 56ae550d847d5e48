/**
 * The stacks `npm run bench` builds beside the archive (bench/README.md), one after the other on
 * the archive's content folder: each built cold, a few of its pages checked against the archive's
 * text, one new release published into it, then its site removed, so that one stack's site is on
 * disk at a time and the archive's own publishes start from the releases of its cold build.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  astroBaseline,
  eleventyBaseline,
  type BaselinePublish,
  type BaselineResult,
  type BaselineSite,
} from './baselines.ts';
import { hugoBaseline } from './hugo.ts';
import { addRelease, type NewRelease } from './publish.ts';
import { checkText } from './text-check.ts';

/** A stack built beside the archive: its cold build, and its publish of the archive's new release. */
export interface StackRun {
  result: BaselineResult;
  publishes: BaselinePublish[];
}

/** The stacks beside the archive, in the order of the tables, with the names they show. */
export const STACKS = [
  ['astro', 'plain Astro'],
  ['eleventy', 'Eleventy'],
  ['hugo', 'Hugo'],
] as const;

/** A stack's key in the results (`results.json`). */
export type StackKey = (typeof STACKS)[number][0];

/** Builds a stack cold, checks its text, publishes the new release into it, and removes its site. */
export async function runStack(
  key: StackKey,
  content: string,
  out: string,
  work: string,
  today: NewRelease,
  afterCold: (site: BaselineSite) => Promise<void>,
): Promise<StackRun | undefined> {
  const site =
    key === 'astro'
      ? await astroBaseline(content, join(work, 'astro-site'), work)
      : key === 'eleventy'
        ? await eleventyBaseline(content, join(work, 'eleventy-site'))
        : await hugoBaseline(content, join(work, 'hugo-site'), work);
  if (!site) {
    process.stdout.write('hugo is not installed: the Hugo baseline is left out (Debian: apt-get install hugo).\n');
    return undefined;
  }
  try {
    if (site.result.failed) return { result: site.result, publishes: [] };
    site.result.text = await checkText(content, out, site.out);
    await afterCold(site);
    await addRelease(content, today);
    try {
      return { result: site.result, publishes: await site.publish(today.file) };
    } finally {
      // The archive's publishes start from the releases of its cold build.
      await rm(join(content, today.file));
    }
  } finally {
    await site.remove();
  }
}
