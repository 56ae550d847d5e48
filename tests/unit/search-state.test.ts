import { describe, expect, it } from 'vitest';
import { emptyState, isActive, parseState, phraseFirst, phraseQuery, stateToSearch } from '../../src/lib/search-state.ts';

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

describe('phrase first', () => {
  it('turns several unquoted words into a phrase, and leaves the rest alone', () => {
    expect(phraseQuery('  Coalition of   the Willing ')).toBe('"Coalition of the Willing"');
    expect(phraseQuery('PURL')).toBeUndefined();
    expect(phraseQuery('"already quoted" words')).toBeUndefined();
  });

  it('puts phrase matches first and lists every result once', () => {
    const ids = (...list: string[]) => list.map((id) => ({ id }));
    expect(phraseFirst(ids('c', 'a'), ids('a', 'b', 'c', 'd'))).toEqual(ids('c', 'a', 'b', 'd'));
    expect(phraseFirst([], ids('a', 'b'))).toEqual(ids('a', 'b'));
  });
});
