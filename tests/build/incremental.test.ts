/**
 * A build over the previous site remakes only what a change needs, and what it leaves is the same,
 * file for file, as a full build of the same content. A seeded sequence of changes of every kind is
 * applied to an archive of 500 real releases, with an incremental build after each; every tenth step
 * and at the end, every file's checksum is compared with a full build of a copy of the content made
 * in another folder, with caches of its own. `ARCHIVE_TEST_SEED` replays another sequence.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseFilePath, releasePath } from '../../src/model/permalink.ts';
import { readReleaseSource, serializeFrontmatter } from '../../src/model/release-file.ts';
import type { ReleaseInput } from '../../src/model/schema.ts';
import { writeCorpusSample } from '../support/corpus.ts';
import { snapshot } from '../support/files.ts';
import { MARKER, readMarker } from '../../src/build/output-folder.ts';
import { runImportCommand } from '../support/import.ts';
import { MEDIA_RELEASE, png, writeMediaRelease } from '../support/media.ts';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

/** The file every build writes of its own changes, which a full build in a fresh folder cannot share. */
const PUBLISH_FILE = '.archive-publish.json';

const SEED = Number(process.env.ARCHIVE_TEST_SEED ?? 20261206);

/** A small, seeded random number generator (mulberry32): the same steps on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const rng = random(SEED);
const env = { ARCHIVE_SITE: 'https://example.org', ARCHIVE_SEARCH_PART_WORDS: '300000' };

let content: string;
let out: string;

/** The release files of the content folder, relative to it. */
async function releaseFiles(): Promise<string[]> {
  const all = await readdir(join(content, 'releases'), { recursive: true });
  return all
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `releases/${file}`)
    .sort();
}

/** A release file's frontmatter and body. */
async function readRelease(file: string): Promise<{ data: ReleaseInput; body: string }> {
  const { data, body } = readReleaseSource(await readFile(join(content, file), 'utf8'));
  return { data: data as ReleaseInput, body };
}

/** Writes a release where its date and slug put it, removing `from` if that is elsewhere. */
async function writeRelease(data: ReleaseInput, body: string, from?: string): Promise<string> {
  const file = releaseFilePath(data);
  await mkdir(dirname(join(content, file)), { recursive: true });
  await writeFile(join(content, file), `${serializeFrontmatter(data)}\n${body}`);
  if (from && from !== file) await rm(join(content, from));
  return file;
}

/**
 * Releases whose files must stay where they are: those with images beside them, which name the
 * folder they are in.
 */
const pinned = new Set<string>();

/** A release file that may move or go: one without images. */
async function movable(): Promise<string> {
  return rng.pick((await releaseFiles()).filter((file) => !pinned.has(file)));
}

/**
 * Changes one release's frontmatter, moving its file where its date puts it; `moves` for a change
 * of date, which only a release without images may have.
 */
async function editRelease(
  change: (data: ReleaseInput, body: string) => { data: ReleaseInput; body: string },
  moves = false,
) {
  const file = moves ? await movable() : rng.pick(await releaseFiles());
  const before = await readRelease(file);
  const after = change({ ...before.data }, before.body);
  await writeRelease(after.data, after.body, file);
  return `${file}`;
}

let counter = 0;

/** A new release: today's, or of another day, by a speaker and organisation of the archive's or new ones. */
async function newRelease(date: string, speaker?: string, organisation?: string): Promise<string> {
  const n = ++counter;
  const some = await readRelease(rng.pick(await releaseFiles()));
  const data: ReleaseInput = {
    title: `A statement added in step ${n}`,
    slug: `a-statement-added-in-step-${n}`,
    date,
    type: 'statement',
    speaker: speaker ?? some.data.speaker,
    ...((organisation ?? some.data.organisation) ? { organisation: organisation ?? some.data.organisation } : {}),
  };
  return writeRelease(data, `The text of the statement added in step ${n}, about roads, bridges and schools.\n`);
}

