import { describe, expect, it } from 'vitest';
import { pageTexts } from '../../../src/pagefind/page-index.ts';
import {
  PartVocabulary,
  VocabularyBuilder,
  headFile,
  headFiles,
  mergedEntries,
  vocabularyFiles,
  normalWord,
  readWordsFile,
  textWords,
  wordsFile,
} from '../../../src/pagefind/vocabulary.ts';

/** A release page as the layout writes it, reduced to what Pagefind reads. */
const PAGE = `<html><body><header data-pagefind-ignore="all">Search releases</header>
<a href="/types/remarks/" data-pagefind-filter="type">
  Remarks
</a>
<h1 data-pagefind-meta="title">Remarks by NATO&#39;s Secretary General</h1>
<a href="/s/" data-pagefind-filter="speaker" data-pagefind-meta="speaker">Mark Rutte</a>
<time datetime="2026-01-26" data-pagefind-meta="date[datetime]" data-pagefind-filter="year[data-year], month[data-month], day[datetime]" data-year="2026" data-month="2026-01">26 January 2026</time>
<div class="remarks" data-pagefind-body><div class="paragraph"><i id="p-1"></i><p>Thank you, Madam Chair. Healthcare &amp; R-UT — <span data-pagefind-ignore>--</span> Marie-Agnès.</p></div><div class="paragraph"><p>Café São</p></div></div>
<footer data-pagefind-ignore="all">Press Release Archive</footer></body></html>`;

describe('what Pagefind reads from a page', () => {
  it('reads the release text and the metadata, not the page around them', () => {
    expect(pageTexts(PAGE).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'Thank you, Madam Chair. Healthcare & R-UT — Marie-Agnès. Café São',
      "Remarks by NATO's Secretary General",
      'Mark Rutte',
      '2026-01-26',
    ]);
  });
});

describe('the vocabulary', () => {
  it('normalises words as Pagefind does: letters and digits, lower case, no diacritics', () => {
    expect(normalWord('Agnès,')).toBe('agnes');
    expect(normalWord('NATO’s')).toBe('natos');
    expect(normalWord('—')).toBe('');
    // A word joined by marks is indexed whole, and by its parts of two letters or more.
    expect([...textWords('R-UT Marie-Agnès 2026-01-26 iPhone')]).toEqual([
      'rut',
      'ut',
      'marieagnes',
      'marie',
      'agnes',
      '20260126',
      '2026',
      '01',
      '26',
      'iphone',
      'phone',
    ]);
  });

  it('counts each word once a release, part by part, in one file per first character', () => {
    const builder = new VocabularyBuilder();
    builder.addPage(['Health care, health care.', 'Café'], 0);
    builder.addPage(['Healthcare for all'], 0);
    builder.addPage(['Health: the zeal of Zoë'], 1);
    const files = builder.files(2);
    expect([...files.keys()].sort()).toEqual([
      'words/a.json',
      'words/c.json',
      'words/f.json',
      'words/h.json',
      'words/o.json',
      'words/t.json',
      'words/z.json',
    ]);
    // In both parts: a count; in some: the count and the parts, as a hexadecimal bit mask.
    expect(files.get('words/h.json')).toEqual({ health: 2, healthcare: [1, '1'] });
    expect(files.get('words/z.json')).toEqual({ zeal: [1, '2'], zoe: [1, '2'] });
    expect(readWordsFile(files.get('words/h.json')!)).toEqual([
      { word: 'health', count: 2, parts: undefined },
      { word: 'healthcare', count: 1, parts: 1n },
    ]);
    // Held by more than half the releases (two of three), with their uses: "health" three times.
    expect(builder.common()).toEqual({ health: 3 });
    expect(wordsFile('中国')).toBe('words/u4e2d.json');
    expect(wordsFile('2026')).toBe('words/2.json');
  });

  it('keeps the head apart: its words in a few files of their own, merged back as part 0', () => {
    const [head, middle, oldest] = [['Health and zeal'], ['Health care'], ['Healthcare, health']].map((texts) => {
      const part = new PartVocabulary();
      part.addPage(texts);
      return part.words();
    });
    // The files by first character leave the head out: bit 1 stands for the middle part, bit 2 the oldest.
    const sealed = vocabularyFiles([middle!, oldest!], 1);
    expect(sealed.get('words/h.json')).toEqual({ health: 2, healthcare: [1, '4'] });
    expect(sealed.has('words/z.json')).toBe(false);
    const heads = headFiles(head!);
    expect(heads.size).toBe(4);
    expect(heads.get(headFile('zeal'))).toMatchObject({ zeal: 1 });
    const merged = (word: string) =>
      mergedEntries(readWordsFile(sealed.get(wordsFile(word)) ?? {}), heads.get(headFile(word)), 3).filter((entry) =>
        entry.word.startsWith(word[0]!),
      );
    // "health" is in all three parts now; "healthcare" in the oldest only.
    expect(merged('health')).toEqual([
      { word: 'health', count: 3, parts: undefined },
      { word: 'healthcare', count: 1, parts: 4n },
    ]);
    expect(merged('zeal')).toEqual([{ word: 'zeal', count: 1, parts: 1n }]);
  });
});
