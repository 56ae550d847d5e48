/** The instant a feed gives for a calendar date: noon UTC, so the day reads right in every zone from UTC−11 to UTC+11. */
import { parseCalendarDate } from '../model/dates.ts';

/** `2026-01-26` as a `Date` at 12:00 UTC that day, for any year (1789 included). */
export function feedDate(date: string): Date {
  const { year, month, day } = parseCalendarDate(date)!;
  const instant = new Date(Date.UTC(2000, month - 1, day, 12));
  instant.setUTCFullYear(year);
  return instant;
}
