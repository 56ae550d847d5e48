/**
 * Calendar dates for releases.
 *
 * A release is dated by the day its remarks were delivered or it was issued. That day is a
 * calendar date, not an instant: it must read the same in every time zone the site is built or
 * read in, and it must work for 1789 as well as for 2026. So dates stay `YYYY-MM-DD` strings and
 * are taken apart by hand; no `Date` object (and so no time zone) is ever involved.
 *
 * Where a source gives only the month or the year, a release's date says only that: `2015-09`
 * or `2015`. Such a date is never given a day. Written this way, dates sort as text: `2015`
 * comes before `2015-01` and `2015-01-01`, so a release known only by its year or month stands at
 * the start of that period in time order (at its end, newest first).
 */

/** A calendar date taken apart into its numbers. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a `YYYY-MM-DD` string into its parts, or returns `undefined` if it is no real day. */
export function parseCalendarDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

/** Whether a string is a real calendar day written as `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== undefined;
}

function requireDate(value: string): CalendarDate {
  const parts = parseCalendarDate(value);
  if (!parts) throw new RangeError(`"${value}" is not a calendar date (expected YYYY-MM-DD)`);
  return parts;
}

/** How much of a release's date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** How much a release date says: `2015`, `2015-09` or `2015-09-14`; `undefined` if it is none of them. */
export function precisionOf(value: string): DatePrecision | undefined {
  if (YEAR.test(value)) return Number(value) >= 1 ? 'year' : undefined;
  const month = MONTH.exec(value);
  if (month) return Number(month[1]) >= 1 && Number(month[2]) >= 1 && Number(month[2]) <= 12 ? 'month' : undefined;
  return isCalendarDate(value) ? 'day' : undefined;
}

/** Whether a string is a release date: a calendar day, a month (`YYYY-MM`) or a year (`YYYY`). */
export function isReleaseDate(value: string): boolean {
  return precisionOf(value) !== undefined;
}

/** The month of a release date, `YYYY-MM`, or `undefined` when only the year is known. */
export function monthOf(value: string): string | undefined {
  return value.length >= 7 ? value.slice(0, 7) : undefined;
}

/** A release date as the archive prints it: `26 January 2026`, `January 2026` or `2026`. */
export function formatReleaseDate(value: string): string {
  const precision = precisionOf(value);
  if (precision === 'day') return formatDate(value);
  if (precision === 'month') return formatPeriod(value);
  if (precision === 'year') return value;
  throw new RangeError(`"${value}" is not a release date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
}

/** Formats `2026-01-26` as `26 January 2026`, the way the archive prints dates. */
export function formatDate(value: string): string {
  const { year, month, day } = requireDate(value);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The year of a release date, as a four-digit string. */
export function yearOf(value: string): string {
  return value.slice(0, 4);
}

/** Formats a period: `2016-01` as `January 2016`; a year, `2016`, stays as it is. */
export function formatPeriod(period: string): string {
  const [year, month] = period.split('-');
  return month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : period;
}

/** The first and last day of a period, `2016` or `2016-02`: `2016-02-01` and `2016-02-29`. */
export function periodRange(period: string): { from: string; to: string } {
  const [year, month] = period.split('-');
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  return { from: `${year}-${month}-01`, to: `${year}-${month}-${daysInMonth(Number(year), Number(month))}` };
}

/**
 * The latest day it is anywhere on Earth at `now` (in UTC+14), `YYYY-MM-DD`: a change dated after
 * it has not happened yet, wherever its editor is.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}
