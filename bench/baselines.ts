/**
 * The two stacks `npm run bench` builds beside the archive, on the same content folder
 * (bench/README.md): a plain Astro project (`bench/baselines/astro`) and Eleventy
 * (`bench/baselines/eleventy`), each followed by Pagefind's command line over what it wrote.
 * Both run on the archive's own node_modules, with the heap the archive's build gives itself.
 */
import { spawnSync } from 'node:child_process';
import { lstat, readdir, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../tests/support/site.ts';
import { folderSize, measured, type Measured } from './measure.ts';

const ASTRO_ROOT = join(ROOT, 'bench/baselines/astro');
const ELEVENTY_CONFIG = 'bench/baselines/eleventy/eleventy.config.js';

/**
 * The most release files the plain Astro baseline may leave out. Astro stops at the first file
 * that does not compile, so each one left out costs a whole build more.
 */
const MAX_LEFT_OUT = 10;

/** What building one baseline, Pagefind included, took and gave. */
export interface BaselineResult {
  /** Release files in the content folder. */
  releases: number;
  /** Release pages the baseline wrote. */
  built: number;
  /** Release files the baseline could not compile, left out of the build that was timed. */
  leftOut: { file: string; reason: string }[];
  /** Why the baseline failed, when it did: the end of its output. */
  failed?: string | undefined;
  /** The whole build, Pagefind included. */
  seconds: number;
  pagefindSeconds: number;
  secondsPer1000: number;
  /** The larger of the build's and Pagefind's peaks, each of its whole process tree. */
  peakMiB: number;
  /** The build's own peak, Pagefind's not included. */
  buildPeakMiB: number;
  /** Pagefind holds the whole index in memory while it writes it, so its peak can be the larger. */
  pagefindPeakMiB: number;
  site: { bytes: number; files: number };
  index: { bytes: number; files: number };
}

/** Node's heap for a baseline: three quarters of the machine's memory, as the archive's build allows itself. */
function heap(): string {
  return `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
}

/** The number of files below `dir` whose name ends in `suffix`. */
async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.endsWith(suffix)).length;
}

/** The last lines a failed command printed, to say why it failed. */
function tail(run: Measured): string {
  return run.output.trim().split('\n').slice(-15).join('\n');
}

/** Builds the search index of a baseline's output as its docs say: `pagefind --site <folder>`. */
function pagefind(out: string): Promise<Measured> {
  return measured([process.execPath, 'node_modules/.bin/pagefind', '--site', out], {});
}

/** Sums up a build and its Pagefind run. */
async function result(
  releases: number,
  out: string,
  build: Measured,
  index: Measured | undefined,
  leftOut: BaselineResult['leftOut'],
): Promise<BaselineResult> {
  const built = await countFiles(join(out, 'releases'), 'index.html');
  const failed = build.code !== 0 ? tail(build) : index && index.code !== 0 ? tail(index) : undefined;
  const seconds = build.seconds + (index?.seconds ?? 0);
  return {
    releases,
    built,
    leftOut,
    failed,
    seconds,
    pagefindSeconds: index?.seconds ?? NaN,
    secondsPer1000: failed || built === 0 ? NaN : (seconds / built) * 1000,
    peakMiB: Math.max(build.peakMiB, index?.peakMiB ?? 0),
    buildPeakMiB: build.peakMiB,
    pagefindPeakMiB: index?.peakMiB ?? NaN,
    site: await folderSize(out),
    index: await folderSize(join(out, 'pagefind')),
  };
}

/**
 * Empties the plain Astro baseline's caches (its content store and Vite's), so that every build
 * starts cold, as the archive's does in the bench. Only a real folder: a `node_modules` linked to
 * the project's would hold the archive's caches.
 */
async function clearAstroCache(): Promise<void> {
  const modules = join(ASTRO_ROOT, 'node_modules');
  const stats = await lstat(modules).catch(() => undefined);
  if (!stats?.isDirectory()) return;
  for (const cache of ['.astro', '.vite']) await rm(join(modules, cache), { recursive: true, force: true });
}

/** The release file, and why, that stopped an Astro build, if its output names one inside `content`. */
export function failedRelease(output: string, content: string): { file: string; reason: string } | undefined {
  const file = /Location:\s*\n\s*(\S+?\.mdx):\d+:\d+/.exec(output)?.[1];
  if (!file?.startsWith(`${content}/`)) return undefined;
  const reason = /Build failed in [^\n]*\n([^\n]+)/.exec(output)?.[1]?.trim() ?? 'does not compile';
  return { file: relative(content, file), reason };
}

/**
 * Builds the plain Astro baseline from `content` into `out`, then Pagefind. A release file that
 * does not compile stops Astro's build: it is left out of a copy of the content folder (hard
 * links), and the build starts again, up to `MAX_LEFT_OUT` files; the result names each one.
 */
export async function astroBaseline(content: string, out: string, work: string): Promise<BaselineResult> {
  const releases = await countFiles(join(content, 'releases'), '.mdx');
  const leftOut: BaselineResult['leftOut'] = [];
  const copy = join(work, 'content-astro-baseline');
  let source = content;
  try {
    for (;;) {
      await clearAstroCache();
      await rm(out, { recursive: true, force: true });
      const build = await measured(
        [process.execPath, heap(), 'node_modules/.bin/astro', 'build', '--root', ASTRO_ROOT, '--outDir', out],
        { ARCHIVE_CONTENT_DIR: source, NO_COLOR: '1' },
      );
      if (build.code === 0) return await result(releases, out, build, await pagefind(out), leftOut);
      const failure = failedRelease(build.output, source);
      if (!failure || leftOut.length >= MAX_LEFT_OUT) return await result(releases, out, build, undefined, leftOut);
      if (source === content) {
        const copied = spawnSync('cp', ['-al', content, copy], { encoding: 'utf8' });
        if (copied.status !== 0) throw new Error(`could not copy ${content}: ${copied.stderr}`);
        source = copy;
      }
      leftOut.push(failure);
      await rm(join(source, failure.file));
    }
  } finally {
    await clearAstroCache();
    await rm(copy, { recursive: true, force: true });
  }
}

/** Builds the Eleventy baseline from `content` into `out`, then Pagefind. */
export async function eleventyBaseline(content: string, out: string): Promise<BaselineResult> {
  const releases = await countFiles(join(content, 'releases'), '.mdx');
  await rm(out, { recursive: true, force: true });
  const build = await measured(
    [
      process.execPath,
      heap(),
      'node_modules/.bin/eleventy',
      `--config=${ELEVENTY_CONFIG}`,
      `--output=${out}`,
      '--quiet',
    ],
    { ARCHIVE_CONTENT_DIR: content, NO_COLOR: '1' },
  );
  return result(releases, out, build, build.code === 0 ? await pagefind(out) : undefined, []);
}
