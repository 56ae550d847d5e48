import { describe, expect, it } from 'vitest';
import { ImportError, releaseFromRecord, releasesFromJsonLines } from '../../../src/importer/sources.ts';
import { planImport, type ExistingRelease, type Step } from '../../../src/importer/plan.ts';
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
    [{ date: '' }, 'no date: expected a "date" field written YYYY-MM-DD (or YYYY-MM, or YYYY)'],
    [
      { date: '2016-02-30' },
      'impossible date "2016-02-30": expected a real day written YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY)',
    ],
    [
      { date: '14/12/2016' },
      'impossible date "14/12/2016": expected a real day written YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY)',
    ],
    [{ date: '2016-12-14', date_precision: 'week' }, 'date_precision: expected day, month or year, got "week"'],
    [{ date: '2016', date_precision: 'day' }, 'date_precision: "day", but the date "2016" gives no day'],
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
      {
        origin: 'speeches.jsonl:5',
        reason:
          'impossible date "2016-13-01": expected a real day written YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY)',
      },
    ]);
  });

  it('recognise a file that holds no releases, such as a manifest', () => {
    const manifest = JSON.stringify({ file: '001.txt', title: 'T', speaker: 'S', date: '2016-01-06' });
    expect(releasesFromJsonLines('manifest.jsonl', `${manifest}\n${manifest}\n`)).toEqual({
      candidates: [],
      failures: [],
      notReleases: 'no line has a "text" field, so it holds no releases',
      ignored: [],
    });
  });

  it('tell once per file which fields they leave out, and on how many lines', () => {
    const line = (extra: object) => JSON.stringify({ ...record, ...extra });
    const source = [line({ translation_key: 'a', topics: ['x'] }), line({ topics: [] }), line({})].join('\n');
    expect(releasesFromJsonLines('topics.jsonl', source).ignored).toEqual([
      ['pd_basis', 3],
      ['topics', 2],
      ['translation_key', 1],
    ]);
  });
});

describe('planning an import', () => {
  const plan = (...args: Parameters<typeof planImport>) => planImport(...args).steps;
  const candidate = (title: string, text: string, source?: string) =>
    releaseFromRecord('x', { ...record, title, text, source_url: source ?? '' });

  function existingFrom(steps: Step[]): ExistingRelease[] {
    return steps.flatMap((step) =>
      step.kind === 'create'
        ? [{ path: step.path, source: step.content, data: releaseSchema.parse(readReleaseSource(step.content).data) }]
        : [],
    );
  }

  it('gives releases with the same date and title distinct slugs, in input order', () => {
    const steps = plan(
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
    const steps = plan([candidate(long, 'One.'), candidate(long, 'Two.', 'https://example.org/2')], []);
    const slugs = steps.map((s) => s.path.split('/').at(-1)!.slice(11, -4));
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs.every((slug) => slug.length <= 80)).toBe(true);
  });

  it('changes nothing the second time, reports a changed input, and overwrites it when forced', () => {
    const first = plan([candidate('Remarks', 'Text.', 'https://example.org/1')], []);
    const existing = existingFrom(first);
    expect(plan([candidate('Remarks', 'Text.', 'https://example.org/1')], existing).map((s) => s.kind)).toEqual([
      'unchanged',
    ]);
    const changed = [candidate('Remarks', 'Text, corrected.', 'https://example.org/1')];
    const conflict = plan(changed, existing);
    expect(conflict).toMatchObject([
      {
        kind: 'conflict',
        path: first[0]!.path,
        reason: 'the input differs from the release already in the archive; use --force to overwrite it',
      },
    ]);
    expect(plan(changed, existing, { force: true })).toMatchObject([{ kind: 'update', path: first[0]!.path }]);
  });

  it('does not take a slug an existing release holds', () => {
    const existing = existingFrom(plan([candidate('Remarks', 'Old.', 'https://example.org/old')], []));
    expect(plan([candidate('Remarks', 'New.', 'https://example.org/new')], existing)[0]!.path).toBe(
      'releases/2016/12/2016-12-14-remarks-2.mdx',
    );
  });
});

