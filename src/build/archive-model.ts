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
import { createReadStream, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { dirname, join, relative, sep } from 'node:path';
import { checkContent, checkReleaseSource, referenceProblems, type ContentProblem } from '../model/check-content.ts';
import { filesOf, type MediaItem, type MediaLimits } from '../model/media.ts';
import type { ReleaseData } from '../model/schema.ts';
import { BodyStore, bodyKey, dataKey } from './body-store.ts';
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

/**
 * Reads and checks the releases under `releasesDir` (`<content>/releases`), and the files beside
 * them within `limits`, rendering the bodies the store lacks; `display` shows a path in messages.
 * The store keeps only the bodies of the releases read, so it never grows past the archive.
 */
export async function readArchive(
  releasesDir: string,
  store: BodyStore,
  display: (path: string) => string,
  limits: MediaLimits,
): Promise<ArchiveRead> {
  const pool = new RenderPool(store);
  const found: { file: string; key: string; data: ReleaseData }[] = [];
  const checked = new Set<string>();
  // A file whose text the store knows was checked before, by the same rules: its frontmatter is
  // taken from there.
  const check: typeof checkReleaseSource = (file, source) => {
    const key = dataKey(source);
    checked.add(key);
    const known = store.readData(key);
    if (known) return { data: known, problems: [] };
    const result = checkReleaseSource(file, source);
    if (result.data) store.writeData(key, result.data);
    return result;
  };
  const { problems } = await checkContent(
    releasesDir,
    async (file, source, data) => {
      const key = bodyKey(source);
      found.push({ file, key, data });
      if (!store.has(key)) await pool.add({ file, source, key });
    },
    display,
    limits,
    check,
  );
  for (const [file, message] of await pool.finish()) problems.push({ file, message });
  const releases: ArchiveRelease[] = [];
  for (const { file, key, data } of found) {
    const media = store.readMedia(key);
    for (const message of referenceProblems(file, media.flatMap(filesOf))) problems.push({ file, message });
    const id = relative(releasesDir, file)
      .replace(/\.mdx$/, '')
      .split(sep)
      .join('/');
    releases.push({ id, file, key, stamp: stampOf(file, key, media), data, media });
  }
  if (problems.length === 0) await store.prune(new Set([...releases.map((release) => release.key), ...checked]));
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
