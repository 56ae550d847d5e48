/**
 * The build command (`npm run build`, and `astro build`, which hands over to it): refuses an
 * output folder it must not touch, builds the new site in the output folder's working folder
 * (`work-folder.ts`), makes the search index once Astro's process has ended (so the two never
 * hold their memory at once), marks the site as this build's, and swaps it in only when all of
 * that has succeeded. A failed or stopped build leaves the previous site exactly as it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SITE, PROJECT_ROOT, siteUrl } from '../env.ts';
import { RefusedOutput, inspectOutput, refuseByPlace, writeMarker } from './output-folder.ts';
import { BuildBusy, WorkFolder } from './work-folder.ts';

/** What a build is asked to do. */
export interface BuildRequest {
  /** The content folder (holding `releases/`), absolute. */
  content: string;
  /** The output folder, absolute. */
  out: string;
  /** Publish a site without releases over one with releases. */
  allowEmpty: boolean;
  /** Arguments passed on to `astro build`. */
  astroArgs: string[];
  /** The environment the build's processes get. */
  env: NodeJS.ProcessEnv;
}

/** The environment variable that tells Astro's config where the build command stages the site. */
export const STAGING_VARIABLE = 'ARCHIVE_STAGING_DIR';

/** The test hook: `swap:kill` or `swap:pause` stops the build between the swap's two renames. */
const TEST_HOOK = 'ARCHIVE_TEST_HOOK';

const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const indexer = join(PROJECT_ROOT, 'scripts/index-site.ts');

/**
 * Said when no site address is set: absolute links then point at the local preview, which is
 * right for `npm start` and wrong on any host.
 */
const LOCAL_ADDRESS_WARNING = [
  'Warning: ARCHIVE_SITE is not set, so the site is built for http://localhost:4321. That address will',
  'appear in every canonical link, Open Graph and JSON-LD address, printed permalink and citation',
  '(Chicago, APA, BibTeX), in the RSS feeds, the sitemap, robots.txt and the JSON exports',
  "(releases.json and each release's .json). Set ARCHIVE_SITE=https://your.host, or site: in the",
  "content folder's site.yaml, to build for a host.",
].join('\n');

/** The build was stopped by a signal. */
class Stopped extends Error {}

/** How many `.mdx` releases a content folder holds (0 when it has no `releases/`). */
async function countReleases(content: string): Promise<number> {
  const files = await readdir(join(content, 'releases'), { recursive: true }).catch(() => []);
  return files.filter((file) => file.endsWith('.mdx')).length;
}

/** The size of the largest release page of a built site, in bytes. */
async function largestPage(site: string): Promise<number> {
  const files = await readdir(join(site, 'releases'), { recursive: true }).catch(() => []);
  let largest = 0;
  for (const file of files) {
    if (!file.endsWith('index.html')) continue;
    largest = Math.max(largest, (await stat(join(site, 'releases', file))).size);
  }
  return largest;
}

/**
 * Builds the site; gives the exit code. Every refusal and failure is a message on `error`, never
 * a stack trace.
 */
export async function buildArchive(
  request: BuildRequest,
  log: (line: string) => void,
  error: (line: string) => void,
): Promise<number> {
  const { content, out } = request;
  let work: WorkFolder | undefined;
  const running = new Set<ChildProcess>();
  let stopping: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    error(`\nStopping the build (${signal}).`);
    for (const child of running) killGroup(child, 'SIGTERM');
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, stop);
  // npm passes a signal on to the shell that runs this script, and the shell ends without passing
  // it on: under npm, the shell's end is the signal.
  const parent = process.ppid;
  const watch = setInterval(() => process.ppid !== parent && process.env.npm_lifecycle_event && stop('SIGTERM'), 250);

  /** Runs Node on a script in a process group of its own, so that stopping it stops its children. */
  const run = (args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> => {
    if (stopping) throw new Stopped();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
      });
      running.add(child);
      void work?.addChild(child.pid!).catch(() => undefined);
      child.on('error', reject);
      child.on('close', (code) => {
        running.delete(child);
        if (stopping) reject(new Stopped());
        else resolve(code ?? 1);
      });
    });
  };

  try {
    await refuseByPlace(out, { content, project: PROJECT_ROOT });
    work = await WorkFolder.open(out, PROJECT_ROOT, log);
    const before = await inspectOutput(out);
    const releases = await countReleases(content);
    if (releases === 0 && before.kind === 'site' && before.releases > 0 && !request.allowEmpty) {
      throw new RefusedOutput(
        out,
        `${join(content, 'releases')} holds no releases: this would publish an empty archive over ${before.releases} ${before.releases === 1 ? 'release' : 'releases'} (use --allow-empty or ARCHIVE_ALLOW_EMPTY=1 if that is what you want)`,
      );
    }

    if (siteUrl() === LOCAL_SITE) error(LOCAL_ADDRESS_WARNING);
    // Node's default heap (about 4 GB) is too small for an archive of 100,000 releases.
    const heap = `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
    const env = { ...request.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: out, [STAGING_VARIABLE]: work.site };
    // Astro runs from the working folder: it renders pages from chunks it writes inside the
    // working directory when the output folder is there, and elsewhere (another file system)
    // its final rename of them fails.
    let code = await run([heap, astro, 'build', '--root', PROJECT_ROOT, ...request.astroArgs], env, work.path);
    if (code === 0) {
      // A heap for the largest page: the indexer holds a few copies of one page at a time; and
      // for the archive's vocabulary, which it counts as it goes (about 20 MB for the corpus's
      // 71,000 words).
      const pageMiB = (await largestPage(work.site)) / 2 ** 20;
      const indexHeap = `--max-old-space-size=${Math.ceil(128 + 96 + 12 * pageMiB)}`;
      const previous = before.kind === 'site' ? [out] : [];
      code = await run(
        ['--max-semi-space-size=1', indexHeap, indexer, '--temp', work.index, work.site, ...previous],
        env,
        PROJECT_ROOT,
      );
    }
    if (code === 0) await writeMarker(work.site, releases);
    if (code !== 0) {
      error(
        `\nThe build failed: ${before.kind === 'site' ? `${out} still holds the previous site, unchanged` : `nothing was written to ${out}`}.`,
      );
      return code;
    }
    if (stopping) throw new Stopped();
    const hook = request.env[TEST_HOOK];
    work.swapIn(
      hook === 'swap:kill'
        ? () => process.kill(process.pid, 'SIGKILL')
        : hook === 'swap:pause'
          ? pauseForever
          : undefined,
    );
    log(`The site is in ${out}.`);
    return 0;
  } catch (caught) {
    if (caught instanceof Stopped) {
      error(`The build was stopped: ${out} is as it was before.`);
      return 128 + (stopping === 'SIGINT' ? 2 : stopping === 'SIGHUP' ? 1 : 15);
    }
    if (caught instanceof RefusedOutput || caught instanceof BuildBusy) {
      error(caught.message);
      return 1;
    }
    error(`The build failed: ${(caught as Error).message}`);
    return 1;
  } finally {
    for (const child of running) killGroup(child, 'SIGKILL');
    await work?.close();
    for (const signal of signals) process.off(signal, stop);
    clearInterval(watch);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** The `swap:pause` test hook: stops between the swap's renames until the process is killed. */
function pauseForever(): never {
  process.stdout.write('Paused in the swap (test hook).\n');
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(wait, 0, 0, 60_000);
}
