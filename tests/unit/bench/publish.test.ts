/**
 * The bench's publishing figures: what it reads from a build's last line, the changes it makes to
 * a content folder, how it counts a baseline's changed files, and the tables and hosts' limits it
 * reports. No timing is measured here.
 */
import { describe, expect, it } from 'vitest';
import type { BaselinePublish } from '../../../bench/baselines.ts';
import { compareSnapshots, type Snapshot } from '../../../bench/measure.ts';
import { correctOneWord, nextMonthsFirst, readSummary, type ArchivePublish } from '../../../bench/publish.ts';
import { archivePublishTable, HOSTS, hostFit, hostsTable, stackPublishTable } from '../../../bench/publish-report.ts';
import { baselineParagraphs, spread } from '../../../bench/text-check.ts';
import { readReleaseSource } from '../../../src/model/release-file.ts';

describe("a build's last line", () => {
  it('gives the index parts made of all, for a publish and for a full build', () => {
    const published = readSummary(
      'Read 9,982 releases in 4.1 s; rendered 1 body, the rest unchanged.\n' +
        'Published 1 new, 0 changed, 0 removed release: 37 files added or changed, 0 files removed, 1 of 12 index parts made, in 9.8 s.\n',
    );
    expect(published).toMatchObject({ nothing: false, made: 1, total: 12 });
    expect(published.line).toMatch(/^Published 1 new/);
    const full = readSummary(
      'Built 9,982 releases in full (there is no previous site): 34,000 files added or changed, 0 files removed, 12 of 12 index parts made, in 140.2 s.',
    );
    expect(full).toMatchObject({ nothing: false, made: 12, total: 12 });
  });

  it('says when nothing changed', () => {
    const line = 'Nothing changed since the last build: /tmp/dist is as it was, 9,982 releases.';
    expect(readSummary(`Read 9,982 releases in 2.0 s; rendered 0 bodies, the rest unchanged.\n${line}\n`)).toEqual({
      line,
      nothing: true,
      made: 0,
      total: 0,
    });
  });
});

describe('the changes the bench publishes', () => {
  it('dates the first release of a new month on the first of the month after, across a year', () => {
    expect(nextMonthsFirst('2016-09-01')).toBe('2016-10-01');
    expect(nextMonthsFirst('2016-12-31')).toBe('2017-01-01');
    expect(nextMonthsFirst('0999-12-05')).toBe('1000-01-01');
  });

  it('corrects one word of the body, never the frontmatter', () => {
    const text = '---\ntitle: "Remarks at length"\nslug: "remarks"\n---\n\nWell, you. Everybody, please sit.\n';
    const corrected = correctOneWord(text);
    expect(readReleaseSource(corrected).data).toEqual(readReleaseSource(text).data);
    expect(readReleaseSource(corrected).body).toBe('\nWell, you. amended, please sit.\n');
  });
});

describe("a baseline's changed files", () => {
  const snapshot = (files: Record<string, [number, string]>): Snapshot =>
    new Map(Object.entries(files).map(([path, [size, hash]]) => [path, { size, hash }]));

  it('are those added, changed by their bytes, and removed, with the bytes of the added and changed', () => {
    const before = snapshot({ 'index.html': [10, 'a'], 'x/index.html': [5, 'b'], 'pagefind/old.pf_index': [7, 'c'] });
    const after = snapshot({ 'index.html': [12, 'a2'], 'x/index.html': [5, 'b'], 'y/index.html': [3, 'd'] });
    expect(compareSnapshots(before, after)).toEqual({ added: 1, changed: 1, removed: 1, bytes: 15 });
  });
});

describe('the text check', () => {
  it('spreads its samples over the releases, the first and the last among them', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spread([1, 2], 6)).toEqual([1, 2]);
  });

  it("reads a baseline page's paragraphs inside data-pagefind-body only", () => {
    const html =
      '<html><body><p>Header</p><div data-pagefind-body><p>One <em>two</em></p><ul><li><p>Three</p></li></ul></div></body></html>';
    expect(baselineParagraphs(html)).toEqual(['One two', 'Three']);
  });
});

