import { describe, expect, it } from 'vitest';
import { ImportError, releaseFromRecord, releasesFromJsonLines } from '../../../src/importer/sources.ts';
import { planImport, type ExistingRelease } from '../../../src/importer/plan.ts';
import { MAX_PARAGRAPH_CHARACTERS, MAX_RELEASE_BYTES, readReleaseSource } from '../../../src/model/release-file.ts';
import { releaseSchema } from '../../../src/model/schema.ts';

const record = {
  title: 'Remarks at a Hanukkah Reception',
  speaker: 'Barack Obama',
  date: '2016-12-14',
  venue: '',
  text: 'THE PRESIDENT: Hello, everybody!\nHappy Hanukkah.',
  source_url: 'http://www.presidency.ucsb.edu/ws/index.php?pid=119784',
  category: '',
  pd_basis: 'US government work',
};

describe('JSON Lines records', () => {
  it('become releases, one paragraph a line, fields mapped to the schema', () => {
    const { data, paragraphs } = releaseFromRecord('w.jsonl:1', record);
    expect(data).toEqual({
      title: 'Remarks at a Hanukkah Reception',
      date: '2016-12-14',
      type: 'remarks',
      speaker: 'Barack Obama',
      source: 'http://www.presidency.ucsb.edu/ws/index.php?pid=119784',
    });
    expect(paragraphs).toEqual(['THE PRESIDENT: Hello, everybody!', 'Happy Hanukkah.']);
  });

  it('take what the command line supplies only where the record is silent', () => {
    const { data } = releaseFromRecord(
      'x',
      { ...record, venue: 'East Room' },
      { venue: 'Elsewhere', organisation: 'The White House', role: 'President of the United States', type: 'speech' },
    );
    expect(data).toMatchObject({
      venue: 'East Room',
      organisation: 'The White House',
      role: 'President of the United States',
      type: 'remarks',
    });
  });

  it('get a title from their first words when they have none, and say so', () => {
    const { data, notes } = releaseFromRecord('m.jsonl:954', { ...record, title: '' });
    expect(data.title).toBe('THE PRESIDENT: Hello, everybody! Happy Hanukkah.');
    expect(notes).toEqual([
      'no title: titled from its first words, "THE PRESIDENT: Hello, everybody! Happy Hanukkah."',
    ]);
  });

  it('keep a date note as the editor’s note', () => {
    expect(releaseFromRecord('x', { ...record, date_note: 'Re-dated from the source.' }).data.note).toBe(
      'Re-dated from the source.',
    );
  });

  it.each([
    [{ text: '' }, 'no text: expected a non-empty "text" field'],
    [{ date: '' }, 'no date: expected a "date" field written YYYY-MM-DD'],
    [{ date: '2016-02-30' }, 'impossible date "2016-02-30": expected a real day written YYYY-MM-DD'],
    [{ date: '14/12/2016' }, 'impossible date "14/12/2016": expected a real day written YYYY-MM-DD'],
    [{ text: 'a\u0000b' }, 'contains a NUL character (U+0000) at offset 1, which no web page can show'],
    [{ text: 'a\uD800b' }, 'contains a lone surrogate (U+D800) at offset 1, which is not a character'],
    [{ source_url: 'not a url' }, 'source: expected an absolute URL such as https://www.nato.int/…'],
    [{ speaker: '' }, 'no speaker: the record names none; give one with --speaker or --organisation'],
  ])('refuse %o, saying why', (change, message) => {
    expect(() => releaseFromRecord('x', { ...record, ...change })).toThrow(ImportError);
    expect(() => releaseFromRecord('x', { ...record, ...change })).toThrow(message);
  });
});

describe('the sizes the archive builds', () => {
  it('refuses a paragraph longer than the archive renders in good time, and a release file over the size limit', () => {
    const record = { title: 'Long', speaker: 'A. Speaker', date: '2020-05-01', venue: '', source_url: '' };
    const word = 'word ';
    expect(() =>
      releaseFromRecord('long.jsonl:1', { ...record, text: word.repeat(MAX_PARAGRAPH_CHARACTERS / word.length) }),
    ).not.toThrow();
    expect(() =>
      releaseFromRecord('long.jsonl:1', {
        ...record,
        text: `${word.repeat(MAX_PARAGRAPH_CHARACTERS / word.length)}more`,
      }),
    ).toThrow(
      new ImportError(
        'has a paragraph of 2,000,004 characters: the archive takes paragraphs of at most 2,000,000 characters (break the text into paragraphs)',
      ),
    );
    const paragraph = `${'x'.repeat(999)}\n`;
    const text = paragraph.repeat(MAX_RELEASE_BYTES / paragraph.length + 1);
    expect(() => releaseFromRecord('big.jsonl:1', { ...record, text })).toThrow(
      /^is 64\.1 MiB as a release file: the archive takes releases of at most 64 MiB$/,
    );
  });
});