describe('one release from many sources', () => {
  const plan = (...args: Parameters<typeof planImport>) => planImport(...args);
  const fromRecord = (changes: Record<string, string>, origin = 'c.jsonl:1') =>
    releaseFromRecord(origin, { ...record, ...changes });

  it('imports 200 records that all cite one DOI as 200 releases, with one note for the DOI', () => {
    const doi = 'https://doi.org/10.7910/DVN/0TJX8Y';
    const candidates = Array.from({ length: 200 }, (_, i) =>
      fromRecord(
        { title: `General Debate ${i}`, date: `${1900 + i}-09-20`, text: `Speech number ${i}.`, source_url: doi },
        `un.jsonl:${i + 1}`,
      ),
    );
    const { steps, sharedSources } = plan(candidates, []);
    expect(steps.map((step) => step.kind)).toEqual(Array(200).fill('create'));
    expect(new Set(steps.map((step) => step.path)).size).toBe(200);
    expect([...sharedSources]).toEqual([[doi, 200]]);
    // Imported again, each is known by date, title and speaker: nothing changes.
    const existing = steps.map((step) => ({
      path: step.path,
      source: (step as { content: string }).content,
      data: releaseSchema.parse(readReleaseSource((step as { content: string }).content).data),
    }));
    expect(plan(candidates, existing).steps.map((step) => step.kind)).toEqual(Array(200).fill('unchanged'));
  });

  it('still knows a release by its own source address, and reports a changed one as a conflict', () => {
    const first = plan([fromRecord({ text: 'One.' })], []).steps;
    const existing = first.map((step) => ({
      path: step.path,
      source: (step as { content: string }).content,
      data: releaseSchema.parse(readReleaseSource((step as { content: string }).content).data),
    }));
    expect(plan([fromRecord({ text: 'One, corrected.' })], existing).steps.map((step) => step.kind)).toEqual([
      'conflict',
    ]);
  });

  it("merges a wire copy into the collection's record of it: one page, the title without the prefix, the person as speaker", () => {
    const collection = fromRecord({
      title: 'Press Release - Readout of the President’s Call',
      text: 'The President spoke with the Prime Minister — “a good call.”\nThey agreed.',
      source_url: 'https://example.org/pid=1',
    });
    const wire = releaseFromRecord('wire.txt', {
      title: 'Readout of the President’s Call',
      speaker: '',
      organisation: 'The White House',
      date: '2016-12-14',
      text: 'The President  spoke with the Prime Minister -- "a good call."\n\nThey agreed.',
    });
    const { steps } = plan([collection, wire], []);
    expect(steps.map((step) => step.kind)).toEqual(['create', 'merged']);
    const [create, merged] = steps as [Step & { content: string }, Step & { notes: string[] }];
    expect(merged.path).toBe(create.path);
    expect(create.path).toBe('releases/2016/12/2016-12-14-readout-of-the-presidents-call.mdx');
    const { data } = readReleaseSource(create.content) as { data: Record<string, string> };
    expect(data).toMatchObject({
      title: 'Readout of the President’s Call',
      speaker: 'Barack Obama',
      organisation: 'The White House',
      source: 'https://example.org/pid=1',
    });
    expect(merged.notes).toEqual([
      'the same text as c.jsonl:1',
      'kept the title "Readout of the President’s Call" over "Press Release - Readout of the President’s Call"',
      'kept the speaker "Barack Obama" over "The White House"',
    ]);
    // The collection's text stands, as the collection wrote it.
    expect(create.content).toContain('The President spoke with the Prime Minister — “a good call.”');
  });

  it('merges into a release already in the archive, filling what it lacks, or leaves it unchanged', () => {
    const first = plan([fromRecord({ text: 'Words.', source_url: '' })], []).steps[0] as Step & { content: string };
    const existing = [
      { path: first.path, source: first.content, data: releaseSchema.parse(readReleaseSource(first.content).data) },
    ];
    const again = plan([fromRecord({ text: 'Words.', source_url: '', title: 'Another title' })], existing).steps;
    expect(again).toMatchObject([
      {
        kind: 'unchanged',
        notes: [
          'the same text as ' + first.path,
          'kept the title "Remarks at a Hanukkah Reception" over "Another title"',
        ],
      },
    ]);
    const filled = plan(
      [fromRecord({ text: 'Words.', venue: 'East Room', source_url: 'https://example.org/2' })],
      existing,
    ).steps;
    expect(filled).toMatchObject([{ kind: 'merged', path: first.path }]);
    const { data } = readReleaseSource((filled[0] as { content: string }).content) as { data: Record<string, string> };
    expect(data).toMatchObject({
      venue: 'East Room',
      source: 'https://example.org/2',
      slug: 'remarks-at-a-hanukkah-reception',
    });
  });

  it('keeps a speaker the title names over one it does not', () => {
    const collection = fromRecord({ title: 'Statement by NSC Spokesperson Ned Price on Cuba', text: 'Text.' });
    const wire = fromRecord(
      { title: 'Statement by NSC Spokesperson Ned Price on Cuba', speaker: 'Ned Price', text: 'Text.', source_url: '' },
      'w.txt',
    );
    const { steps } = plan([collection, wire], []);
    expect((steps[1] as { notes: string[] }).notes).toContain('kept the speaker "Ned Price" over "Barack Obama"');
  });

  it('does not merge texts of different dates, nor different texts of one date', () => {
    const a = fromRecord({ text: 'Same words.', source_url: '' });
    const b = fromRecord({ text: 'Same words.', source_url: '', date: '2016-12-15' });
    const c = fromRecord({ text: 'Other words.', source_url: '', title: 'Other' });
    expect(plan([a, b, c], []).steps.map((step) => step.kind)).toEqual(['create', 'create', 'create']);
  });
});

describe('rights', () => {
  it('keeps a licence or license field as the release’s licence', () => {
    expect(releaseFromRecord('x', { ...record, licence: 'Public domain' }).data.licence).toBe('Public domain');
    expect(releaseFromRecord('x', { ...record, license: 'CC BY 4.0' }).data.licence).toBe('CC BY 4.0');
    expect(() => releaseFromRecord('x', { ...record, license: 4 })).toThrow('license: expected text, got the number 4');
  });
});

describe('dates as precise as the source', () => {
  it('takes a year or a month from JSON Lines, or cuts a full date to its date_precision, and files it so', () => {
    expect(releaseFromRecord('x', { ...record, date: '2015' }).data.date).toBe('2015');
    expect(releaseFromRecord('x', { ...record, date: '2015-09' }).data.date).toBe('2015-09');
    expect(releaseFromRecord('x', { ...record, date: '2015-09-01', date_precision: 'month' }).data.date).toBe(
      '2015-09',
    );
    expect(releaseFromRecord('x', { ...record, date: '2015-09-01', date_precision: 'year' }).data.date).toBe('2015');
    const steps = planImport(
      [
        releaseFromRecord('x', { ...record, date: '2015' }),
        releaseFromRecord('y', { ...record, date: '2015-09', text: 'Other.' }),
      ],
      [],
    ).steps;
    expect(steps.map((step) => step.path)).toEqual([
      'releases/2015/2015-remarks-at-a-hanukkah-reception.mdx',
      'releases/2015/09/2015-09-remarks-at-a-hanukkah-reception.mdx',
    ]);
  });
});
