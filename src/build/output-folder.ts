/**
 * Which folders a build may put a site in. A build replaces its output folder whole, so it writes
 * only to a folder that is absent, empty, or a site it made itself: every site carries a marker
 * (`MARKER`) listing the files the build wrote, and a folder holding anything else is refused
 * before anything is built, with the folder and the reason. So is any folder whose loss would
 * hurt: `/`, the home folder, the project or a folder above it, its `src/`, `public/`,
 * `node_modules/` or `.git/`, and the content folder, anything inside it or above it.
 */
import { lstat, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The file in every built site that says a build made it, and which files it wrote. */
export const MARKER = '.archive-build.json.gz';

/** What the marker records. */
export interface SiteMarker {
  /** Says what wrote it: a marker of another program is not this build's. */
  builtBy: 'press-release-archive';
  /** How many releases the site holds. */
  releases: number;
  /** Every file the build wrote, relative to the site, `/`-separated, the marker excepted. */
  files: string[];
}

/** A build's output folder that must not be touched, and why; nothing has been written. */
export class RefusedOutput extends Error {
  override name = 'RefusedOutput';

  constructor(folder: string, reason: string) {
    super(
      `Refusing to build into ${folder}: ${reason}. Nothing was built, deleted, moved or written; set ARCHIVE_OUT_DIR to an absent or empty folder, or to a site built before.`,
    );
  }
}

/** Whether `inner` is `outer` or a folder inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return (
    path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path))
  );
}

/**
 * A path with symbolic links resolved as far as it exists, so that two names of one folder
 * compare equal.
 */
export async function realPath(path: string): Promise<string> {
  const absolute = resolve(path);
  const real = await realpath(absolute).catch(() => undefined);
  if (real) return real;
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(await realPath(parent), basename(absolute));
}

/** The folders of the project a site must never replace or be built inside. */
const PROJECT_FOLDERS = ['src', 'public', 'node_modules', '.git', 'content', 'scripts', 'tests'];

/**
 * Refuses an output folder by where it is: before anything else, from paths alone. `out`,
 * `content` and `project` are absolute. A symbolic link as the output folder is refused too: the
 * swap would replace the link with a folder.
 */
export async function refuseByPlace(given: string, places: { content: string; project: string }): Promise<void> {
  const info = await lstat(given).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new RefusedOutput(given, 'it is a symbolic link; name the folder it points to');
  if (info && !info.isDirectory()) throw new RefusedOutput(given, 'it is a file, not a folder');
  const [out, content, project, home] = (await Promise.all(
    [given, places.content, places.project, homedir()].map(realPath),
  )) as [string, string, string, string];
  const refuse = (reason: string) => new RefusedOutput(given, reason);
  if (out === resolve('/')) throw refuse('it is the root of the file system');
  if (out === home) throw refuse('it is the home folder');
  if (within(project, out)) throw refuse(`it is or holds the project (${project})`);
  if (within(content, out)) throw refuse(`it is or holds the content folder (${content})`);
  if (within(out, content)) throw refuse(`it is inside the content folder (${content})`);
  if (within(home, out)) throw refuse('it holds the home folder');
  for (const name of PROJECT_FOLDERS) {
    if (within(out, join(project, name))) throw refuse(`it is the project's ${name}/ folder or inside it`);
  }
}

/** Every file below `dir`, relative to it, `/`-separated, sorted. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Reads a site's marker, or `undefined` when it has none this build wrote. */
export async function readMarker(site: string): Promise<SiteMarker | undefined> {
  try {
    const marker = JSON.parse(gunzipSync(await readFile(join(site, MARKER))).toString('utf8')) as SiteMarker;
    return marker.builtBy === 'press-release-archive' && Array.isArray(marker.files) ? marker : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the marker into a finished site: its release count, every file in it (`files`, sorted,
 * the marker excepted), and what else the build keeps there (`more`: the manifest the next build
 * starts from).
 */
export async function writeMarker(
  site: string,
  releases: number,
  files: readonly string[],
  more: object = {},
): Promise<void> {
  const marker: SiteMarker = {
    builtBy: 'press-release-archive',
    releases,
    files: files.filter((file) => file !== MARKER),
  };
  await writeFile(join(site, MARKER), gzipSync(JSON.stringify({ ...marker, ...more })));
}

/** What an output folder holds that a build may replace: a site comes with its marker. */
export type OutputState =
  { kind: 'absent' } | { kind: 'empty' } | { kind: 'site'; releases: number; marker: SiteMarker };

/**
 * What the output folder holds: nothing, or a site this build made and nothing else. Anything
 * else is refused, naming a few of the files the build did not make.
 */
export async function inspectOutput(out: string): Promise<OutputState> {
  const info = await lstat(out).catch(() => undefined);
  if (!info) {
    const parent = await lstat(dirname(out)).catch(() => undefined);
    if (parent && !parent.isDirectory()) throw new RefusedOutput(out, `${dirname(out)} is a file, not a folder`);
    return { kind: 'absent' };
  }
  const files = await listSiteFiles(out);
  if (files.length === 0) return { kind: 'empty' };
  const marker = await readMarker(out);
  if (!marker) {
    throw new RefusedOutput(
      out,
      `it holds files this build did not make (${sample(files)}) and no ${MARKER} that would mark it as a site built before`,
    );
  }
  const made = new Set(marker.files);
  const foreign = files.filter((file) => file !== MARKER && !made.has(file));
  if (foreign.length > 0) {
    throw new RefusedOutput(
      out,
      `it holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} the build did not make (${sample(foreign)}); move ${foreign.length === 1 ? 'it' : 'them'} away, or into public/ to publish ${foreign.length === 1 ? 'it' : 'them'} with the site`,
    );
  }
  return { kind: 'site', releases: marker.releases, marker };
}

function sample(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
