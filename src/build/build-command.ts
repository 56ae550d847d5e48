/**
 * The build command (`npm run build`, and `astro build`, which hands over to it). Its stages, in
 * order (`src/build/README.md`):
 *
 * 1. plan: refuses an output folder it must not touch, takes the working folder beside it
 *    (`work-folder.ts`), and decides whether to build from the previous site (`build-plan.ts`);
 * 2. model: reads and checks every release, rendering the bodies that changed (`archive-model.ts`);
 * 3. pages and index, at once: Astro makes the pages whose keys changed (`src/site/page-keys.ts`)
 *    while the search index's changed parts are made from the model (`search-index.ts`);
 * 4. assemble: every other file is linked from the previous site, the publish list is written,
 *    the site is marked as this build's (`assemble.ts`);
 * 5. swap: the new site takes the old one's place.
 *
 * A failed or stopped build leaves the previous site exactly as it was: nothing is written to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import {
  LOCAL_SITE,
  MODEL_FILE_VARIABLE,
  PAGE_KEYS_OUT_VARIABLE,
  PAGE_KEYS_VARIABLE,
  PROJECT_ROOT,
  cacheDir,
  displayPath,
  mediaLimits,
  searchPartWords,
  siteUrl,
} from '../env.ts';
import { formatProblems } from '../model/check-content.ts';
import { Names, readNames } from '../model/names.ts';
import { readArchive, writeArchiveFile, type ArchiveRelease } from './archive-model.ts';
import { PUBLISH_FILE, bringUnchanged, publishList, type PagesMade, type PublishList } from './assemble.ts';
import { BodyStore } from './body-store.ts';
import { buildFingerprint, planBuild, type BuildPlan, type SiteManifest } from './build-plan.ts';
import { RefusedOutput, inspectOutput, refuseByPlace, writeMarker } from './output-folder.ts';
import { INDEX_FOLDER, buildIndex, type IndexOutcome } from './search-index.ts';
import { SiteLinker } from './site-linker.ts';
import { BuildBusy, WorkFolder } from './work-folder.ts';

/** What a build is asked to do. */
export interface BuildRequest {
  /** The content folder (holding `releases/`), absolute. */
  content: string;
  /** The output folder, absolute. */
  out: string;
  /** Publish a site without releases over one with releases. */
  allowEmpty: boolean;
  /** Build everything, whatever the previous site. */
  full?: boolean | undefined;
  /** Arguments passed on to `astro build`. */
  astroArgs: string[];
  /** The environment the build's processes get. */
  env: NodeJS.ProcessEnv;
}

/** The environment variable that tells Astro's config where the build command stages the site. */
export const STAGING_VARIABLE = 'ARCHIVE_STAGING_DIR';

/**
 * The test hook: `<stage>:kill` kills the build as a stage starts (`plan`, `model`, `pages`,
 * `assemble`, `swap`); `swap:kill` and `swap:pause` stop it between the swap's two renames.
 */
const TEST_HOOK = 'ARCHIVE_TEST_HOOK';

/** The stages of a build, as the test hook names them. */
type Stage = 'plan' | 'model' | 'pages' | 'assemble';

const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

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

/** How the releases differ from those the previous site was built from. */
function releaseChanges(releases: readonly ArchiveRelease[], previous: SiteManifest | undefined) {
  const before = previous?.index.words ?? {};
  let added = 0;
  let changed = 0;
  const ids = new Set<string>();
  for (const { id, stamp } of releases) {
    ids.add(id);
    const known = before[id];
    if (!known) added++;
    else if (known[0] !== stamp) changed++;
  }
  const removed = Object.keys(before).filter((id) => !ids.has(id)).length;
  return { added, changed, removed };
}

