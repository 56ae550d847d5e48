/**
 * The first stage of a build: the content folder read into the archive's model. Every release
 * file is read and checked (`check-content.ts`), every problem of every file listed at once; each
 * body is rendered into the body store (`body-store.ts`) on every core (`render-pool.ts`). A
 * file whose text is unchanged since an earlier build is neither parsed, checked nor rendered
 * again: its checked frontmatter and its body are in the store under its key.
 *
 * Each release gets a stamp: its key, and the contents of the files its body shows (an image can
 * change while the text stays the same). A page, a search index part or a feed that shows a
 * release shows what its stamp stands for; the stages after this one compare stamps with the
 * previous build's to know what changed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, type BigIntStats } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { dirname, join, relative, sep } from 'node:path';
import { checkContent, checkReleaseSource, referenceProblems, type ContentProblem } from '../model/check-content.ts';
import { filesOf, type MediaItem, type MediaLimits } from '../model/media.ts';
import type { ReleaseData } from '../model/schema.ts';
import { writeWhole } from '../model/write-file.ts';
import { BodyStore, bodyKey, dataKey } from './body-store.ts';
import { currentChecker, currentRenderer } from './renderer-key.ts';
import { RenderPool } from './render-pool.ts';

/** A release as the build knows it once the content folder is read. */
export interface ArchiveRelease {
  /** Its file's path under `releases/`, without `.mdx`, `/`-separated: the collection's id. */
  id: string;
  /** Its file, absolute. */
  file: string;
  /** Where its body is in the body store: its text's key (`bodyKey`). */
  key: string;
  /** Its key and the contents of the files its body shows: it changes whenever its page may. */
  stamp: string;
  /** Its frontmatter, as checked. */
  data: ReleaseData;
  /** The figures, attachments and videos its body shows. */
  media: MediaItem[];
}

/** What reading the content folder found. */
export interface ArchiveRead {
  /** Every valid release, in the order of their files. */
  releases: ArchiveRelease[];
  problems: ContentProblem[];
  /** How many bodies were rendered (the rest were in the store already). */
  rendered: number;
}

/** The stamp of a release: its key, and each file its body shows with a hash of its bytes. */
function stampOf(file: string, key: string, media: readonly MediaItem[]): string {
  if (media.length === 0) return key;
  const hash = createHash('sha256').update(key);
  for (const { path } of media.flatMap(filesOf)) {
    let bytes: Buffer | string;
    try {
      bytes = readFileSync(join(dirname(file), path));
    } catch {
      // A missing file is a problem `referenceProblems` names; the build stops before any stamp is used.
      bytes = '';
    }
    hash.update(`\0${path}\0`).update(createHash('sha256').update(bytes).digest('hex'));
  }
  return hash.digest('hex').slice(0, 32);
}

/** A file's identity as the model keeps it: inode, size, and change and modification times in nanoseconds. */
type FileIdentity = [string, string, string, string];

function identityOf(stats: BigIntStats): FileIdentity {
  return [String(stats.ino), String(stats.size), String(stats.mtimeNs), String(stats.ctimeNs)];
}

/** A file's identity now, or `undefined` if it is not there. */
function currentIdentity(path: string): FileIdentity | undefined {
  const stats = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  return stats && identityOf(stats);
}

/**
 * What the model keeps of a release between builds (the model's cache, `cacheFile`): the identity
 * of its file and of the files its body shows, and what reading them gave. A release whose files
 * have the identities they had is not read again, as git trusts its index: a change to a file
 * changes its change time (which no program can set), a file put in its place has another inode.
 */
interface KnownRelease {
  /** The release file's path under `releases/`, `/`-separated. */
  path: string;
  file: FileIdentity;
  /** The files its body shows, by path beside it. */
  shown: Record<string, FileIdentity>;
  key: string;
  dataKey: string;
  stamp: string;
  data: ReleaseData;
  media: MediaItem[];
}

/** The first line of the model's cache: what made it, and when. */
interface CacheHeader {
  renderer: string;
  checker: string;
  /**
   * When the reading it records began, in nanoseconds since 1970: a file changed about then may
   * have changed again in the same tick of its clock, and is not trusted.
   */
  written: string;
}

/** A file's times within this many nanoseconds of the cache's writing: the file may have changed since, in the same tick. */
const RACY_NS = 2_000_000_000n;

/** The releases the model's cache knows, by path: none if it was made by other code or cannot be read. */
function readCache(cacheFile: string): { known: Map<string, KnownRelease>; written: bigint } {
  const none = { known: new Map<string, KnownRelease>(), written: 0n };
  let text: string;
  try {
    text = readFileSync(cacheFile, 'utf8');
  } catch {
    return none;
  }
  try {
    const [first, ...lines] = text.split('\n');
    const header = JSON.parse(first!) as CacheHeader;
    if (header.renderer !== currentRenderer() || header.checker !== currentChecker()) return none;
    const known = new Map<string, KnownRelease>();
    for (const line of lines) {
      if (!line) continue;
      const release = JSON.parse(line) as KnownRelease;
      known.set(release.path, release);
    }
    return { known, written: BigInt(header.written) };
  } catch {
    return none;
  }
}

