import { describe, expect, it } from 'vitest';
import { MEDIA_TAG, mediaType, readReference, splitAtMedia } from '../../../src/model/media.ts';

describe('files beside a release', () => {
  it('knows images and PDF documents by their extension, in any case, and nothing else', () => {
    expect(mediaType('photo.JPG')).toMatchObject({ label: 'JPEG', image: true });
    expect(mediaType('a/b/chart.svg')).toMatchObject({ mime: 'image/svg+xml', image: true });
    expect(mediaType('original.pdf')).toMatchObject({ label: 'PDF', image: false });
    for (const name of ['notes.md', 'photo.tiff', 'photo', 'archive.zip', 'page.html'])
      expect(mediaType(name)).toBeUndefined();
  });

  it('reads a relative path as the path it names inside the release folder', () => {
    expect(readReference('./photo.jpg', 'image')).toEqual({ path: 'photo.jpg' });
    expect(readReference('photo.jpg', 'image')).toEqual({ path: 'photo.jpg' });
    expect(readReference('././2026-02-04-x/charts/a.svg', 'image')).toEqual({ path: '2026-02-04-x/charts/a.svg' });
    expect(readReference('./original.pdf', 'document')).toEqual({ path: 'original.pdf' });
  });

  it.each([
    ['https://example.org/a.jpg', 'image', 'is an address elsewhere'],
    ['//example.org/a.jpg', 'image', 'is an address elsewhere'],
    ['data:image/png;base64,AAAA', 'image', 'is an address elsewhere'],
    ['/srv/a.jpg', 'image', 'is an absolute path'],
    ['../a.jpg', 'image', "leads out of the release's folder"],
    ['./x/../../a.jpg', 'image', "leads out of the release's folder"],
    ['./.hidden.jpg', 'image', 'expected file and folder names'],
    ['./a b.jpg', 'image', 'expected file and folder names'],
    ['./original.pdf', 'image', 'is not a JPEG, PNG, WebP, AVIF, GIF or SVG image'],
    ['./photo.jpg', 'document', 'is not a PDF document'],
  ] as const)('refuses %s as %s', (path, wanted, problem) => {
    const read = readReference(path, wanted);
    expect('problem' in read && read.problem).toContain(problem);
  });

  it('cuts rendered HTML at its placeholders, giving each item’s index between', () => {
    const html = `<p>a</p><${MEDIA_TAG} data-index="0"></${MEDIA_TAG}><p>b</p><${MEDIA_TAG} data-index="1"></${MEDIA_TAG}>`;
    expect(splitAtMedia(html)).toEqual(['<p>a</p>', 0, '<p>b</p>', 1, '']);
    expect(splitAtMedia('<p>&#x3C;release-media data-index="0">&#x3C;/release-media></p>')).toHaveLength(1);
  });
});
