import { describe, expect, it } from 'vitest';
import {
  dateRangeProblem,
  emptyState,
  isActive,
  listedValues,
  parseState,
  phraseFirst,
  phraseQuery,
  stateToSearch,
  searchedQuery,
} from '../../../src/search/state.ts';

describe('search state in the URL', () => {
  it('round-trips a query, filters and sort', () => {
    const state = emptyState();
    state.query = 'coalition of the willing';
    state.filters.speaker = ['Mark Rutte', 'Joe Biden'];
    state.filters.year = ['2026'];
    state.sort = 'newest';
    const search = stateToSearch(state);
    expect(search).toBe('?q=coalition+of+the+willing&speaker=Mark+Rutte&speaker=Joe+Biden&year=2026&sort=newest');
    expect(parseState(search)).toEqual(state);
  });

  it('round-trips venues, a date range and how many results are shown', () => {
    const state = emptyState();
    state.filters.venue = ['European Parliament'];
    state.from = '2015-12-31';
    state.to = '2016-01-01';
    state.shown = 30;
    const search = stateToSearch(state);
    expect(search).toBe('?venue=European+Parliament&from=2015-12-31&to=2016-01-01&shown=30');
    expect(parseState(search)).toEqual(state);
  });

  it('rounds the number shown up to whole steps, within limits', () => {
    expect(parseState('?shown=25').shown).toBe(30);
    expect(parseState('?shown=-5').shown).toBe(10);
    expect(parseState('?shown=lots').shown).toBe(10);
    expect(parseState('?shown=999999').shown).toBe(1000);
  });

  it('names what is wrong with a date range', () => {
    expect(dateRangeProblem(parseState('?from=2016-02-30'))).toBe(
      '“From” date “2016-02-30” is not a date: expected a day written YYYY-MM-DD, such as 2016-01-31.',
    );
    expect(dateRangeProblem(parseState('?to=yesterday'))).toMatch(/^“To” date “yesterday” is not a date/);
    expect(dateRangeProblem(parseState('?from=2016-02-02&to=2016-02-01'))).toMatch(/is after the “To” date/);
    expect(dateRangeProblem(parseState('?from=2016-02-01&to=2016-02-01'))).toBeUndefined();
    expect(isActive(parseState('?to=2016-02-01'))).toBe(true);
  });

  it('leaves defaults out and ignores what it does not know', () => {
    expect(stateToSearch(emptyState())).toBe('');
    const state = parseState('?q=PURL&sort=sideways&colour=red&speaker=');
    expect(state).toEqual({ ...emptyState(), query: 'PURL' });
  });

  it('is active only with words or filters', () => {
    expect(isActive(parseState(''))).toBe(false);
    expect(isActive(parseState('?q=%20'))).toBe(false);
    expect(isActive(parseState('?type=Speech'))).toBe(true);
  });
});

describe('the filters listed', () => {
  it('lists years newest first, and names by their sort keys', () => {
    expect(listedValues('year', ['1999', '2016', '1789'], (name) => name)).toEqual(['2016', '1999', '1789']);
    const keys: Record<string, string> = { 'The White House': 'White House' };
    expect(listedValues('organisation', ['The White House', 'NATO', 'Zoo'], (name) => keys[name] ?? name)).toEqual([
      'NATO',
      'The White House',
      'Zoo',
    ]);
  });
});

describe('the words searched', () => {
  it('leaves out a last word of one character while other words come before it', () => {
    expect(searchedQuery('health c')).toBe('health');
    expect(searchedQuery(' health ca ')).toBe('health ca');
    expect(searchedQuery('x')).toBe('x');
    expect(searchedQuery('Malcolm X is')).toBe('Malcolm X is');
  });
});

describe('phrase first', () => {
  it('turns several unquoted words into a phrase, and leaves the rest alone', () => {
    expect(phraseQuery('  Coalition of   the Willing ')).toBe('"Coalition of the Willing"');
    expect(phraseQuery('PURL')).toBeUndefined();
    expect(phraseQuery('"already quoted" words')).toBeUndefined();
  });

  it('puts phrase matches first, ranked as the words rank them, and lists every result once', () => {
    const ids = (...list: string[]) => list.map((id) => ({ id }));
    expect(phraseFirst(ids('c', 'a'), ids('a', 'b', 'c', 'd'))).toEqual(ids('a', 'c', 'b', 'd'));
    expect(phraseFirst(ids('d', 'b'), ids('a', 'b', 'c', 'd'))).toEqual(ids('b', 'd', 'a', 'c'));
    expect(phraseFirst([], ids('a', 'b'))).toEqual(ids('a', 'b'));
  });
});
