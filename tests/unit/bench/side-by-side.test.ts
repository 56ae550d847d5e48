/** The bench's side-by-side report says how many releases each baseline built, and why not all. */
import { describe, expect, it } from 'vitest';
import { failedRelease, type BaselineResult } from '../../../bench/baselines.ts';
import { buildTable, searchTable } from '../../../bench/side-by-side-report.ts';

const size = { bytes: 2 ** 20, files: 3 };

function baseline(over: Partial<BaselineResult>): BaselineResult {
  return {
    releases: 1000,
    built: 1000,
    leftOut: [],
    seconds: 60,
    pagefindSeconds: 6,
    secondsPer1000: 60,
    peakMiB: 2048,
    buildPeakMiB: 1024,
    pagefindPeakMiB: 2048,
    site: size,
    index: size,
    ...over,
  };
}

const archive = {
  releases: 1000,
  buildSeconds: 18,
  pagefindSeconds: 6,
  secondsPer1000: 18,
  peakMiB: 1024,
  site: size,
  index: size,
};

describe('the side-by-side build table', () => {
  it('says how many release pages each stack built of how many', () => {
    const lines = buildTable(archive, baseline({ built: 998, leftOut: [] }), baseline({}));
    expect(lines).toContain('| release pages built | 1000 of 1000 | 998 of 1000 | 1000 of 1000 |');
    expect(lines).toContain('| build s | 18.0 | 60.0 | 60.0 |');
    expect(lines).toContain('| … the build alone / Pagefind alone | – | 1024 / 2048 | 1024 / 2048 |');
  });

  it('names each file a baseline left out, and shows a failed baseline as failed with its output', () => {
    const astro = baseline({ built: 999, leftOut: [{ file: 'releases/2020/01/c.mdx', reason: 'Unexpected `{`' }] });
    const eleventy = baseline({ built: 0, failed: 'JavaScript heap out of memory', secondsPer1000: NaN });
    const lines = buildTable(archive, astro, eleventy);
    expect(lines).toContain('| s / 1,000 | 18.0 | 60.0 | failed |');
    expect(lines).toContain('- plain Astro left out releases/2020/01/c.mdx, which does not compile: Unexpected `{`');
    expect(lines).toContain('JavaScript heap out of memory');
  });
});

describe('the side-by-side search table', () => {
  it("gives the archive's bytes over the Default UI's", () => {
    const cost = (kib: number) => ({
      pageKiB: kib,
      firstSearchKiB: kib,
      laterSearchKiB: [kib, kib],
      phraseKiB: kib,
      phraseLongestTaskMs: 0,
    });
    const lines = searchTable({ phrase: 'a b', keyDelayMs: 100, archive: cost(300), defaultUi: cost(200) });
    expect(lines).toContain('| the search page, before typing | 300.0 | 200.0 | 1.50 |');
    expect(lines).toContain('| five later searches, in all | 600.0 | 400.0 | 1.50 |');
  });
});

describe('a release file that stops an Astro build', () => {
  const output = [
    '12:14:03 [ERROR] [vite] ✗ Build failed in 1.20s',
    'Unexpected end of file in expression, expected a corresponding closing brace for `{`',
    '  Location:',
    '    /tmp/content/releases/2020/01/c.mdx:9:49',
  ].join('\n');

  it('is read from the build output, relative to the content folder, with the reason', () => {
    expect(failedRelease(output, '/tmp/content')).toEqual({
      file: 'releases/2020/01/c.mdx',
      reason: 'Unexpected end of file in expression, expected a corresponding closing brace for `{`',
    });
  });

  it('is none when the failing file is outside the content folder', () => {
    expect(failedRelease(output, '/tmp/other')).toBeUndefined();
  });
});
