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
  indexSeconds: 6,
  secondsPer1000: 18,
  peakMiB: 1024,
  site: size,
  index: size,
};

describe('the side-by-side build table', () => {
  const stacks = (astro: BaselineResult, eleventy: BaselineResult, hugo?: BaselineResult) =>
    [
      ['plain Astro', astro],
      ['Eleventy', eleventy],
      ['Hugo', hugo],
    ] as const;

  it('says how many release pages each stack built of how many', () => {
    const lines = buildTable(archive, stacks(baseline({ built: 998, leftOut: [] }), baseline({}), baseline({})));
    expect(lines).toContain('| | archive | plain Astro | Eleventy | Hugo |');
    expect(lines).toContain('| release pages built | 1000 of 1000 | 998 of 1000 | 1000 of 1000 | 1000 of 1000 |');
    expect(lines).toContain('| build s | 18.0 | 60.0 | 60.0 | 60.0 |');
    expect(lines).toContain('| of which Pagefind s | 6.0 (beside its pages) | 6.0 | 6.0 | 6.0 |');
    expect(lines).toContain('| … the build alone / Pagefind alone | – | 1024 / 2048 | 1024 / 2048 | 1024 / 2048 |');
  });

  it('names each file a baseline left out, and shows a failed baseline as failed with its output', () => {
    const astro = baseline({ built: 999, leftOut: [{ file: 'releases/2020/01/c.mdx', reason: 'Unexpected `{`' }] });
    const eleventy = baseline({ built: 0, failed: 'JavaScript heap out of memory', secondsPer1000: NaN });
    const lines = buildTable(archive, stacks(astro, eleventy, baseline({})));
    expect(lines).toContain('| s / 1,000 | 18.0 | 60.0 | failed | 60.0 |');
    expect(lines).toContain('- plain Astro left out releases/2020/01/c.mdx, which does not compile: Unexpected `{`');
    expect(lines).toContain('JavaScript heap out of memory');
  });

  it('shows a stack that was not run (Hugo not installed) as not run, and says so', () => {
    const lines = buildTable(archive, stacks(baseline({}), baseline({})));
    expect(lines).toContain('| build s | 18.0 | 60.0 | 60.0 | not run |');
    expect(lines).toContain('Hugo was not run: it is not installed.');
  });

  it("counts the release pages whose text is the archive's, and quotes each that is not", () => {
    const text = {
      checked: 6,
      differing: [{ file: 'releases/2016/01/a.mdx', archive: "It's here", baseline: 'It’s here' }],
    };
    const lines = buildTable(archive, stacks(baseline({}), baseline({}), baseline({ text })));
    expect(lines).toContain("| text as the archive's, pages checked | – | – | – | 5 of 6 |");
    expect(lines).toContain(
      '- Hugo shows releases/2016/01/a.mdx otherwise: "It’s here" where the archive shows "It\'s here"',
    );
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
