/** Small real fixtures taken from the shared corpus at run time. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORPUS_DIR, SEED_FILE } from './site.ts';

/** The address the corpus archive is built for (`ARCHIVE_SITE`), as its absolute links show it. */
export const CORPUS_SITE_ADDRESS = 'https://archive.example.org';

/**
 * The first `count` releases with a title, half from each JSON Lines collection of the corpus,
 * written as one JSON Lines file for the importer: fixtures that span speakers, types and years
 * from 1789 to 2016.
 */
export async function writeCorpusSample(file: string, count: number): Promise<void> {
  const rows = async (name: string, n: number) =>
    (await readFile(join(CORPUS_DIR, name), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() && (JSON.parse(line) as { title: string }).title.trim())
      .slice(0, n);
  const sample = [
    ...(await rows('whitehouse-2016.jsonl', Math.ceil(count / 2))),
    ...(await rows('miller-center.jsonl', Math.floor(count / 2))),
  ];
  await writeFile(file, `${sample.join('\n')}\n`);
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
