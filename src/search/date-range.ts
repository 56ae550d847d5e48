/**
 * Date ranges as Pagefind filters. Pagefind matches exact filter values only, so every release
 * carries its date three ways: `year` (`2016`), `month` (`2016-01`) and `day` (`2016-01-31`). A
 * range becomes the fewest values that cover it: whole years in the middle, whole months next to
 * them, and single days at the ragged ends; a release matches if any one of them does.
 */
import { daysInMonth, parseCalendarDate } from '../model/dates.ts';

/** The year, month and day values that together cover a range. */
export interface DateCover {
  year: string[];
  month: string[];
  day: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function coverWithinYear(year: number, from: [number, number], to: [number, number], cover: DateCover): void {
  const [fromMonth, fromDay] = from;
  const [toMonth, toDay] = to;
  if (fromMonth === 1 && fromDay === 1 && toMonth === 12 && toDay === 31) {
    cover.year.push(String(year));
    return;
  }
  for (let month = fromMonth; month <= toMonth; month++) {
    const first = month === fromMonth ? fromDay : 1;
    const last = month === toMonth ? toDay : daysInMonth(year, month);
    if (first === 1 && last === daysInMonth(year, month)) {
      cover.month.push(`${year}-${pad(month)}`);
    } else {
      for (let day = first; day <= last; day++) cover.day.push(`${year}-${pad(month)}-${pad(day)}`);
    }
  }
}

/**
 * The values covering `from`–`to` (both `YYYY-MM-DD`, both included; empty for an open end),
 * given the years the archive holds, which bound open ends and whole years. `undefined` when
 * the range holds no day of those years.
 */
export function dateCover(from: string, to: string, years: readonly string[]): DateCover | undefined {
  const known = years
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  const start = parseCalendarDate(from || `${String(known[0]).padStart(4, '0')}-01-01`);
  const end = parseCalendarDate(to || `${String(known.at(-1)).padStart(4, '0')}-12-31`);
  if (!start || !end) throw new RangeError(`not a date range: “${from}” to “${to}”`);
  const cover: DateCover = { year: [], month: [], day: [] };
  for (const year of known) {
    if (year < start.year || year > end.year) continue;
    const first: [number, number] = year === start.year ? [start.month, start.day] : [1, 1];
    const last: [number, number] = year === end.year ? [end.month, end.day] : [12, 31];
    if (first[0] * 100 + first[1] > last[0] * 100 + last[1]) continue;
    coverWithinYear(year, first, last, cover);
  }
  return cover.year.length + cover.month.length + cover.day.length > 0 ? cover : undefined;
}
