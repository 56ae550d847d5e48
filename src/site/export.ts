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
