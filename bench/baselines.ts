/**
 * The stacks `npm run bench` builds beside the archive, on the same content folder
 * (bench/README.md): a plain Astro project (`bench/baselines/astro`) and Eleventy
 * (`bench/baselines/eleventy`) here, Hugo in `hugo.ts`; each followed by Pagefind's command line
 * over what it wrote. Each builds cold, then publishes one release more as that stack can.
 * Astro and Eleventy run on the archive's own node_modules, with the heap the archive's build
 * gives itself.
 */
import { spawnSync } from 'node:child_process';
import { link, lstat, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../tests/support/site.ts';
import { compareSnapshots, folderSize, measured, snapshot, type FolderChanges, type Measured } from './measure.ts';
import type { TextCheck } from './text-check.ts';

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
  /** The stack's version, where the bench runs one that is not the project's package. */
  version?: string | undefined;
  /** Whether a few release pages show the archive's text (`text-check.ts`). */
  text?: TextCheck | undefined;
}

/** A publish of one release more into a baseline's site: its build and Pagefind's, and what they changed. */
export interface BaselinePublish {
  /** How the stack was asked to build: "built again", "--incremental=<file>", "built again in full". */
  how: string;
  /** Why it failed, when it did: the first lines of its output. */
  failed?: string | undefined;
  /** The build and Pagefind's. */
  seconds: number;
  pagefindSeconds: number;
  peakMiB: number;
  /** Files of the site, by their bytes. */
  changes: FolderChanges;
  /** Whether the site's index page lists the new release afterwards. */
  listed: boolean;
}

/** A baseline's site, built cold, to publish one release into and then to remove. */
export interface BaselineSite {
  result: BaselineResult;
  out: string;
  /** Builds again after `file` (a release file, relative to the content folder) was added to the content folder. */
  publish(file: string): Promise<BaselinePublish[]>;
  /** Removes the site and whatever its builds left (caches, copies). */
  remove(): Promise<void>;
}