const cold = {
  releases: 10_000,
  seconds: 100,
  peakMiB: 2000,
  site: { bytes: 600e6, files: 34_000 },
  parts: { made: 12, total: 12 },
};

function archivePublish(over: Partial<ArchivePublish>): ArchivePublish {
  return {
    scenario: 'one new release on the newest day',
    file: 'releases/2016/09/2016-09-01-a.mdx',
    seconds: 10,
    peakMiB: 800,
    files: { added: 3, changed: 30, removed: 0 },
    bytes: 1.5e6,
    parts: { made: 1, total: 12 },
    summary: '',
    listed: true,
    ...over,
  };
}

describe('the publish tables', () => {
  it("give each publish's time against the cold build's, its files, bytes and index parts", () => {
    const lines = archivePublishTable(cold, [
      archivePublish({
        scenario: 'nothing changed',
        file: undefined,
        seconds: 5,
        files: { added: 0, changed: 0, removed: 0 },
        bytes: 0,
        parts: { made: 0, total: 12 },
      }),
      archivePublish({}),
    ]);
    expect(lines).toContain('| cold build | 100.0 | 1.00 | 2000 | 34,000 / 0 / 0 | 600.00 | 12 of 12 |');
    expect(lines).toContain('| nothing changed | 5.0 | 0.05 | 800 | 0 / 0 / 0 | 0.00 | 0 of 12 |');
    expect(lines).toContain(
      '| one new release on the newest day (`releases/2016/09/2016-09-01-a.mdx`) | 10.0 | 0.10 | 800 | 3 / 30 / 0 | 1.50 | 1 of 12 |',
    );
  });

  it('show a failed publish as failed, with its output', () => {
    const lines = archivePublishTable(cold, [archivePublish({ failed: 'The build failed: out of memory' })]);
    expect(lines).toContain(
      '| one new release on the newest day (`releases/2016/09/2016-09-01-a.mdx`) | failed | | | | | |',
    );
    expect(lines).toContain('The build failed: out of memory');
  });

  it("set each stack's publish beside the archive's, failed ones with their reason", () => {
    const publish = (over: Partial<BaselinePublish>): BaselinePublish => ({
      how: 'built again',
      seconds: 50,
      pagefindSeconds: 20,
      peakMiB: 1500,
      changes: { added: 120, changed: 2, removed: 0, bytes: 4.7e6 },
      listed: true,
      ...over,
    });
    const lines = stackPublishTable({ cold, publish: archivePublish({}) }, [
      { name: 'Hugo', coldSeconds: 100, publish: publish({}) },
      {
        name: 'Eleventy',
        coldSeconds: 80,
        publish: publish({ how: '--incremental=<file>', failed: '[11ty] Problem writing' }),
      },
    ]);
    expect(lines).toContain(
      '| archive | 10.0 | 0.10 | – (1 of 12 parts, beside its pages) | 800 | 3 / 30 / 0 | 1.50 | yes |',
    );
    expect(lines).toContain('| Hugo, built again | 50.0 | 0.50 | 20.0 | 1500 | 120 / 2 / 0 | 4.70 | yes |');
    expect(lines).toContain('| Eleventy, --incremental=<file> | failed | | | | | | |');
    expect(lines).toContain('[11ty] Problem writing');
  });
});

describe("a site against hosts' limits", () => {
  it('takes the larger share of bytes and files, and says how many releases fit at its rate', () => {
    const [github, cloudflareFree, , gitlab] = HOSTS;
    const site = { bytes: 646e6, files: 34_420 };
    expect(hostFit(site, 9982, github!)).toEqual({ share: 0.646, fits: true, releases: 15452 });
    expect(hostFit(site, 9982, cloudflareFree!)).toMatchObject({ fits: false, releases: 5800 });
    expect(hostFit(site, 9982, gitlab!).share).toBe(0.646);
  });

  it('lists files and MB per release for each size', () => {
    const lines = hostsTable([{ releases: 9982, site: { bytes: 646e6, files: 34_420 } }]);
    expect(lines[2]).toMatch(
      /^\| 9,982 \| 34,420 \| 646\.00 \| 3\.45 \| 0\.065 \| fits: 65% \(up to 15,452 releases\) \| too large: 172% /,
    );
  });
});
