/** The data export: a release as JSON, for scripts and other archives. */
import { precisionOf, type DatePrecision } from '../model/dates.ts';
import type { ReleaseData } from '../model/schema.ts';
import type { SocialCard } from './media.ts';

/**
 * One release in the export: its frontmatter (names in their canonical forms, `updates` among
 * them), how much of its date is known, where it lives, its text as paragraphs, and its first
 * figure, as link previews show it.
 */
export interface ExportedRelease extends ReleaseData {
  date_precision: DatePrecision;
  permalink: string;
  paragraphs: string[];
  image?: SocialCard;
}

/** The export of one release. */
export function exportRelease(
  data: ReleaseData,
  permalink: string,
  paragraphs: string[],
  image?: SocialCard,
): ExportedRelease {
  return { ...data, date_precision: precisionOf(data.date)!, permalink, paragraphs, ...(image ? { image } : {}) };
}

/** A JSON response with the archive's formatting: UTF-8, indented two spaces. */
export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/**
 * The most releases one file of the archive's data (a year of `releases/<year>.json`, of the
 * sitemap) lists; a year of more is listed a month a file.
 */
export const PERIOD_FILE_LIMIT = 1000;

/**
 * The archive's releases (newest first) in the periods its data files list them by: a year, or,
 * for a year of more than `PERIOD_FILE_LIMIT` releases, its months, and the year itself for those
 * dated only by the year. A new release changes its period's file, and no other.
 */
export function exportPeriods<R extends { data: { date: string } }>(releases: readonly R[]): [string, R[]][] {
  const years = new Map<string, R[]>();
  for (const release of releases) {
    const year = release.data.date.slice(0, 4);
    let group = years.get(year);
    if (!group) years.set(year, (group = []));
    group.push(release);
  }
  return [...years].flatMap(([year, group]): [string, R[]][] => {
    if (group.length <= PERIOD_FILE_LIMIT) return [[year, group]];
    const months = new Map<string, R[]>();
    for (const release of group) {
      const period = release.data.date.slice(0, 7);
      let month = months.get(period);
      if (!month) months.set(period, (month = []));
      month.push(release);
    }
    return [...months];
  });
}
