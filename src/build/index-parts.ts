/**
 * Which releases go in which part of the search index. Pagefind cannot add a page to an index:
 * a part with one release more is made again whole (its issue 71), so the parts are chosen so that
 * a change touches as few as it can, and the same releases always make the same parts, whatever
 * the history of the archive (an incremental build is a full build's equal, file for file).
 *
 * Releases are taken in time, oldest first, in units of a month (a release known only by its year
 * is a unit of that year). A part ends after a unit where the unit's hash, a number from 0 to 1,
 * is below the unit's words divided by `target`, once the part holds at least `min` words; or
 * before a unit that would take it past `max` words, the most one Pagefind run may hold
 * (`ARCHIVE_SEARCH_PART_WORDS`). Where a part ends depends on its
 * own units only, so a change in one month moves no other part's ends. And the newest unit is a
 * part of its own, the head: the releases of the current month, where a new release goes, are
 * indexed again in seconds, and the index chunks a new release rewrites are few.
 */
import { createHash } from 'node:crypto';

/** What the parts are made of: a release, its time and its words. */
export interface PartMember {
  id: string;
  /** Its date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  /** The words of its index input (`indexedWords`). */
  words: number;
}

/** One part of the index. */
export interface PlannedPart<M extends PartMember> {
  /** Where its bundle is, inside the index's folder: `parts/<language>-<first unit>/`. */
  path: string;
  /** Its releases, oldest first. */
  members: M[];
  words: number;
}

/** The unit of time a release is planned by: its month, or its year if that is all that is known. */
function unitOf(date: string): string {
  return date.slice(0, 7);
}

/** A number from 0 to 1 for a unit, the same on every build. */
function unitHash(language: string, unit: string): number {
  return createHash('sha256').update(`${language}\0${unit}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The parts of `releases` (all of one `language`), oldest first: each ends where a unit's hash
 * says so once it holds `min` words (about `target` words further on), or before it would pass
 * `max`; `min` is half of `target` unless given.
 */
export function planParts<M extends PartMember>(
  releases: readonly M[],
  language: string,
  { target, max, min = target / 2 }: { target: number; max: number; min?: number },
): PlannedPart<M>[] {
  const sorted = [...releases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const units: { key: string; members: M[]; words: number }[] = [];
  for (const release of sorted) {
    const key = unitOf(release.date);
    const last = units.at(-1);
    if (last?.key === key) {
      last.members.push(release);
      last.words += release.words;
    } else units.push({ key, members: [release], words: release.words });
  }
  const parts: PlannedPart<M>[] = [];
  let current: { first: string; members: M[]; words: number } | undefined;
  const names = new Map<string, number>();
  const close = () => {
    if (!current) return;
    // A unit split by the most words a part may hold starts several parts: the later get a number.
    const seen = names.get(current.first) ?? 0;
    names.set(current.first, seen + 1);
    const name = seen === 0 ? current.first : `${current.first}.${seen + 1}`;
    parts.push({ path: `parts/${language}-${name}/`, members: current.members, words: current.words });
    current = undefined;
  };
  units.forEach((unit, i) => {
    const head = i === units.length - 1 && units.length > 1;
    if (current && (head || current.words + unit.words > max)) close();
    for (const member of unit.members) {
      // A unit of more words than a part may hold is cut where it must be.
      if (current && current.words > 0 && current.words + member.words > max) close();
      current ??= { first: unit.key, members: [], words: 0 };
      current.members.push(member);
      current.words += member.words;
    }
    if (current && current.words >= min && unitHash(language, unit.key) < unit.words / target) close();
  });
  close();
  return parts;
}