/** The line that says what a build did, and why it was built in full if it was. */
function summaryLine(
  plan: BuildPlan,
  releases: number,
  changes: ReturnType<typeof releaseChanges>,
  list: PublishList,
  indexed: IndexOutcome,
  ms: number,
): string {
  const written = list.added.length + list.changed.length;
  const parts = indexed.manifest.parts.length;
  const what = `${plural(written, 'file')} added or changed, ${plural(list.removed.length, 'file')} removed, ${indexed.remade} of ${plural(parts, 'index part')} made, in ${(ms / 1000).toFixed(1)} s.`;
  if (plan.kind === 'full') return `Built ${plural(releases, 'release')} in full (${plan.reason}): ${what}`;
  const { added, changed, removed } = changes;
  const one = added + changed + removed === 1;
  return `Published ${added.toLocaleString('en')} new, ${changed.toLocaleString('en')} changed, ${removed.toLocaleString('en')} removed ${one ? 'release' : 'releases'}: ${what}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
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
  // Ends the search index's work between parts once the build is stopped or its pages failed.
  const abandon = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    abandon.abort();
    error(`\nStopping the build (${signal}).`);
    for (const child of running) killGroup(child, 'SIGTERM');
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, stop);
  // npm passes a signal on to the shell that runs this script, and the shell ends without passing
  // it on: under npm, the shell's end is the signal.
  const parent = process.ppid;
  const watch = setInterval(() => process.ppid !== parent && process.env.npm_lifecycle_event && stop('SIGTERM'), 250);

  /** Keeps a process the build started (in a process group of its own), so that stopping the build stops it. */
  const track = (child: ChildProcess) => {
    running.add(child);
    void work?.addChild(child.pid!).catch(() => undefined);
    child.on('close', () => running.delete(child));
  };

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
      track(child);
      child.on('error', reject);
      child.on('close', (code) => {
        if (stopping) reject(new Stopped());
        else resolve(code ?? 1);
      });
    });
  };

  /** A stage starts: stopped, if the build is being stopped; killed, if a test asks. */
  const stage = (name: Stage) => {
    if (stopping) throw new Stopped();
    if (request.env[TEST_HOOK] === `${name}:kill`) process.kill(process.pid, 'SIGKILL');
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
    const started = performance.now();
    const failed = () =>
      `\nThe build failed: ${before.kind === 'site' ? `${out} still holds the previous site, unchanged` : `nothing was written to ${out}`}.`;

    // 1. plan: from the previous site, or in full.
    stage('plan');
    const fingerprint = await buildFingerprint(PROJECT_ROOT, content, request.env, request.astroArgs);
    const plan = planBuild(out, before.kind === 'site' ? before.marker : undefined, fingerprint, request.full === true);
    const previous = plan.kind === 'incremental' ? { site: out, manifest: plan.previous } : undefined;
    if (plan.kind === 'full' && before.kind === 'site') log(`Full build: ${plan.reason}.`);

    // 2. model: every release read and checked, the bodies that changed rendered.
    stage('model');
    const cache = cacheDir(content);
    const bodies = new BodyStore(join(cache, 'bodies'));
    const reading = performance.now();
    const read = await readArchive(
      join(content, 'releases'),
      bodies,
      displayPath,
      mediaLimits(),
      join(cache, 'model.jsonl'),
    );
    const names = await readNames(content);
    log(
      `Read ${plural(read.releases.length, 'release')} in ${((performance.now() - reading) / 1000).toFixed(1)} s; rendered ${plural(read.rendered, 'body', 'bodies')}, the rest unchanged.`,
    );
    const problems = [...read.problems, ...names.problems];
    if (problems.length > 0) {
      error(formatProblems(problems, displayPath));
      error(failed());
      return 1;
    }
    await mkdir(work.temp, { recursive: true });
    const modelFile = join(work.temp, 'archive.jsonl');
    await writeArchiveFile(modelFile, read.releases);
    const changes = releaseChanges(read.releases, previous?.manifest);
    const keysIn = join(work.temp, 'page-keys.previous.json');
    const keysOut = join(work.temp, 'page-keys.json');
    if (previous) await writeFile(keysIn, JSON.stringify(previous.manifest.pages));

    // 3. pages and index at once: Astro in its own process, the index here.
    stage('pages');
    // Node's default heap (about 4 GB) is too small for an archive of 100,000 releases.
    const heap = `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
    const env: NodeJS.ProcessEnv = {
      ...request.env,
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_OUT_DIR: out,
      [STAGING_VARIABLE]: work.site,
      [MODEL_FILE_VARIABLE]: modelFile,
      [PAGE_KEYS_OUT_VARIABLE]: keysOut,
      ...(previous ? { [PAGE_KEYS_VARIABLE]: keysIn } : {}),
    };
    // Astro runs from the working folder: it renders pages from chunks it writes inside the
    // working directory when the output folder is there, and elsewhere (another file system)
    // its final rename of them fails. It empties its output folder first, so the index is made
    // beside it and moved in afterwards.
    const pages = run([heap, astro, 'build', '--root', PROJECT_ROOT, ...request.astroArgs], env, work.path);
    const indexSite = join(work.temp, 'index-site');
    const index = buildIndex({
      releases: read.releases,
      names: new Names(names.data),
      bodies,
      site: indexSite,
      previous: previous && { site: out, manifest: previous.manifest.index },
      cache: join(cache, 'index'),
      temp: join(work.temp, 'index'),
      partWords: searchPartWords(),
      log,
      started: (child) => track(child),
      signal: abandon.signal,
    });
    void pages.then(
      (code) => code !== 0 && abandon.abort(),
      () => abandon.abort(),
    );
    let indexed: IndexOutcome | undefined;
    try {
      indexed = await index;
    } catch (caught) {
      // Pages that failed first have said why; otherwise the index's failure is the build's.
      if (!abandon.signal.aborted) {
        for (const child of running) killGroup(child, 'SIGTERM');
        await pages.catch(() => undefined);
        throw caught;
      }
    }
    const code = await pages;
    if (code !== 0 || !indexed) {
      error(failed());
      return code || 1;
    }

    // 4. assemble: what was not made comes from the previous site; the publish list; the marker.
    stage('assemble');
    const made = JSON.parse(await readFile(keysOut, 'utf8')) as PagesMade;
    const linker = new SiteLinker(out, work.site);
    const assets = bringUnchanged(work.site, made, previous && { linker, manifest: previous.manifest });
    await rename(join(indexSite, INDEX_FOLDER), join(work.site, INDEX_FOLDER));
    const { files, list } = await publishList(
      work.site,
      before.kind === 'site' ? { site: out, files: before.marker.files } : undefined,
      new Set([...linker.linked, ...indexed.linked]),
    );
    await writeMarker(work.site, read.releases.length, files, {
      fingerprint,
      pages: made.keys,
      assets,
      index: indexed.manifest,
    });
    const summary = summaryLine(plan, read.releases.length, changes, list, indexed, performance.now() - started);
    if (stopping) throw new Stopped();
    const hook = request.env[TEST_HOOK];
    work.swapIn(
      hook === 'swap:kill'
        ? () => process.kill(process.pid, 'SIGKILL')
        : hook === 'swap:pause'
          ? pauseForever
          : undefined,
    );
    log(summary);
    log(
      `The site is in ${out}; the files this build added, changed and removed are listed in ${join(out, PUBLISH_FILE)}.`,
    );
    return 0;
  } catch (caught) {
    if (caught instanceof Stopped || stopping) {
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
