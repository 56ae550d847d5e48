import { afterEach, describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatDate,
  formatPeriod,
  formatReleaseDate,
  isReleaseDate,
  monthOf,
  precisionOf,
  periodRange,
  isCalendarDate,
  parseCalendarDate,
} from '../../../src/model/dates.ts';
import { readReleaseSource } from '../../../src/model/release-file.ts';
import { releasePath } from '../../../src/model/permalink.ts';

describe('calendar dates', () => {
  it('accepts real days, leap days included, back to 1789', () => {
    expect(parseCalendarDate('2026-01-26')).toEqual({ year: 2026, month: 1, day: 26 });
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1789-04-30')).toBe(true);
  });

  it('rejects days that do not exist and other spellings', () => {
    for (const value of [
      '2026-02-30',
      '1900-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-00-10',
      '2026-1-26',
      '26/01/2026',
      '',
      '0000-01-01',
    ]) {
      expect(isCalendarDate(value), value).toBe(false);
    }
  });

  it('knows month lengths', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('prints dates the archive way', () => {
    expect(formatDate('2026-01-26')).toBe('26 January 2026');
    expect(formatDate('1789-04-30')).toBe('30 April 1789');
    expect(formatPeriod('1861-03')).toBe('March 1861');
    expect(() => formatDate('2026-02-30')).toThrow(/not a calendar date/);
  });

  it('takes a month or a year where the source gives no day, and never adds one', () => {
    expect(['2015', '2015-09', '2015-09-14', '0001'].map(precisionOf)).toEqual(['year', 'month', 'day', 'year']);
    expect(
      ['0000', '2015-13', '2015-00', '2015-9', '15', '2015-02-30', 'September 2015'].filter(isReleaseDate),
    ).toEqual([]);
    expect(['2015', '2015-09', '2015-09-14'].map(formatReleaseDate)).toEqual([
      '2015',
      'September 2015',
      '14 September 2015',
    ]);
    expect(['2015', '2015-09', '2015-09-14'].map(monthOf)).toEqual([undefined, '2015-09', '2015-09']);
    // As text they sort at the start of their period: newest first, after its dated releases.
    expect(['2015-09-14', '2015', '2015-01-01', '2015-09'].sort()).toEqual([
      '2015',
      '2015-01-01',
      '2015-09',
      '2015-09-14',
    ]);
  });
});

describe.each(['America/Los_Angeles', 'Asia/Tokyo'])('in time zone %s', (zone) => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('keeps 2026-01-26 on 26 January from file to page', () => {
    process.env.TZ = zone;
    // Prove the zone took effect: a local midnight is not UTC midnight here.
    expect(new Date(2026, 0, 26).getTimezoneOffset()).not.toBe(0);
    const { data } = readReleaseSource('---\ndate: 2026-01-26\n---\n');
    const date = (data as { date: string }).date;
    expect(date).toBe('2026-01-26');
    expect(formatDate(date)).toBe('26 January 2026');
    expect(releasePath({ date, slug: 'x' })).toBe('releases/2026/01/26/x/');
    expect(formatDate('1789-04-30')).toBe('30 April 1789');
  });
});

describe('periods: years and months', () => {
  it('names them and gives their first and last days, leap years included', () => {
    expect(formatPeriod('1789')).toBe('1789');
    expect(formatPeriod('1789-04')).toBe('April 1789');
    expect(periodRange('2016')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(periodRange('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(periodRange('1900-02')).toEqual({ from: '1900-02-01', to: '1900-02-28' });
    expect(periodRange('2016-04')).toEqual({ from: '2016-04-01', to: '2016-04-30' });
  });
});
