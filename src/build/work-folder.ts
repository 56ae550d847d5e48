/**
 * A build's working folder, `<out>.building/`, beside the output folder: on the same file system,
 * so the new site moves into place with a rename, wherever the output folder is mounted.
 *
 *     lock.json      which build owns the folder: its process and the processes it started
 *     node_modules   a link to the project's: Astro renders pages from chunks it writes inside its
 *                    output folder, and those import packages by name
 *     site/          the new site, as Astro and the build make it
 *     temp/          what the stages hand each other: the model, the pages' keys, the search index
 *                    being made and the pages Pagefind reads
 *     previous/      the old site, for the instant between moving it aside and moving the new one in
 *
 * Only one build of an output folder runs at a time: the folder is made with `mkdir`, which fails
 * when it exists. A build that died leaves it behind; the next one takes it over once none of the
 * dead build's processes runs, puts back a previous site the swap had moved aside, and removes
 * the rest. The old site is deleted only once the new one is in place.
 */
import { lstatSync, renameSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RefusedOutput } from './output-folder.ts';

/** What `lock.json` records. */
interface Lock {
  pid: number;
  host: string;
  /** Processes the build started (Astro, the indexer), each leading a process group. */
  children: number[];
}

/** The names a working folder may hold; a folder with others is not a build's. */
const OWN_ENTRIES = new Set(['lock.json', 'lock.json.tmp', 'node_modules', 'site', 'temp', 'index', 'previous']);

/** Another build of the same output folder is running. */
export class BuildBusy extends Error {
  override name = 'BuildBusy';

  constructor(out: string, pid: number, host: string) {
    super(
      `Another build of ${out} is running (pid ${pid}${host === hostname() ? '' : ` on ${host}`}); wait for it to end, or stop it first.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock's build, or any process it started, still runs (on another host: assumed so). */
function isLive(lock: Lock): boolean {
  if (lock.host !== hostname()) return true;
  return [lock.pid, ...lock.children].some(isRunning);
}

async function readLock(folder: string): Promise<Lock | undefined> {
  try {
    const lock = JSON.parse(await readFile(join(folder, 'lock.json'), 'utf8')) as Lock;
    return Number.isInteger(lock.pid) && Array.isArray(lock.children) ? lock : undefined;
  } catch {
    return undefined;
  }
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** The working folder of one build, owned by this process until `close()`. */
export class WorkFolder {
  readonly path: string;
  readonly out: string;
  readonly #lock: Lock;
  readonly #log: (message: string) => void;

  private constructor(out: string, log: (message: string) => void) {
    this.out = out;
    this.path = `${out}.building`;
    this.#lock = { pid: process.pid, host: hostname(), children: [] };
    this.#log = log;
  }

  /** Where the new site is built. */
  get site(): string {
    return join(this.path, 'site');
  }

  /** Where the stages put what they hand each other, and their temporary files. */
  get temp(): string {
    return join(this.path, 'temp');
  }

  get #previous(): string {
    return join(this.path, 'previous');
  }

  /**
   * Takes the working folder of `out`, first recovering what a build that died left behind.
   * Throws `BuildBusy` while another build runs, and `RefusedOutput` when a folder of that name
   * is not a build's.
   */
  static async open(out: string, project: string, log: (message: string) => void): Promise<WorkFolder> {
    const work = new WorkFolder(out, log);
    await mkdir(dirname(out), { recursive: true });
    await recoverAbandoned(out, log);
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(work.path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw error;
      }
      const lock = await readLock(work.path);
      if (lock && isLive(lock)) throw new BuildBusy(out, lock.pid, lock.host);
      if (!lock && attempt < 5) {
        // Another build may have made the folder a moment ago and not yet written its lock.
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      await takeOver(work.path, out, log);
    }
    await work.#writeLock();
    await symlink(join(project, 'node_modules'), join(work.path, 'node_modules'), 'dir');
    return work;
  }

  /** Records a process the build started, so that a later build waits for it too. */
  async addChild(pid: number): Promise<void> {
    this.#lock.children.push(pid);
    await this.#writeLock();
  }

  async #writeLock(): Promise<void> {
    const temporary = join(this.path, 'lock.json.tmp');
    await writeFile(temporary, JSON.stringify(this.#lock));
    await rename(temporary, join(this.path, 'lock.json'));
  }

  /**
   * Puts the new site in place of the old one: two renames with nothing in between that could
   * let a signal handler run, so a stopped build never leaves the output folder without a site.
   * `pause` is a test hook, called between the two.
   */
  swapIn(pause?: () => void): void {
    const hadSite = lstatSync(this.out, { throwIfNoEntry: false }) !== undefined;
    if (hadSite) renameSync(this.out, this.#previous);
    pause?.();
    renameSync(this.site, this.out);
  }

  /**
   * Gives up the folder: a previous site still set aside goes back if no new one is in place, and
   * everything else the build made here is removed.
   */
  async close(): Promise<void> {
    await restorePrevious(this.path, this.out, this.#log);
    await rm(this.path, { recursive: true, force: true });
  }
}

/** Puts a site set aside by an unfinished swap back in the output folder, if it is empty. */
async function restorePrevious(folder: string, out: string, log: (message: string) => void): Promise<void> {
  const previous = join(folder, 'previous');
  if (!(await exists(previous))) return;
  if (await exists(out)) {
    // The new site went in; the old one is no longer needed.
    await rm(previous, { recursive: true, force: true });
    return;
  }
  await rename(previous, out);
  log(`Put the previous site back in ${out}: the build stopped between moving it aside and moving the new one in.`);
}

/**
 * Takes over the working folder of a build that is no longer running: renames it (only one of
 * two builds doing this at once succeeds), recovers the output folder and removes it.
 */
async function takeOver(folder: string, out: string, log: (message: string) => void): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  const strange = names.filter((name) => !OWN_ENTRIES.has(name));
  if (strange.length > 0) {
    throw new RefusedOutput(
      out,
      `${folder} exists and is not a build's working folder (it holds ${strange.slice(0, 3).join(', ')}); move it away`,
    );
  }
  const taken = `${folder}.stale-${process.pid}`;
  try {
    await rename(folder, taken);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const lock = await readLock(taken);
  if (lock && isLive(lock)) {
    // A new build took the folder between our look and the rename: it is that build's.
    await rename(taken, folder).catch(() => undefined);
    throw new BuildBusy(out, lock.pid, lock.host);
  }
  log(`A build of ${out}${lock ? ` (pid ${lock.pid})` : ''} ended without finishing; taking over its working folder.`);
  await recoverFolder(taken, out, log);
}

async function recoverFolder(folder: string, out: string, log: (message: string) => void): Promise<void> {
  await restorePrevious(folder, out, log);
  await rm(folder, { recursive: true, force: true });
}

/** Working folders set aside by a takeover that itself was stopped: `<out>.building.stale-<pid>`. */
async function recoverAbandoned(out: string, log: (message: string) => void): Promise<void> {
  const prefix = `${basename(out)}.building.stale-`;
  const names = await readdir(dirname(out)).catch(() => []);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const folder = join(dirname(out), name);
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || isRunning(pid)) continue;
    const strange = (await readdir(folder).catch(() => [])).filter((entry) => !OWN_ENTRIES.has(entry));
    if (strange.length > 0) continue;
    await recoverFolder(folder, out, log);
  }
}