/** A day of a year and month, as a date. */
const day = (year: number, month: number, dayOf: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(dayOf).padStart(2, '0')}`;

/** The kinds of change, each applied to the content folder; each says what it did. */
const CHANGES: Record<string, () => Promise<string>> = {
  'add today’s release': () => newRelease('2026-12-06'),
  'add an old day’s release': () =>
    newRelease(day(1950 + Math.floor(rng.next() * 60), 1 + Math.floor(rng.next() * 12), 10)),
  'add a new speaker’s release': () => newRelease('2016-06-15', `New Speaker ${counter + 1}`),
  'add a new organisation’s release': () => newRelease('2016-03-02', undefined, `New Organisation ${counter + 1}`),
  'change a word of a body': () =>
    editRelease((data, body) => ({ data, body: body.replace(/\b(the|and|of)\b/, 'THE') })),
  'change a title': () => editRelease((data, body) => ({ data: { ...data, title: `${data.title} (revised)` }, body })),
  'change a speaker': async () => {
    const other = (await readRelease(rng.pick(await releaseFiles()))).data.speaker;
    return editRelease((data, body) => ({ data: { ...data, speaker: other }, body }));
  },
  'change a type': () =>
    editRelease((data, body) => ({ data: { ...data, type: data.type === 'speech' ? 'remarks' : 'speech' }, body })),
  'change a venue': () => editRelease((data, body) => ({ data: { ...data, venue: 'The Rose Garden' }, body })),
  'move a date to another month': () =>
    editRelease((data, body) => {
      const [year, month] = data.date.split('-').map(Number) as [number, number];
      return { data: { ...data, date: day(year, (month % 12) + 1, 7) }, body };
    }, true),
  'move a date to another year': () =>
    editRelease(
      (data, body) => ({ data: { ...data, date: day(Number(data.date.slice(0, 4)) - 3, 5, 5) }, body }),
      true,
    ),
  'move a date to another index part': () =>
    editRelease(
      (data, body) => ({ data: { ...data, date: day(1800 + Math.floor(rng.next() * 100), 2, 2) }, body }),
      true,
    ),
  'delete a release': async () => {
    const file = await movable();
    await rm(join(content, file));
    return file;
  },
  'add a redirect': async () => {
    const target = (await readRelease(rng.pick(await releaseFiles()))).data;
    const file = join(content, 'redirects.json');
    const redirects = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;
    redirects[`/releases/1999/01/01/moved-${++counter}/`] = `/${releasePath(target)}`;
    await writeFile(file, JSON.stringify(redirects, null, 2));
    return 'redirects.json';
  },
  'add an image': async () => {
    const file = await movable();
    const { data, body } = await readRelease(file);
    const name = `figure-${++counter}.png`;
    await writeFile(join(content, dirname(file), name), png(640, 360, (counter * 37) % 360));
    await writeRelease(data, `![A chart added in step ${counter}](./${name})\n\n${body}`, file);
    pinned.add(file);
    return `${file} + ${name}`;
  },
  'add an updates entry': () =>
    editRelease((data, body) => ({
      data: { ...data, updates: [...(data.updates ?? []), { date: '2026-12-06', note: 'Corrected a word.' }] },
      body,
    })),
  'change names.yaml': async () => {
    const speaker = (await readRelease(rng.pick(await releaseFiles()))).data.speaker;
    const n = ++counter;
    await writeFile(
      join(content, 'names.yaml'),
      `speakers:\n  - name: ${JSON.stringify(`${speaker} (${n})`)}\n    variants: [${JSON.stringify(speaker)}]\n`,
    );
    return 'names.yaml';
  },
};

/** The steps: every kind of change at least once, then more at random, 42 in all. */
function steps(): string[] {
  const kinds = Object.keys(CHANGES);
  const order = [...kinds];
  while (order.length < 42) order.push(rng.pick(kinds));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Builds a copy of the content, in full, in folders of its own; names every file that differs from the site. */
async function differencesFromFullBuild(step: number): Promise<string[]> {
  const work = await tempDir(`full-${step}`);
  const copy = join(work, 'content');
  await cp(content, copy, { recursive: true });
  const full = join(work, 'dist');
  await buildOrThrow({ contentDir: copy, outDir: full, env });
  const [ours, theirs] = await Promise.all([snapshot(out), snapshot(full)]);
  const markers = await Promise.all([out, full].map(async (site) => readMarker(site)));
  await rm(work, { recursive: true, force: true });
  await rm(join(ROOT, 'node_modules/.astro', cacheKeyOf(copy)), { recursive: true, force: true });
  const files = new Set([...ours.keys(), ...theirs.keys()]);
  files.delete(PUBLISH_FILE);
  return [...files]
    .filter((file) => ours.get(file) !== theirs.get(file))
    .sort()
    .map((file) => (file === MARKER ? `${MARKER}: ${markerDifferences(markers[0], markers[1])}` : file));
}

/** Which parts of two markers differ, and a sample of how: the manifest the next build starts from. */
function markerDifferences(ours: unknown, theirs: unknown): string {
  const a = (ours ?? {}) as Record<string, unknown>;
  const b = (theirs ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => {
      const [x, y] = [a[key], b[key]].map((value) => (typeof value === 'object' && value ? value : {})) as [
        Record<string, unknown>,
        Record<string, unknown>,
      ];
      const inner = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
        (k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]),
      );
      return `${key} (${inner
        .slice(0, 5)
        .map((k) => `${k}: ${JSON.stringify(x[k])?.slice(0, 200)} / ${JSON.stringify(y[k])?.slice(0, 200)}`)
        .join('; ')})`;
    })
    .join(', ');
}

/** The cache folder of a content folder (`cacheDir` in src/env.ts), to remove after a full build of a copy. */
function cacheKeyOf(folder: string): string {
  return createHash('sha256').update(folder).digest('hex').slice(0, 16);
}

describe('a build over the previous site', () => {
  beforeAll(async () => {
    const work = await tempDir('incremental');
    content = join(work, 'content');
    out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    await writeMediaRelease(content);
    pinned.add(MEDIA_RELEASE.file);
    const sample = join(work, 'sample.jsonl');
    await writeCorpusSample(sample, 500);
    const imported = await runImportCommand(['--content', content, sample]);
    if (imported.code !== 0) throw new Error(`import failed:\n${imported.stdout}${imported.stderr}`);
    await buildOrThrow({ contentDir: content, outDir: out, env });
  }, 600_000);

  it('is the same, file for file, as a full build after each of 42 changes of every kind', async () => {
    const done: string[] = [];
    const sequence = steps();
    expect(new Set(sequence).size).toBe(Object.keys(CHANGES).length);
    for (const [i, kind] of sequence.entries()) {
      const what = await CHANGES[kind]!();
      done.push(`${i + 1}. ${kind}: ${what}`);
      const output = await buildOrThrow({ contentDir: content, outDir: out, env });
      // Only a change of names.yaml (or the first build) is built in full; every other from the previous site.
      if (kind === 'change names.yaml') expect(output, done.at(-1)).toMatch(/Built .* in full \(the code/);
      else expect(output, done.at(-1)).toMatch(/^Published \d+ new, \d+ changed, \d+ removed release/m);
      if ((i + 1) % 10 === 0 || i === sequence.length - 1) {
        const differences = await differencesFromFullBuild(i + 1);
        expect(differences, `seed ${SEED}, after:\n${done.join('\n')}`).toEqual([]);
      }
    }
  }, 3_600_000);
});
