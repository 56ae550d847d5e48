import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems, referenceProblems } from '../../../src/model/check-content.ts';
import { pdf, png, svg } from '../../support/media.ts';
import { ROOT, tempDir, writeReleases } from '../../support/site.ts';

const release = (slug: string, title: string) => ({
  data: { title, slug, date: '2016-01-06', type: 'statement' as const, speaker: 'Barack Obama' },
  paragraphs: ['Text.'],
});

describe('checking a content folder', () => {
  it('lists every bad file, not only the first', async () => {
    const dir = join(ROOT, 'tests/fixtures/bad-releases/releases');
    const { releases, problems } = await checkContent(dir);
    expect(releases.size).toBe(0);
    const files = new Set(problems.map((p) => p.file.split('/').at(-1)));
    expect(files.size).toBe(9);
    const report = formatProblems(problems);
    expect(report).toMatch(/^The releases have 11 problems:/);
    expect(report).toContain(
      'tests/fixtures/bad-releases/releases/2026/01/2026-01-01-missing-speaker.mdx: speaker: is required',
    );
  });

  it('fails two releases that claim one permalink, naming both files', async () => {
    const dir = await tempDir('collision');
    await writeReleases(dir, [release('same-slug', 'One')]);
    // A second file, elsewhere in the tree, with the same date and slug.
    await mkdir(join(dir, 'releases/extra'), { recursive: true });
    await writeFile(
      join(dir, 'releases/extra/copy.mdx'),
      '---\ntitle: "Two"\nslug: "same-slug"\ndate: 2016-01-06\ntype: "statement"\nspeaker: "Barack Obama"\n---\n\nText.\n',
    );
    const { problems } = await checkContent(join(dir, 'releases'));
    expect(problems).toHaveLength(1);
    const report = formatProblems(problems);
    expect(report).toContain('releases/extra/copy.mdx: slug: claims the permalink /releases/2016/01/06/same-slug/');
    expect(report).toContain('releases/2016/01/2016-01-06-same-slug.mdx');
  });

  it('refuses files that are not .mdx releases instead of skipping them', async () => {
    const dir = await tempDir('stray');
    await writeReleases(dir, [release('fine', 'Fine')]);
    await writeFile(join(dir, 'releases/2016/01/2016-01-07-notes.md'), '# A release in the wrong format\n');
    await writeFile(join(dir, 'releases/.DS_Store'), '');
    const { releases, problems } = await checkContent(join(dir, 'releases'));
    expect(releases.size).toBe(1);
    expect(problems).toEqual([
      {
        file: join(dir, 'releases/2016/01/2016-01-07-notes.md'),
        message:
          'is not a release: expected a .mdx file, or beside a release an image (JPEG, PNG, WebP, AVIF, GIF, SVG) or a PDF',
      },
    ]);
  });

  it('takes images and PDFs beside a release, in its folder or in one named after it, and nowhere else', async () => {
    const dir = await tempDir('beside');
    await writeReleases(dir, [release('fine', 'Fine')]);
    const files: [string, string | Buffer][] = [
      ['releases/2016/01/photo.JPG', await sharp(png(8, 8)).jpeg().toBuffer()],
      ['releases/2016/01/original.pdf', pdf('The original')],
      ['releases/2016/01/2016-01-06-fine/chart.svg', svg()],
      ['releases/2016/01/2016-01-06-fine/stills/still.webp', await sharp(png(8, 8)).webp().toBuffer()],
      ['releases/2016/photo.png', png(8, 8)],
      ['releases/2016/01/2016-01-07-other/chart.svg', svg()],
      ['releases/2016/01/notes.txt', 'x'],
    ];
    for (const [file, bytes] of files) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), bytes);
    }
    const { releases, problems } = await checkContent(join(dir, 'releases'));
    expect(releases.size).toBe(1);
    expect(problems.map((p) => [p.file.slice(dir.length + 1), p.message.split(':')[0]])).toEqual([
      ['releases/2016/01/2016-01-07-other/chart.svg', 'is not beside a release'],
      ['releases/2016/01/notes.txt', 'is not a release'],
      ['releases/2016/photo.png', 'is not beside a release'],
    ]);
  });

  it('finds the files a body names only beside its release, naming the line of what is missing', async () => {
    const dir = await tempDir('references');
    const file = join(dir, '2026-02-04-fine.mdx');
    await mkdir(join(dir, '2026-02-04-fine/stills'), { recursive: true });
    await mkdir(join(dir, 'a-folder.png'));
    for (const name of ['photo.png', '2026-02-04-fine/stills/still.png', 'other/x.png']) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), 'x');
    }
    const at = (path: string, line: number) => ({ path, line, column: 1 });
    expect(
      referenceProblems(file, [
        at('photo.png', 10),
        at('2026-02-04-fine/stills/still.png', 11),
        at('missing.png', 12),
        at('other/x.png', 13),
        at('a-folder.png', 14),
      ]),
    ).toEqual([
      'line 12, column 1: ./missing.png does not exist: expected the file beside the release, or in the folder 2026-02-04-fine/',
      'line 13, column 1: ./other/x.png is in other/: expected it beside the release, or in the folder 2026-02-04-fine/',
      'line 14, column 1: ./a-folder.png is a folder: the build reads only regular files inside the content folder: put the file itself there',
    ]);
  });

  it('says so when the folder does not exist', async () => {
    const { problems } = await checkContent('/nonexistent/archive/releases');
    expect(problems[0]?.message).toMatch(/^does not exist: expected a folder of releases \(set ARCHIVE_CONTENT_DIR/);
  });
});
