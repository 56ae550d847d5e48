/**
 * Files a build reads from a content folder: regular files inside it, and what they say they are.
 * Links, pipes, hard links and hidden characters are refused without reading a byte; images and
 * PDFs are checked from their bytes, within limits that settings can change.
 */
import { link, mkdir, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contentFileProblem, readContentFile, walkContent } from '../../../src/model/content-files.ts';
import { mediaFileProblem } from '../../../src/model/media-file.ts';
import { DEFAULT_LIMITS } from '../../../src/model/media.ts';
import { showHidden } from '../../../src/model/text.ts';
import { pdf, png, svg } from '../../support/media.ts';
import { tempDir } from '../../support/site.ts';

/** A PNG whose header declares `width` × `height` pixels and whose pixels are missing. */
function declaredPng(width: number, height: number): Buffer {
  const header = png(1, 1);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

describe('a file of a content folder', () => {
  it('is refused, without being read, when it is a link, a folder, a pipe or a hard link, or names hide characters', async () => {
    const root = await tempDir('files');
    const outside = join(await tempDir('outside'), 'secret.txt');
    await writeFile(outside, 'the first line of a secret\n');
    await mkdir(join(root, 'real'));
    await writeFile(join(root, 'real/ok.pdf'), pdf('ok'));
    await symlink(outside, join(root, 'linked.pdf'));
    await symlink(join(root, 'real'), join(root, 'folder-link'));
    await link(outside, join(root, 'hard.pdf'));
    execFileSync('mkfifo', [join(root, 'pipe.pdf')]);
    await writeFile(join(root, 'photo\u202egnp.pdf'), pdf('x'));
    expect(contentFileProblem(root, join(root, 'real/ok.pdf'))).toBeUndefined();
    expect(contentFileProblem(root, join(root, 'linked.pdf'))).toMatch(
      /^is a symbolic link: the build reads only regular files/,
    );
    expect(contentFileProblem(root, join(root, 'folder-link/ok.pdf'))).toMatch(/^is a symbolic link \(folder-link\)/);
    expect(contentFileProblem(root, join(root, 'hard.pdf'))).toMatch(/^is a hard link/);
    expect(contentFileProblem(root, join(root, 'pipe.pdf'))).toMatch(/^is a named pipe/);
    expect(contentFileProblem(root, join(root, 'real'))).toMatch(/^is a folder/);
    expect(contentFileProblem(root, join(root, 'photo\u202egnp.pdf'))).toBe(
      'has characters a reader cannot see in its name (photo\\u202egnp.pdf): rename it',
    );
    expect(contentFileProblem(root, join(root, 'missing.pdf'))).toBe('does not exist');
    expect(contentFileProblem(root, join(root, '../elsewhere.pdf'))).toBe('is not inside the content folder');
    expect(() => readContentFile(root, join(root, 'linked.pdf'))).toThrow(/^is a symbolic link/);
    expect(readContentFile(root, join(root, 'real/ok.pdf'))).toEqual(pdf('ok'));
    // Every refusal and the walk's listing: no link is followed, hidden folders are looked into.
    await mkdir(join(root, '.hidden'));
    await symlink('/etc', join(root, '.hidden/etc'));
    await writeFile(join(root, '.hidden/notes.txt'), 'not read');
    const { files, refused } = await walkContent(root);
    expect(files).toEqual([join(root, 'real/ok.pdf')]);
    expect(refused.map(({ file, message }) => [file.slice(root.length + 1), message.split(':')[0]])).toEqual([
      ['.hidden/etc', 'is a symbolic link'],
      ['folder-link', 'is a symbolic link'],
      ['hard.pdf', 'is a hard link, a second name of a file that may lie elsewhere'],
      ['linked.pdf', 'is a symbolic link'],
      [showHidden('photo\u202egnp.pdf'), 'has characters a reader cannot see in its name'],
      ['pipe.pdf', 'is a named pipe'],
    ]);
    // A folder of releases that is itself a link is not read at all.
    await symlink(join(root, 'real'), join(root, 'releases'));
    expect(await walkContent(join(root, 'releases'))).toEqual({
      files: [],
      refused: [
        {
          file: join(root, 'releases'),
          message:
            'is a symbolic link: the build reads only regular files inside the content folder: put the file itself there',
        },
      ],
    });
  });
});

describe('a file beside a release', () => {
  it('is what its name says, from its bytes', async () => {
    const root = await tempDir('kinds');
    const files: [string, string | Buffer][] = [
      ['photo.png', png(40, 30)],
      ['photo.jpg', await sharp(png(40, 30)).jpeg().toBuffer()],
      ['photo.webp', await sharp(png(40, 30)).webp().toBuffer()],
      ['photo.avif', await sharp(png(40, 30)).avif().toBuffer()],
      ['photo.gif', await sharp(png(40, 30)).gif().toBuffer()],
      ['chart.svg', svg()],
      ['original.pdf', pdf('The original')],
      ['jpeg.png', await sharp(png(40, 30)).jpeg().toBuffer()],
      ['svg.png', svg()],
      ['text.png', 'the first line of a text'],
      ['page.pdf', '<html><script>alert(1)</script></html>'],
      ['script.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['huge.png', declaredPng(30_000, 30_000)],
    ];
    for (const [name, bytes] of files) await writeFile(join(root, name), bytes);
    const problems: Record<string, string | undefined> = {};
    for (const [name] of files) problems[name] = await mediaFileProblem(root, join(root, name), DEFAULT_LIMITS);
    expect(problems).toEqual({
      'photo.png': undefined,
      'photo.jpg': undefined,
      'photo.webp': undefined,
      'photo.avif': undefined,
      'photo.gif': undefined,
      'chart.svg': undefined,
      'original.pdf': undefined,
      'jpeg.png': 'is a JPEG image, not the PNG its name says: give it the extension of its kind',
      'svg.png': 'is an SVG image, not the PNG its name says: give it the extension of its kind',
      'text.png': 'is not an image: its bytes are none of JPEG, PNG, WebP, AVIF, GIF or SVG',
      'page.pdf': 'is not a PDF: it does not start as one (%PDF-)',
      'script.svg': expect.stringMatching(/^holds what a published image cannot: an event handler onload=/),
      'huge.png':
        'is 900 megapixels: the archive publishes images of at most 100 megapixels (ARCHIVE_MAX_IMAGE_MEGAPIXELS)',
    });
  });

  it('is refused beyond the limits, read from its size before a byte of it', async () => {
    const root = await tempDir('limits');
    // 200 MiB that take no space: a sparse file, refused by its size alone.
    execFileSync('truncate', ['-s', '200M', join(root, 'big.png')]);
    expect(await mediaFileProblem(root, join(root, 'big.png'), DEFAULT_LIMITS)).toBe(
      'is 200.0 MiB: the archive publishes images of at most 20.0 MiB (ARCHIVE_MAX_IMAGE_MB)',
    );
    await writeFile(join(root, 'photo.png'), png(400, 300));
    const limits = { ...DEFAULT_LIMITS, imagePixels: 100_000 };
    expect(await mediaFileProblem(root, join(root, 'photo.png'), limits)).toBe(
      'is 0.12 megapixels: the archive publishes images of at most 0.1 megapixels (ARCHIVE_MAX_IMAGE_MEGAPIXELS)',
    );
    execFileSync('truncate', ['-s', '101M', join(root, 'long.pdf')]);
    expect(await mediaFileProblem(root, join(root, 'long.pdf'), DEFAULT_LIMITS)).toBe(
      'is 101.0 MiB: the archive publishes PDFs of at most 100.0 MiB (ARCHIVE_MAX_DOCUMENT_MB)',
    );
  });
});
