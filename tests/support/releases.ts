/** The releases of a content folder, read straight from their files: what tests compare pages with. */
import { readFile } from 'node:fs/promises';
import { listFiles } from '../../src/model/check-content.ts';
import { releasePath } from '../../src/model/permalink.ts';
import { readReleaseSource } from '../../src/model/release-file.ts';
import { releaseSchema, type ReleaseData } from '../../src/model/schema.ts';

/** A release's fields, its permalink path (`releases/…/`, no base) and its MDX body. */
export interface StoredRelease {
  data: ReleaseData;
  path: string;
  body: string;
}

/** Every release under `<content>/releases`. */
export async function readReleases(content: string): Promise<StoredRelease[]> {
  const releases: StoredRelease[] = [];
  for (const file of (await listFiles(`${content}/releases`)).filter((path) => path.endsWith('.mdx'))) {
    const source = readReleaseSource(await readFile(file, 'utf8'));
    const data = releaseSchema.parse(source.data);
    releases.push({ data, path: releasePath(data), body: source.body });
  }
  return releases;
}

/** How many of `releases` pass `test`. */
export function countWhere(releases: readonly StoredRelease[], test: (data: ReleaseData) => boolean): number {
  return releases.filter((release) => test(release.data)).length;
}

/** A text as search sees words: lower case, one space between words, padded with spaces. */
export function searchWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;
}
