/**
 * Releases an archive holds twice: two sources' copies of one speech that the importer could not
 * tell were the same, because their texts differ a little (another transcription, "(Applause.)"
 * in one and "[Laughter]" in the other, other paragraph breaks). Two releases of one date are
 * near duplicates when their texts share most of their runs of four words (Jaccard similarity of
 * word shingles, asides in brackets left out): measured on the corpus, copies score 0.9 and more,
 * while different releases built from one template (two disaster declarations) stay below 0.85.
 */
import { normaliseText } from '../model/text.ts';

/** A release as the report compares it. */
export interface Comparable {
  /** Its file, for the report. */
  file: string;
  date: string;
  title: string;
  /** Its text, paragraphs joined. */
  text: string;
}

/** Two releases that are nearly the same, and how near (0–1). */
export interface DuplicatePair {
  a: Comparable;
  b: Comparable;
  similarity: number;
}

/** How alike two texts must be to be reported. */
export const DUPLICATE_THRESHOLD = 0.9;

/** The runs of four words of a text, lower case, with short bracketed asides left out. */
export function shingles(text: string, size = 4): Set<string> {
  const words =
    normaliseText(text)
      .toLowerCase()
      .replace(/[([][^)\]]{0,40}[)\]]/g, ' ')
      .match(/[\p{L}\p{N}']+/gu) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) runs.add(words.slice(i, i + size).join(' '));
  if (runs.size === 0 && words.length > 0) runs.add(words.join(' '));
  return runs;
}

/** How much two sets of shingles overlap: shared runs over all runs. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const run of a) if (b.has(run)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The pairs of releases of one date whose texts are at least `threshold` alike, most alike first. */
export function findDuplicates(releases: readonly Comparable[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const byDate = new Map<string, Comparable[]>();
  for (const release of releases) {
    let group = byDate.get(release.date);
    if (!group) byDate.set(release.date, (group = []));
    group.push(release);
  }
  const pairs: DuplicatePair[] = [];
  for (const group of byDate.values()) {
    if (group.length < 2) continue;
    const runs = group.map((release) => shingles(release.text));
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        // Texts of very different lengths cannot be 90 % alike: skip the counting.
        const [small, large] = [runs[i]!.size, runs[j]!.size].sort((x, y) => x - y) as [number, number];
        if (small / large < threshold) continue;
        const score = similarity(runs[i]!, runs[j]!);
        if (score >= threshold) pairs.push({ a: group[i]!, b: group[j]!, similarity: score });
      }
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.date.localeCompare(y.a.date));
}
