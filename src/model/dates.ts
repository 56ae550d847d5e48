/**
 * Calendar dates for releases.
 *
 * A release is dated by the day its remarks were delivered or it was issued. That day is a
 * calendar date, not an instant: it must read the same in every time zone the site is built or
 * read in, and it must work for 1789 as well as for 2026. So dates stay `YYYY-MM-DD` strings and
 * are taken apart by hand; no `Date` object (and so no time zone) is ever involved.
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

/** Formats `2026-01-26` as `26 January 2026`, the way the archive prints dates. */
export function formatDate(value: string): string {
  const { year, month, day } = requireDate(value);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Formats `2026-01-26` as `January 2026`. */
export function formatMonth(value: string): string {
  const { year, month } = requireDate(value);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** The year of a `YYYY-MM-DD` date, as a four-digit string. */
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
