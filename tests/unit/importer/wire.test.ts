import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseFromWire } from '../../../src/importer/sources.ts';
import { WireFormatError, parseWire } from '../../../src/importer/wire.ts';
import { seedParts } from '../../support/corpus.ts';
import { CORPUS_DIR, SEED_FILE } from '../../support/site.ts';

const seedText = await readFile(SEED_FILE, 'utf8');
const seed = await seedParts();

describe('the wire reader on the seed', () => {
  it('takes every part the layout states', () => {
    const wire = parseWire(seedText);
    expect(wire).toEqual({
      organisation: 'NATO - North Atlantic Treaty Organisation',
      date: '2026-01-26',
      documentType: 'Press release',
      distributor: { name: 'Public Technologies (PUBT)', timestamp: '01/26/2026 14:06', notice: seed.notice },
      title: 'Remarks by NATO Secretary General Mark Rutte',
      paragraphs: seed.paragraphs,
    });
  });

  it('makes a release with speaker and role from the title, and no venue it was not given', () => {
    const { data } = releaseFromWire('seed.txt', seedText);
    expect(data).toMatchObject({ speaker: 'Mark Rutte', role: 'NATO Secretary General', type: 'remarks' });
    expect(data.venue).toBeUndefined();
    expect(releaseFromWire('seed.txt', seedText, { venue: 'European Parliament' }).data.venue).toBe(
      'European Parliament',
    );
  });
});

/** Variants of the seed's layout that real wire services produce, each built from the seed. */
const variants: [name: string, text: string][] = [
  [
    'no blank lines between the header lines',
    seedText.replace('Organisation\n\n01/26', 'Organisation\n01/26').replace('14:06\n\nRemarks', '14:06\nRemarks'),
  ],
  [
    'a Disclaimer heading before the notice',
    seedText.replace(/\n\n(NATO - North Atlantic Treaty Organisation published)/, '\n\nDisclaimer\n\n$1'),
  ],
  ['CRLF line ends', seedText.replace(/\n/g, '\r\n')],
  ['a byte-order mark', `\uFEFF${seedText}`],
  ['trailing spaces', seedText.replace(/\n/g, '  \n')],
  ['blank lines before the header', `\n\n${seedText}`],
];

describe('the wire reader on variants of the layout', () => {
  it.each(variants)('reads the seed with %s', (_, text) => {
    const wire = parseWire(text);
    expect(wire.title).toBe(seed.title);
    expect(wire.organisation).toBe(seed.organisation);
    expect(wire.paragraphs).toEqual(seed.paragraphs);
    expect(wire.distributor.notice).toBe(seed.notice);
    expect(wire.distributor.timestamp).toBe('01/26/2026 14:06');
  });

  it('reads a header without a time stamp', () => {
    const wire = parseWire(seedText.replace(' on 01/26/2026 14:06', ''));
    expect(wire.distributor).toEqual({ name: 'Public Technologies (PUBT)', notice: seed.notice });
    expect(wire.date).toBe('2026-01-26');
  });

  it('keeps a time stamp with seconds, AM/PM and a zone as printed', () => {
    const wire = parseWire(seedText.replace('01/26/2026 14:06', '1/26/2026 2:06:07 PM CET'));
    expect(wire.distributor.timestamp).toBe('1/26/2026 2:06:07 PM CET');
  });

  it.each([
    ['Speech', 'speech'],
    ['Statement', 'statement'],
    ['Transcript', 'transcript'],
    ['Interview', 'interview'],
    ['Press briefing', 'press-briefing'],
    ['Op-ed', 'article'],
    ['Newsletter', 'other'],
  ])('reads the document type %s in the middle field', (label, type) => {
    const text = seedText
      .replace('| Press release |', `| ${label} |`)
      .replace('Remarks by NATO Secretary General', 'Words from NATO Secretary General');
    expect(parseWire(text).documentType).toBe(label);
    expect(releaseFromWire('x.txt', text).data.type).toBe(type);
  });

  it('takes the notice as text when there is no notice', () => {
    const withoutNotice = seedText.slice(
      0,
      seedText.lastIndexOf('\n\nNATO - North Atlantic Treaty Organisation published'),
    );
    const wire = parseWire(withoutNotice);
    expect(wire.distributor).toEqual({ name: 'Public', timestamp: '01/26/2026 14:06' });
    expect(wire.paragraphs).toEqual(seed.paragraphs);
  });
});