describe('JSON Lines files', () => {
  it('report each bad line with its number and import the rest', () => {
    const file = [
      JSON.stringify(record),
      '{"title": broken',
      '',
      '[1, 2]',
      JSON.stringify({ ...record, date: '2016-13-01' }),
    ].join('\n');
    const result = releasesFromJsonLines('speeches.jsonl', file);
    expect(result.candidates.map((c) => c.origin)).toEqual(['speeches.jsonl:1']);
    expect(result.failures).toEqual([
      { origin: 'speeches.jsonl:2', reason: expect.stringMatching(/^not valid JSON: /) },
      {
        origin: 'speeches.jsonl:4',
        reason: 'expected a JSON object with title, speaker, date, venue, text and source_url',
      },
      { origin: 'speeches.jsonl:5', reason: 'impossible date "2016-13-01": expected a real day written YYYY-MM-DD' },
    ]);
  });

  it('recognise a file that holds no releases, such as a manifest', () => {
    const manifest = JSON.stringify({ file: '001.txt', title: 'T', speaker: 'S', date: '2016-01-06' });
    expect(releasesFromJsonLines('manifest.jsonl', `${manifest}\n${manifest}\n`)).toEqual({
      candidates: [],
      failures: [],
      notReleases: 'no line has a "text" field, so it holds no releases',
    });
  });
});

describe('planning an import', () => {
  const candidate = (title: string, text: string, source?: string) =>
    releaseFromRecord('x', { ...record, title, text, source_url: source ?? '' });

  function existingFrom(steps: ReturnType<typeof planImport>): ExistingRelease[] {
    return steps.flatMap((step) =>
      step.kind === 'create'
        ? [{ path: step.path, source: step.content, data: releaseSchema.parse(readReleaseSource(step.content).data) }]
        : [],
    );
  }

  it('gives releases with the same date and title distinct slugs, in input order', () => {
    const steps = planImport(
      [
        candidate('Press Briefing', 'One.'),
        candidate('Press Briefing', 'Two.', 'https://example.org/2'),
        candidate('Press Briefing', 'Three.', 'https://example.org/3'),
      ],
      [],
    );
    expect(steps.map((s) => s.path)).toEqual([
      'releases/2016/12/2016-12-14-press-briefing.mdx',
      'releases/2016/12/2016-12-14-press-briefing-2.mdx',
      'releases/2016/12/2016-12-14-press-briefing-3.mdx',
    ]);
  });

  it('keeps slugs within the length limit when it numbers them', () => {
    const long = 'Word '.repeat(30);
    const steps = planImport([candidate(long, 'One.'), candidate(long, 'Two.', 'https://example.org/2')], []);
    const slugs = steps.map((s) => s.path.split('/').at(-1)!.slice(11, -4));
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs.every((slug) => slug.length <= 80)).toBe(true);
  });

  it('changes nothing the second time, reports a changed input, and overwrites it when forced', () => {
    const first = planImport([candidate('Remarks', 'Text.', 'https://example.org/1')], []);
    const existing = existingFrom(first);
    expect(planImport([candidate('Remarks', 'Text.', 'https://example.org/1')], existing).map((s) => s.kind)).toEqual([
      'unchanged',
    ]);
    const changed = [candidate('Remarks', 'Text, corrected.', 'https://example.org/1')];
    const conflict = planImport(changed, existing);
    expect(conflict).toMatchObject([
      {
        kind: 'conflict',
        path: first[0]!.path,
        reason: 'the input differs from the release already in the archive; use --force to overwrite it',
      },
    ]);
    expect(planImport(changed, existing, { force: true })).toMatchObject([{ kind: 'update', path: first[0]!.path }]);
  });

  it('does not take a slug an existing release holds', () => {
    const existing = existingFrom(planImport([candidate('Remarks', 'Old.', 'https://example.org/old')], []));
    expect(planImport([candidate('Remarks', 'New.', 'https://example.org/new')], existing)[0]!.path).toBe(
      'releases/2016/12/2016-12-14-remarks-2.mdx',
    );
  });
});
