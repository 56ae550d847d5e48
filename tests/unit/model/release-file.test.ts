import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseFilePath } from '../../../src/model/permalink.ts';
import {
  escapeMdxText,
  readReleaseSource,
  serializeFrontmatter,
  serializeRelease,
} from '../../../src/model/release-file.ts';
import { releaseSchema, type ReleaseInput } from '../../../src/model/schema.ts';
import { seedParts } from '../../support/corpus.ts';
import { ROOT } from '../../support/site.ts';

const seedData: ReleaseInput = {
  title: 'Remarks by NATO Secretary General Mark Rutte',
  slug: 'remarks-by-nato-secretary-general-mark-rutte',
  date: '2026-01-26',
  type: 'remarks',
  speaker: 'Mark Rutte',
  role: 'NATO Secretary General',
  organisation: 'NATO - North Atlantic Treaty Organisation',
  venue: 'European Parliament',
  distributor: { name: 'Public Technologies (PUBT)', timestamp: '01/26/2026 14:06', notice: '' },
};

describe('release files', () => {
  it('write frontmatter that reads back exactly, whatever the characters', () => {
    const data: ReleaseInput = {
      ...seedData,
      title: 'Quotes " and \\ backslashes, colons: # hashes, {braces} and <tags>',
      venue: "L'Hémicycle — «Strasbourg» \u00a0 🇪🇺",
      distributor: { name: 'Wire: "X"', notice: 'line one\nline two' },
      updates: [
        { date: '2026-02-04', note: 'Corrected: "4" is "6"' },
        { date: '2026-02-05', note: 'Added a photo.' },
      ],
    };
    const { data: back } = readReleaseSource(serializeFrontmatter(data));
    expect(releaseSchema.parse(back)).toEqual(releaseSchema.parse(data));
  });

  it('escape Markdown, HTML, JSX and ESM syntax in text', () => {
    expect(escapeMdxText('a *b* _c_ `d` {e} <f> # g | h ~ i & j [k] \\ l')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\{e\\} \\<f\\> \\# g \\| h \\~ i \\& j \\[k\\] \\\\ l',
    );
    expect(escapeMdxText('1. Not a list')).toBe('1\\. Not a list');
    expect(escapeMdxText('1984) Not a list either')).toBe('1984\\) Not a list either');
    expect(escapeMdxText('- not a bullet')).toBe('\\- not a bullet');
    expect(escapeMdxText('import x from "y"')).toBe('&#x69;mport x from "y"');
    expect(escapeMdxText('export const a = 1')).toBe('&#x65;xport const a = 1');
    expect(escapeMdxText('Thank you. It is 5 per cent')).toBe('Thank you. It is 5 per cent');
  });

  it('hold the seed release word for word, as the schema wants it', async () => {
    const seed = await seedParts();
    const file = join(ROOT, 'content', releaseFilePath(seedData));
    const source = await readFile(file, 'utf8');
    const expected = serializeRelease(
      {
        ...seedData,
        title: seed.title,
        organisation: seed.organisation,
        distributor: { ...seedData.distributor!, notice: seed.notice },
      },
      seed.paragraphs,
    );
    expect(source).toBe(expected);
    const { data, body } = readReleaseSource(source);
    expect(releaseSchema.parse(data).distributor?.notice).toBe(seed.notice);
    // The seed's body needs no escaping, so the file's paragraphs are the seed's own.
    expect(body.trim().split('\n\n')).toEqual(seed.paragraphs);
    expect(body).toContain('with thay division of labour');
  });
});