/** Writes the model's cache: a header, then a release a line. */
async function writeCache(cacheFile: string, releases: readonly KnownRelease[], started: bigint): Promise<void> {
  const header: CacheHeader = { renderer: currentRenderer(), checker: currentChecker(), written: String(started) };
  const lines = [JSON.stringify(header), ...releases.map((release) => JSON.stringify(release))];
  await mkdir(dirname(cacheFile), { recursive: true });
  await writeWhole(cacheFile, `${lines.join('\n')}\n`);
}

/**
 * Reads and checks the releases under `releasesDir` (`<content>/releases`), and the files beside
 * them within `limits`, rendering the bodies the store lacks; `display` shows a path in messages.
 * A release the model's cache (`cacheFile`) knows unchanged is neither read nor checked again.
 * The store keeps only the bodies of the releases read, so it never grows past the archive.
 */
export async function readArchive(
  releasesDir: string,
  store: BodyStore,
  display: (path: string) => string,
  limits: MediaLimits,
  cacheFile?: string,
): Promise<ArchiveRead> {
  const started = BigInt(Date.now()) * 1_000_000n;
  const pool = new RenderPool(store);
  const cache = cacheFile ? readCache(cacheFile) : { known: new Map<string, KnownRelease>(), written: 0n };
  // Each release file's identity, taken before it is read: a change after that shows next time.
  const identities = new Map<string, FileIdentity>();
  // Files come from a walk of `releasesDir`: their path under it is what follows it.
  const prefix = join(releasesDir, sep);
  const pathOf = (file: string) =>
    (file.startsWith(prefix) ? file.slice(prefix.length) : relative(releasesDir, file)).split(sep).join('/');
  const found: { file: string; key: string; dataKey: string; data: ReleaseData; known?: KnownRelease }[] = [];
  // A file whose text the store knows was checked before, by the same rules: its frontmatter is
  // taken from there.
  const check: typeof checkReleaseSource = (file, source) => {
    const key = dataKey(source);
    const data = store.readData(key);
    if (data) return { data, problems: [] };
    const result = checkReleaseSource(file, source);
    if (result.data) store.writeData(key, result.data);
    return result;
  };
  // A file the cache knows, whose identity and whose shown files' are unchanged, with its body still stored.
  const known = (file: string, stats: BigIntStats): ReleaseData | undefined => {
    identities.set(file, identityOf(stats));
    const release = cache.known.get(pathOf(file));
    if (!release || stats.ctimeNs + RACY_NS >= cache.written) return undefined;
    if (identityOf(stats).join() !== release.file.join() || !store.has(release.key)) return undefined;
    for (const [path, identity] of Object.entries(release.shown)) {
      if (currentIdentity(join(dirname(file), path))?.join() !== identity.join()) return undefined;
    }
    return release.data;
  };
  const { problems } = await checkContent(
    releasesDir,
    async (file, source, data) => {
      if (source === undefined) {
        const release = cache.known.get(pathOf(file))!;
        found.push({ file, key: release.key, dataKey: release.dataKey, data, known: release });
        return;
      }
      const key = bodyKey(source);
      found.push({ file, key, dataKey: dataKey(source), data });
      if (!store.has(key)) await pool.add({ file, source, key });
    },
    display,
    limits,
    { check, known },
  );
  for (const [file, message] of await pool.finish()) problems.push({ file, message });
  const releases: ArchiveRelease[] = [];
  const kept: KnownRelease[] = [];
  for (const { file, key, dataKey: checkedKey, data, known: before } of found) {
    const media = before ? before.media : store.readMedia(key);
    for (const message of referenceProblems(file, media.flatMap(filesOf))) problems.push({ file, message });
    const id = pathOf(file).replace(/\.mdx$/, '');
    // The shown files' identities, taken before their bytes go into the stamp.
    const shown = before
      ? before.shown
      : Object.fromEntries(
          media.flatMap(filesOf).flatMap(({ path }) => {
            const identity = currentIdentity(join(dirname(file), path));
            return identity ? [[path, identity]] : [];
          }),
        );
    const stamp = before ? before.stamp : stampOf(file, key, media);
    releases.push({ id, file, key, stamp, data, media });
    const identity = identities.get(file);
    if (identity)
      kept.push({ path: pathOf(file), file: identity, shown, key, dataKey: checkedKey, stamp, data, media });
  }
  // The store and the cache need no work when every release was known and none has gone.
  const same = found.every((release) => release.known) && kept.length === cache.known.size;
  if (problems.length === 0 && !same) {
    await store.prune(new Set(kept.flatMap((release) => [release.key, release.dataKey])));
    if (cacheFile) await writeCache(cacheFile, kept, started);
  }
  return { releases, problems, rendered: pool.rendered };
}

/**
 * Writes the model where the next stages read it (`readArchiveFile`): the pages' loader in Astro's
 * process, and the search indexer. One release a line, so that neither holds it as one string.
 */
export async function writeArchiveFile(path: string, releases: readonly ArchiveRelease[]): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const lines: string[] = [];
    for (const release of releases) {
      lines.push(JSON.stringify(release));
      if (lines.length === 1000) await handle.write(`${lines.splice(0).join('\n')}\n`);
    }
    if (lines.length > 0) await handle.write(`${lines.join('\n')}\n`);
  } finally {
    await handle.close();
  }
}

/** The model `writeArchiveFile` wrote. */
export async function readArchiveFile(path: string): Promise<ArchiveRelease[]> {
  const releases: ArchiveRelease[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line) releases.push(JSON.parse(line) as ArchiveRelease);
  return releases;
}