describe('wire dates', () => {
  it.each([
    ['01/26/2026', '2026-01-26'],
    ['1/6/2016', '2016-01-06'],
    ['09/2015', '2015-09'],
    ['September 2015', '2015-09'],
    ['2015', '2015'],
  ])('reads %s as %s, never adding a day the wire did not give', (field, date) => {
    expect(parseWire(seedText.replace('01/26/2026 | Press release', `${field} | Press release`)).date).toBe(date);
  });

  it.each(['13/2015', 'Septembre 2015', '02/30/2026'])('refuses %s, saying which forms it reads', (field) => {
    expect(() => parseWire(seedText.replace('01/26/2026 | Press release', `${field} | Press release`))).toThrow(
      `impossible date "${field}" in the header (expected MM/DD/YYYY, or MM/YYYY or YYYY when the wire gives no day)`,
    );
  });
});

describe('the wire reader on texts that are not wire releases', () => {
  it.each([
    ['an empty file', '', /no wire header: expected an organisation line/],
    [
      'a plain letter',
      'Dear Sir,\n\nThank you for your letter.\n',
      /no wire header: line 3 should read like "01\/26\/2026 \| Press release \| Distributed by …", not "Thank you for your letter\."/,
    ],
    [
      'an impossible date',
      seedText.replace('01/26/2026 |', '02/30/2026 |'),
      /impossible date "02\/30\/2026" in the header/,
    ],
    ['no title', 'NATO\n01/26/2026 | Press release | Distributed by Public\n', /no title after the header/],
    [
      'no text',
      'NATO\n01/26/2026 | Press release | Distributed by Public\nA title\n\nDisclaimer\n\nNotice.',
      /no text after the title/,
    ],
  ])('refuses %s, saying why', (_, text, message) => {
    expect(() => parseWire(text)).toThrow(WireFormatError);
    expect(() => parseWire(text)).toThrow(message);
  });
});

interface ManifestRow {
  file: string;
  title: string;
  speaker: string;
  organisation: string;
  date: string;
}

/**
 * Where the reader's speaker differs from the manifest's, checked by hand. The manifest follows
 * the American Presidency Project, which attributes White House releases to the President (or
 * the Vice President); the reader takes the speaker the title names, and the organisation when
 * the title names no person (here: only a role), as the import rules say.
 */
const SPEAKER_BY_TITLE: Record<string, { speaker: string; role: string }> = {
  ...Object.fromEntries(
    ['003', '004', '009', '010', '018', '024', '025', '027', '028', '031', '032', '040'].map((n) => [
      n,
      { speaker: 'Ned Price', role: 'NSC Spokesperson' },
    ]),
  ),
  '020': { speaker: 'Ned Price', role: 'National Security Council Spokesperson' },
  '033': { speaker: 'Ned Price', role: 'National Security Council Spokesperson' },
  '008': { speaker: 'The White House', role: 'Press Secretary' },
  '013': { speaker: 'The White House', role: 'Press Secretary' },
  '021': { speaker: 'The White House', role: 'Press Secretary' },
  '014': { speaker: 'The White House', role: 'Vice President' },
  '030': { speaker: 'The White House', role: 'Vice President' },
};

describe('the wire reader on every file of the corpus wire folder', async () => {
  const dir = join(CORPUS_DIR, 'wire');
  const manifest = (await readFile(join(dir, 'manifest.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ManifestRow);
  const files = (await readdir(dir)).filter((file) => file.endsWith('.txt'));

  it('has a manifest row for every file', () => {
    expect(manifest.map((row) => row.file).sort()).toEqual(files.sort());
    expect(files).toHaveLength(40);
  });

  it.each(manifest.map((row) => [row.file, row] as const))('%s', async (file, row) => {
    const text = await readFile(join(dir, file), 'utf8');
    // The speaker the manifest names fills in where the title names nobody, as --speaker would.
    const { data, paragraphs } = releaseFromWire(file, text, { speaker: row.speaker });
    expect(data.title).toBe(row.title);
    expect(data.date).toBe(row.date);
    expect(data.organisation).toBe(row.organisation);
    const byTitle = SPEAKER_BY_TITLE[file.slice(0, 3)];
    expect({ speaker: data.speaker, role: data.role }).toEqual(byTitle ?? { speaker: row.speaker, role: undefined });
    expect(data.distributor?.name).toBe('EXAMPLE-WIRE (synthetic test fixture)');
    expect(data.distributor?.notice).toMatch(
      /^The White House published this content on .* Distributed by EXAMPLE-WIRE/,
    );
    expect(paragraphs.length).toBeGreaterThan(0);
    expect(paragraphs.join('\n')).not.toMatch(/Disclaimer|published this content/);
  });
});
