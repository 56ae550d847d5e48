import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkContent } from '../../src/model/check-content.ts';
import { releasePath } from '../../src/model/permalink.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedParts } from '../support/corpus.ts';
import { attribute, findAll, parseHtml, releaseParagraphs, textOf } from '../support/html.ts';
import { filterValues, indexedTexts } from '../support/search-index.ts';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

const PERMALINK = 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

describe('the seed release, built from content/ in Tokyo time', () => {
  let out: string;
  let html: string;

  beforeAll(async () => {
    out = join(await tempDir('seed'), 'dist');
    await buildOrThrow({ outDir: out, env: { TZ: 'Asia/Tokyo' } });
    html = await readFile(join(out, PERMALINK, 'index.html'), 'utf8');
  });

  it('is published at its permalink with its remarks paragraph for paragraph, word for word', async () => {
    const seed = await seedParts();
    expect(releaseParagraphs(html)).toEqual(seed.paragraphs);
    expect(releaseParagraphs(html).join('\n')).toContain('with thay division of labour');
  });

  it('shows the distributor notice apart from the remarks', async () => {
    const seed = await seedParts();
    const document = parseHtml(html);
    const [notice] = findAll(document, (e) => e.tagName === 'aside');
    expect(notice && textOf(notice)).toContain(seed.notice);
    expect(releaseParagraphs(html)).not.toContain(seed.notice);
  });

  it('states speaker, role, organisation, date, venue, type and distributor', async () => {
    const document = parseHtml(html);
    const facts = Object.fromEntries(
      findAll(document, (e) => e.tagName === 'div' && findAll(e, (d) => d.tagName === 'dt').length === 1).map((div) => [
        textOf(findAll(div, (e) => e.tagName === 'dt')[0]!),
        textOf(findAll(div, (e) => e.tagName === 'dd')[0]!)
          .replace(/\s+/g, ' ')
          .trim(),
      ]),
    );
    expect(facts).toEqual({
      Speaker: 'Mark Rutte, NATO Secretary General',
      Date: '26 January 2026',
      Venue: 'European Parliament',
    });
    // The organisation heads the page beside the type; the distributor is in the line on provenance.
    const [kicker] = findAll(document, (e) => attribute(e, 'class')?.split(' ').includes('kicker') === true);
    expect(kicker && textOf(kicker).replace(/\s+/g, ' ').trim()).toBe(
      'Remarks · NATO - North Atlantic Treaty Organisation',
    );
    const [provenance] = findAll(document, (e) => attribute(e, 'class')?.split(' ').includes('provenance') === true);
    expect(provenance && textOf(provenance).replace(/\s+/g, ' ').trim()).toBe(
      'Distributed by Public Technologies (PUBT), 01/26/2026 14:06',
    );
    const [time] = findAll(document, (e) => e.tagName === 'time');
    expect(time && attribute(time, 'datetime')).toBe('2026-01-26');
    const [h1] = findAll(document, (e) => e.tagName === 'h1');
    expect(h1 && textOf(h1)).toBe('Remarks by NATO Secretary General Mark Rutte');
    // Search filters by each of these, and by the date as far as it is known.
    const filters: Record<string, string[]> = {};
    for (const name of ['type', 'organisation', 'speaker', 'year', 'month', 'day', 'venue']) {
      filters[name] = [...(await filterValues(out, name))];
    }
    expect(filters).toEqual({
      type: ['Remarks'],
      organisation: ['NATO - North Atlantic Treaty Organisation'],
      speaker: ['Mark Rutte'],
      year: ['2026'],
      month: ['2026-01'],
      day: ['2026-01-26'],
      venue: ['European Parliament'],
    });
  });

  it('is linked from the home page and the archive, and indexed for search', async () => {
    for (const page of ['index.html', 'archive/index.html']) {
      expect(await readFile(join(out, page), 'utf8')).toContain(`href="/${PERMALINK}"`);
    }
    const texts = await indexedTexts(out);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Thank you. Thank you so much, both of you');
  });

  it('keeps every published permalink resolving, to its release or through a redirect, and lists every release of content/', async () => {
    const listed = (await readFile(join(ROOT, 'tests/fixtures/published-permalinks.txt'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('/'));
    for (const permalink of listed) {
      expect(
        existsSync(join(out, permalink, 'index.html')),
        `${permalink} no longer resolves: add it to content/redirects.json`,
      ).toBe(true);
    }
    const { releases } = await checkContent(join(ROOT, 'content/releases'));
    for (const data of releases.values()) {
      expect(listed, `add /${releasePath(data)} to tests/fixtures/published-permalinks.txt`).toContain(
        `/${releasePath(data)}`,
      );
    }
  });
});
