/**
 * The side-by-side tables of bench/RESULTS.md: a size's build by the archive and by the baselines
 * (plain Astro, Eleventy, Hugo); and on the full corpus, what the archive's search page and
 * Pagefind's Default UI fetch. Plain functions of the figures, so that what a failed or missing
 * baseline shows is tested.
 */
import type { BaselineResult } from './baselines.ts';
import type { SearchSideBySide } from './search-side-by-side.ts';

/** The archive's figures the build table shows. */
export interface ArchiveBuild {
  releases: number;
  buildSeconds: number;
  /** Its search index, made at the same time as its pages. */
  indexSeconds: number;
  secondsPer1000: number;
  peakMiB: number;
  site: { bytes: number; files: number };
  index: { bytes: number; files: number };
}

/** The stacks built beside the archive, each by its name; a stack not run (Hugo not installed) has no result. */
export type Stacks = readonly (readonly [name: string, result: BaselineResult | undefined])[];

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const mib = (size: { bytes: number; files: number }) => `${f(size.bytes / 2 ** 20)} (${size.files})`;

/**
 * One size's build, side by side: a heading, a table, and a line for each stack that was not run,
 * failed, left files out or showed a release's text otherwise than the archive.
 */
export function buildTable(archive: ArchiveBuild, stacks: Stacks): string[] {
  const cell = (b: BaselineResult | undefined, of: (b: BaselineResult) => string) =>
    !b ? 'not run' : b.failed ? 'failed' : of(b);
  const row = (label: string, own: string, of: (b: BaselineResult) => string) =>
    `| ${label} | ${own} | ${stacks.map(([, b]) => cell(b, of)).join(' | ')} |`;
  const lines = [
    `${archive.releases} releases:`,
    '',
    `| | archive | ${stacks.map(([name]) => name).join(' | ')} |`,
    `|---|---:|${stacks.map(() => '---:|').join('')}`,
    row('build s', f(archive.buildSeconds), (b) => f(b.seconds)),
    row('s / 1,000', f(archive.secondsPer1000), (b) => f(b.secondsPer1000)),
    row('of which Pagefind s', `${f(archive.indexSeconds)} (beside its pages)`, (b) => f(b.pagefindSeconds)),
    row('peak MiB', f(archive.peakMiB, 0), (b) => f(b.peakMiB, 0)),
    row('… the build alone / Pagefind alone', '–', (b) => `${f(b.buildPeakMiB, 0)} / ${f(b.pagefindPeakMiB, 0)}`),
    `| release pages built | ${archive.releases} of ${archive.releases} | ${stacks.map(([, b]) => (b ? `${b.built} of ${b.releases}` : 'not run')).join(' | ')} |`,
    row("text as the archive's, pages checked", '–', (b) =>
      b.text ? `${b.text.checked - b.text.differing.length} of ${b.text.checked}` : '–',
    ),
    row('site MiB (files)', mib(archive.site), (b) => mib(b.site)),
    row('index MiB (files)', mib(archive.index), (b) => mib(b.index)),
    '',
  ];
  for (const [name, b] of stacks) {
    if (!b) {
      lines.push(`${name} was not run: it is not installed.`, '');
      continue;
    }
    if (b.failed) lines.push(`${name} failed after ${f(b.seconds)} s:`, '', '```text', b.failed, '```', '');
    for (const { file, reason } of b.leftOut)
      lines.push(`- ${name} left out ${file}, which does not compile: ${reason}`);
    for (const { file, archive: ours, baseline: theirs } of b.text?.differing ?? [])
      lines.push(
        `- ${name} shows ${file} otherwise: "${theirs.slice(0, 120)}" where the archive shows "${ours.slice(0, 120)}"`,
      );
    if (b.leftOut.length + (b.text?.differing.length ?? 0) > 0) lines.push('');
  }
  return lines;
}

/** What the two search pages fetch, side by side, with the archive's figure over the Default UI's. */
export function searchTable({ archive, defaultUi, phrase, keyDelayMs }: SearchSideBySide): string[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const row = (label: string, a: number, d: number, digits = 1) =>
    `| ${label} | ${f(a, digits)} | ${f(d, digits)} | ${d > 0 ? f(a / d, 2) : '–'} |`;
  return [
    '| KiB fetched | archive | Default UI | archive ÷ Default UI |',
    '|---|---:|---:|---:|',
    row('the search page, before typing', archive.pageKiB, defaultUi.pageKiB),
    row('the page and a first search ("health care")', archive.firstSearchKiB, defaultUi.firstSearchKiB),
    row('five later searches, in all', sum(archive.laterSearchKiB), sum(defaultUi.laterSearchKiB)),
    row('… the largest of them', Math.max(...archive.laterSearchKiB), Math.max(...defaultUi.laterSearchKiB)),
    row(
      `typing "${phrase}" key by key, ${keyDelayMs} ms apart, on a fresh page`,
      archive.phraseKiB,
      defaultUi.phraseKiB,
    ),
    row('… the longest long task meanwhile, ms', archive.phraseLongestTaskMs, defaultUi.phraseLongestTaskMs, 0),
    '',
  ];
}
