import { describe, expect, it } from 'vitest';
import { indexInput } from '../../../src/build/index-input.ts';
import { pageTexts } from '../../../src/pagefind/page-index.ts';
import type { ReleaseData } from '../../../src/model/schema.ts';

const data: ReleaseData = {
  title: 'Remarks on <air> & defence',
  slug: 'remarks-on-air-defence',
  date: '2026-02-04',
  type: 'remarks',
  speaker: 'Mark Rutte',
  organisation: 'NATO',
  venue: 'NATO Headquarters',
  language: 'en',
};

/** The attributes of the span whose text is `text`. */
function tagOf(html: string, text: string): string | undefined {
  return [...html.matchAll(/<span([^>]*)>([^<]*)<\/span>/g)].find(([, , inner]) => inner === text)?.[1];
}

describe('the page Pagefind reads for a release', () => {
  it('names its language, metadata, filters and sort key as the release page did', () => {
    const html = indexInput({ data, html: '<p id="p-1">Text.</p>', media: [] }, 'en');
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(tagOf(html, 'Remarks')).toBe(' data-pagefind-filter="type"');
    expect(tagOf(html, 'NATO')).toBe(' data-pagefind-filter="organisation"');
    expect(tagOf(html, 'Remarks on &lt;air&gt; &amp; defence')).toBe(' data-pagefind-meta="title"');
    expect(tagOf(html, 'Mark Rutte')).toBe(' data-pagefind-filter="speaker" data-pagefind-meta="speaker"');
    expect(tagOf(html, 'NATO Headquarters')).toBe(' data-pagefind-meta="venue" data-pagefind-filter="venue"');
    expect(html).toContain(
      '<time datetime="2026-02-04" data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]" data-pagefind-filter="year[data-year], month[data-month], day[datetime]" data-year="2026" data-month="2026-02">',
    );
    // What Pagefind indexes: the text, and the metadata it searches too.
    expect(pageTexts(html)).toEqual([
      '  Text.  ',
      'Remarks on <air> & defence',
      'Mark Rutte',
      '2026-02-04',
      'NATO Headquarters',
    ]);
  });

  it('filters a release by as much of its date as is known', () => {
    const filters = (date: string) =>
      /data-pagefind-filter="([^"]*)" data-year/.exec(
        indexInput({ data: { ...data, date }, html: '', media: [] }, 'en'),
      )?.[1];
    expect(filters('2015-09')).toBe('year[data-year], month[data-month]');
    expect(filters('2015')).toBe('year[data-year]');
  });

  it('puts in the notes, and each figure’s alt text, caption and credit, attachment and video where they stand', () => {
    const html = indexInput(
      {
        data,
        notes: '<aside><p>Corrected.</p></aside>',
        html: '<p id="p-1">Before.</p><release-media data-index="0"></release-media><p id="p-2">Between.</p><release-media data-index="1"></release-media><release-media data-index="2"></release-media>',
        media: [
          {
            kind: 'figure',
            src: 'a.png',
            alt: 'Ministers & staff',
            caption: 'At the table.',
            credit: 'NATO',
            line: 1,
            column: 1,
          },
          { kind: 'attachment', href: 'a.pdf', title: 'The release as distributed', line: 2, column: 1 },
          { kind: 'video', href: 'https://example.org/v', title: 'The press conference', line: 3, column: 1 },
        ],
      },
      'en',
    );
    // The vocabulary counts the alt text too, as Pagefind indexes it.
    expect(pageTexts(html)).toContain('Ministers & staff');
    const body = html.slice(html.indexOf('data-pagefind-body'));
    expect(body).toContain(
      '<div><aside><p>Corrected.</p></aside></div><p id="p-1">Before.</p><figure><img alt="Ministers &amp; staff" data-pagefind-index-attrs="alt"><figcaption>At the table. NATO</figcaption></figure><p id="p-2">Between.</p><div>The release as distributed</div><div>The press conference</div>',
    );
  });
});
