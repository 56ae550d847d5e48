import { describe, expect, it } from 'vitest';
import { dateCover, type DateCover } from '../../../src/search/date-range.ts';
import { daysInMonth } from '../../../src/model/dates.ts';

/** Whether a day is matched by a cover, the way Pagefind matches: any value of any of the three. */
function covers(cover: DateCover | undefined, day: string): boolean {
  if (!cover) return false;
  return cover.year.includes(day.slice(0, 4)) || cover.month.includes(day.slice(0, 7)) || cover.day.includes(day);
}

function everyDay(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= daysInMonth(y, m); d++)
        days.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
  }
  return days;
}

describe('date ranges as year, month and day filters', () => {
  const years = ['2015', '2016', '2017', '2020'];
  const days = everyDay(2014, 2021);

  it('matches exactly the days from the first to the last, both included, for every kind of boundary', () => {
    const ends = [
      '',
      '2014-06-30',
      '2015-01-01',
      '2015-12-31',
      '2016-01-31',
      '2016-02-28',
      '2016-02-29',
      '2016-03-01',
      '2017-06-15',
      '2017-12-31',
      '2018-01-01',
      '2020-12-31',
      '2021-03-03',
    ];
    for (const from of ends) {
      for (const to of ends) {
        const cover = dateCover(from, to, years);
        // Days of years the archive does not hold can never match; every other day must match
        // exactly when it lies in the range.
        const wrong = days.filter((day) => {
          const inRange = (!from || day >= from) && (!to || day <= to) && years.includes(day.slice(0, 4));
          return covers(cover, day) !== inRange;
        });
        expect(wrong.slice(0, 3), `${from} to ${to}`).toEqual([]);
      }
    }
  });

  it('uses whole years and months where it can, so the lists stay short', () => {
    expect(dateCover('2015-12-31', '2017-01-01', years)).toEqual({
      year: ['2016'],
      month: [],
      day: ['2015-12-31', '2017-01-01'],
    });
    expect(dateCover('2016-02-01', '2016-04-30', years)).toEqual({
      year: [],
      month: ['2016-02', '2016-03', '2016-04'],
      day: [],
    });
    expect(dateCover('', '', years)).toEqual({ year: years, month: [], day: [] });
    const wide = dateCover('2015-01-17', '2020-11-12', years)!;
    expect(wide.year).toEqual(['2016', '2017']);
    expect(wide.day.length).toBe(15 + 12);
  });

  it('says when a range holds no day of the archive', () => {
    expect(dateCover('2018-01-01', '2019-12-31', years)).toBeUndefined();
    expect(dateCover('2017-05-01', '2017-04-01', years)).toBeUndefined();
    expect(dateCover('2016-01-01', '', [])).toBeUndefined();
  });
});
