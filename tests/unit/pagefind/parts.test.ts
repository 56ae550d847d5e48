import { describe, expect, it } from 'vitest';
import { addCounts, combineResponses, countOf } from '../../../src/pagefind/parts.ts';

const response = (scores: number[], speakers: Record<string, number>, part: string) => ({
  results: scores.map((score, i) => ({ score, id: `${part}${i}` })),
  filters: { speaker: speakers },
  totalFilters: { speaker: speakers },
  unfilteredResultCount: 100,
});

describe('a search index in parts', () => {
  it('counts values named like Object.prototype’s properties as any other', () => {
    const parts = [
      JSON.parse('{"speaker":{"constructor":2,"__proto__":1,"toString":1}}') as Record<string, Record<string, number>>,
      JSON.parse('{"speaker":{"constructor":3,"__proto__":4,"hasOwnProperty":5}}') as Record<
        string,
        Record<string, number>
      >,
    ];
    const sum = addCounts(parts);
    expect(countOf(sum, 'speaker', 'constructor')).toBe(5);
    expect(countOf(sum, 'speaker', '__proto__')).toBe(5);
    expect(countOf(sum, 'speaker', 'toString')).toBe(1);
    expect(countOf(sum, 'speaker', 'hasOwnProperty')).toBe(5);
    expect(countOf(sum, 'speaker', 'valueOf')).toBeUndefined();
    expect(countOf(parts[0]!, 'speaker', 'valueOf')).toBeUndefined();
    expect(countOf(parts[0]!, 'constructor', 'name')).toBeUndefined();
  });

  it('adds up filter counts value by value', () => {
    expect(addCounts([{ speaker: { A: 1, B: 2 } }, { speaker: { B: 3, C: 1 }, year: { '2016': 4 } }])).toEqual({
      speaker: { A: 1, B: 5, C: 1 },
      year: { '2016': 4 },
    });
  });

  it('merges results by score, or joins the parts in time for a date order', () => {
    const newer = response([0.9, 0.2], { A: 2 }, 'n');
    const older = response([0.5], { A: 1, B: 1 }, 'o');
    const ids = (order: 'score' | 'newest' | 'oldest') =>
      combineResponses([newer, older], order).results.map((r) => r.id);
    expect(ids('score')).toEqual(['n0', 'o0', 'n1']);
    expect(ids('newest')).toEqual(['n0', 'n1', 'o0']);
    expect(ids('oldest')).toEqual(['o0', 'n0', 'n1']);
    const combined = combineResponses([newer, older], 'score');
    expect(combined.filters).toEqual({ speaker: { A: 3, B: 1 } });
    expect(combined.unfilteredResultCount).toBe(200);
  });
});