/** Node's heap for a baseline: three quarters of the machine's memory, as the archive's build allows itself. */
export function heap(): string {
  return `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
}

/** The number of files below `dir` whose name ends in `suffix`. */
export async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.endsWith(suffix)).length;
}

/** The last lines a failed command printed, to say why it failed. */
function tail(run: Measured): string {
  return run.output.trim().split('\n').slice(-15).join('\n');
}

/** Builds the search index of a baseline's output as its docs say: `pagefind --site <folder>`. */
export function pagefind(out: string): Promise<Measured> {
  return measured([process.execPath, 'node_modules/.bin/pagefind', '--site', out], {});
}

/** Sums up a build and its Pagefind run. */
export async function result(
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
 * The address of a release file's page in every baseline: each names a page by the file's path,
 * as the plain Astro baseline's ids do (a slug repeats across releases).
 */
export function baselinePath(file: string): string {
  return `/${file.replace(/\.mdx$/, '')}/`;
}

/** The first lines a failed publish printed: why it failed, without the stack. */
function reason(run: Measured): string {
  return run.output.trim().split('\n').slice(0, 4).join('\n');
}

/**
 * Times a publish into the site in `out`: `build`, then Pagefind over the whole site (it cannot
 * add a page to an index), and compares the site's files before and after.
 */
export async function publishRun(
  how: string,
  out: string,
  file: string,
  build: () => Promise<Measured>,
): Promise<BaselinePublish> {
  const before = await snapshot(out);
  const built = await build();
  const index = built.code === 0 ? await pagefind(out) : undefined;
  const home = await readFile(join(out, 'index.html'), 'utf8').catch(() => '');
  return {
    how,
    failed: built.code !== 0 ? reason(built) : index && index.code !== 0 ? reason(index) : undefined,
    seconds: built.seconds + (index?.seconds ?? 0),
    pagefindSeconds: index?.seconds ?? NaN,
    peakMiB: Math.max(built.peakMiB, index?.peakMiB ?? 0),
    changes: compareSnapshots(before, await snapshot(out)),
    listed: home.includes(`href="${baselinePath(file)}"`),
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

/** One build of the plain Astro baseline from `source` into `out`, with whatever its caches hold. */
function astroBuild(source: string, out: string): Promise<Measured> {
  return measured(
    [process.execPath, heap(), 'node_modules/.bin/astro', 'build', '--root', ASTRO_ROOT, '--outDir', out],
    { ARCHIVE_CONTENT_DIR: source, NO_COLOR: '1' },
  );
}

/**
 * Builds the plain Astro baseline from `content` into `out`, then Pagefind. A release file that
 * does not compile stops Astro's build: it is left out of a copy of the content folder (hard
 * links), and the build starts again, up to `MAX_LEFT_OUT` files; the result names each one. A
 * publish builds again as Astro does, its caches kept from the cold build.
 */
export async function astroBaseline(content: string, out: string, work: string): Promise<BaselineSite> {
  const releases = await countFiles(join(content, 'releases'), '.mdx');
  const leftOut: BaselineResult['leftOut'] = [];
  const copy = join(work, 'content-astro-baseline');
  let source = content;
  const site = (result: BaselineResult): BaselineSite => ({
    result,
    out,
    async publish(file) {
      // The copy holds the content folder's files as links: the new one is linked in too.
      if (source !== content) {
        await mkdir(dirname(join(source, file)), { recursive: true });
        await link(join(content, file), join(source, file));
      }
      try {
        return [await publishRun('built again', out, file, () => astroBuild(source, out))];
      } finally {
        if (source !== content) await rm(join(source, file), { force: true });
      }
    },
    async remove() {
      await clearAstroCache();
      await rm(copy, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    },
  });
  for (;;) {
    await clearAstroCache();
    await rm(out, { recursive: true, force: true });
    const build = await astroBuild(source, out);
    if (build.code === 0) return site(await result(releases, out, build, await pagefind(out), leftOut));
    const failure = failedRelease(build.output, source);
    if (!failure || leftOut.length >= MAX_LEFT_OUT) return site(await result(releases, out, build, undefined, leftOut));
    if (source === content) {
      const copied = spawnSync('cp', ['-al', content, copy], { encoding: 'utf8' });
      if (copied.status !== 0) throw new Error(`could not copy ${content}: ${copied.stderr}`);
      source = copy;
    }
    leftOut.push(failure);
    await rm(join(source, failure.file));
  }
}

/** One build of the Eleventy baseline from `content` into `out`; `extra` asks for more (`--incremental=…`). */
function eleventyBuild(content: string, out: string, ...extra: string[]): Promise<Measured> {
  return measured(
    [
      process.execPath,
      heap(),
      'node_modules/.bin/eleventy',
      `--config=${ELEVENTY_CONFIG}`,
      `--output=${out}`,
      '--quiet',
      ...extra,
    ],
    { ARCHIVE_CONTENT_DIR: content, NO_COLOR: '1' },
  );
}

/**
 * Builds the Eleventy baseline from `content` into `out`, then Pagefind. A publish asks Eleventy
 * for an incremental build of the new file alone (`--incremental=<file>`, Eleventy 3 without
 * `--watch`); when that fails, it builds again in full, as a user then would.
 */
export async function eleventyBaseline(content: string, out: string): Promise<BaselineSite> {
  const releases = await countFiles(join(content, 'releases'), '.mdx');
  await rm(out, { recursive: true, force: true });
  const build = await eleventyBuild(content, out);
  return {
    result: await result(releases, out, build, build.code === 0 ? await pagefind(out) : undefined, []),
    out,
    async publish(file) {
      // Eleventy names a file by its path from the folder it runs in, which is the project's.
      const named = relative(ROOT, join(content, file));
      const incremental = await publishRun(`--incremental=<file>`, out, file, () =>
        eleventyBuild(content, out, `--incremental=${named}`),
      );
      if (!incremental.failed) return [incremental];
      return [incremental, await publishRun('built again in full', out, file, () => eleventyBuild(content, out))];
    },
    remove: () => rm(out, { recursive: true, force: true }),
  };
}
