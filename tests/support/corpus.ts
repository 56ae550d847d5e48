/** Small real fixtures taken from the shared corpus at run time. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slugify } from '../../src/lib/permalink.ts';
import { CORPUS_DIR, SEED_FILE, type FixtureRelease } from './site.ts';

interface CorpusRow {
  title: string;
  speaker: string;
  date: string;
  venue: string;
  text: string;
  source_url: string;
  category?: string;
}

async function readRows(file: string): Promise<CorpusRow[]> {
  const text = await readFile(join(CORPUS_DIR, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusRow);
}

function toRelease(row: CorpusRow, type: 'speech' | 'press-release' | 'remarks'): FixtureRelease {
  return {
    data: {
      title: row.title,
      slug: slugify(row.title),
      date: row.date,
      type,
      speaker: row.speaker,
      organisation: 'The White House',
      ...(row.venue ? { venue: row.venue } : {}),
      ...(row.source_url ? { source: row.source_url } : {}),
    },
    paragraphs: row.text
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/**
 * `count` real releases, half from each collection of the corpus, the first ones with a title,
 * so that fixtures span speakers, types and years from 1789 to 2016.
 */
export async function corpusReleases(count: number): Promise<FixtureRelease[]> {
  const pick = (rows: CorpusRow[], n: number) => rows.filter((row) => row.title.trim()).slice(0, n);
  const white = pick(await readRows('whitehouse-2016.jsonl'), Math.ceil(count / 2));
  const miller = pick(await readRows('miller-center.jsonl'), Math.floor(count / 2));
  const releases = [
    ...white.map((row) => toRelease(row, row.category === 'Press Release' ? 'press-release' : 'remarks')),
    ...miller.map((row) => toRelease(row, 'speech')),
  ];
  const taken = new Set<string>();
  for (const release of releases) {
    let slug = release.data.slug;
    for (let n = 2; taken.has(`${release.data.date}/${slug}`); n++) slug = `${release.data.slug}-${n}`;
    release.data.slug = slug;
    taken.add(`${release.data.date}/${slug}`);
  }
  return releases;
}

/**
 * The seed's parts, split by hand from the wire layout: organisation line, date line, title,
 * the remarks' paragraphs, and the distributor's closing notice.
 */
export async function seedParts() {
  const blocks = (await readFile(SEED_FILE, 'utf8')).split(/\n\s*\n/).map((block) => block.trim());
  return {
    organisation: blocks[0]!,
    header: blocks[1]!,
    title: blocks[2]!,
    paragraphs: blocks.slice(3, -1),
    notice: blocks.at(-1)!,
  };
}
