import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReleaseSource } from '../../../src/model/check-content.ts';
import { latestToday } from '../../../src/model/dates.ts';
import { releaseSchema } from '../../../src/model/schema.ts';
import { ROOT } from '../../support/site.ts';

const BAD = join(ROOT, 'tests/fixtures/bad-releases/releases/2026/01');

const minimal = {
  title: 'First Inaugural Address',
  slug: 'first-inaugural-address',
  date: '1789-04-30',
  type: 'speech',
  speaker: 'George Washington',
};

describe('release schema: good releases', () => {
  it('accepts a minimal release and fills in the language', () => {
    expect(releaseSchema.parse(minimal)).toEqual({ ...minimal, language: 'en' });
  });

  it('accepts every field', () => {
    const full = {
      ...minimal,
      role: 'President of the United States',
      organisation: 'The White House',
      venue: 'Federal Hall, New York',
      source: 'https://millercenter.org/the-presidency/presidential-speeches/april-30-1789-first-inaugural-address',
      language: 'en-US',
      distributor: {
        name: 'Public Technologies (PUBT)',
        timestamp: '01/26/2026 14:06',
        notice: 'Distributed unedited.',
      },
      updates: [{ date: '1789-05-01', note: 'Corrected the name of the hall.' }],
    };
    expect(releaseSchema.parse(full)).toEqual(full);
  });

  it('keeps text exactly as written, spaces and all', () => {
    const data = releaseSchema.parse({ ...minimal, title: '  Remarks <b>{x}</b> & more  ' });
    expect(data.title).toBe('  Remarks <b>{x}</b> & more  ');
  });
});

/** Each bad fixture, and what its message must say: the field and what was expected. */
const cases: [file: string, field: string | undefined, message: RegExp][] = [
  ['2026-01-01-missing-speaker.mdx', 'speaker', /is required \(the person who spoke/],
  [
    '2026-01-02-impossible-date.mdx',
    'date',
    /"2026-02-30" is not a calendar date: expected a real day written YYYY-MM-DD/,
  ],
  [
    '2026-01-03-unknown-type.mdx',
    'type',
    /"podcast" is not a known type: expected one of press-release, speech, remarks/,
  ],
  ['2026-01-04-empty-title.mdx', 'title', /must not be empty \(the title of the release\)/],
  ['2026-01-06-misspelt-field.mdx', 'venu', /not a field a release can have; check the spelling/],
  ['2026-01-07-broken-yaml.mdx', undefined, /frontmatter is not valid YAML: unexpected end of the stream/],
  ['2026-01-08-bad-slug.mdx', 'slug', /expected lower-case ASCII letters and digits joined by single hyphens/],
  [
    '2026-01-09-no-frontmatter.mdx',
    undefined,
    /has no frontmatter: expected the file to start with a line of three dashes/,
  ],
];

describe('release schema: bad releases', () => {
  it.each(cases)('%s names %s and what was expected', async (name, field, message) => {
    const file = join(BAD, name);
    const { data, problems } = checkReleaseSource(file, await readFile(file, 'utf8'));
    expect(data).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports every wrongly typed field of one file', async () => {
    const file = join(BAD, '2026-01-05-wrong-types.mdx');
    const { problems } = checkReleaseSource(file, await readFile(file, 'utf8'));
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['title', 'expected text (the title of the release), got a list; put quotes around it if it is text'],
      ['speaker', expect.stringMatching(/^expected text \(the person who spoke.*\), got the number 42;/)],
      ['venue', 'expected text (where the remarks were delivered), got true; put quotes around it if it is text'],
    ]);
  });

  it('checks updates like every other field: whole days, each with a note, none before the release', () => {
    const problems = (updates: string) =>
      checkReleaseSource(
        'r.mdx',
        `---\ntitle: T\nslug: t\ndate: 2026-02\ntype: statement\nspeaker: S\nupdates:\n${updates}\n---\n\nText.\n`,
      ).problems.map((p) => `${p.field}: ${p.message}`);
    expect(problems('  - date: 2026-02-04\n    note: Corrected the figure for Poland.')).toEqual([]);
    expect(problems('  - date: 2026-02\n    note: A month is not a day.')).toEqual([
      'updates.0.date: "2026-02" is not a day: expected the day of the change written YYYY-MM-DD, e.g. 2026-02-04',
    ]);
    expect(problems('  - date: 2026-02-30\n    note: No such day.')).toEqual([
      'updates.0.date: "2026-02-30" is not a day: expected the day of the change written YYYY-MM-DD, e.g. 2026-02-04',
    ]);
    expect(problems('  - date: 2026-02-04')).toEqual([
      'updates.0.note: is required (what changed, e.g. Corrected the figure for Poland.)',
    ]);
    expect(problems('  - note: When?')).toEqual([
      'updates.0.date: is required (the day of the change, written YYYY-MM-DD, e.g. 2026-02-04)',
    ]);
    expect(problems('  - date: 2026-02-04\n    note: Fine.\n  - date: 2026-01-31\n    note: Too early.')).toEqual([
      "updates.1.date: 2026-01-31 is before the release's date, 2026-02",
    ]);
    expect(problems('  Corrected.')).toEqual([
      'updates: expected a list of changes, each a date and a note (- date: 2026-02-04 / note: Corrected …)',
    ]);
    expect(problems('  - 2026-02-04')).toEqual([
      'updates.0: expected a change with a date and a note, e.g. - date: 2026-02-04 / note: Corrected the figure for Poland.',
    ]);
    expect(problems('  - date: 2026-02-04\n    note: X\n    by: Y')).toEqual([
      expect.stringMatching(/^updates\.0\.by: not a field/),
    ]);
  });

  it('refuses an update dated after the day of the build, wherever on Earth its editor is', () => {
    const source = (date: string) =>
      `---\ntitle: T\nslug: t\ndate: 2026-02-04\ntype: statement\nspeaker: S\nupdates:\n  - date: ${date}\n    note: A change.\n---\n\nText.\n`;
    const problems = (date: string, today: string) =>
      checkReleaseSource('r.mdx', source(date), today).problems.map((p) => `${p.field}: ${p.message}`);
    expect(problems('2026-03-01', '2026-03-01')).toEqual([]);
    expect(problems('2099-12-31', '2026-03-01')).toEqual([
      'updates.0.date: 2099-12-31 is after the day of the build, 2026-03-01: a change is dated the day it was made',
    ]);
    // Late on 1 March in London it is already 2 March in Kiribati (UTC+14).
    expect(latestToday(new Date('2026-03-01T23:00:00Z'))).toBe('2026-03-02');
    expect(latestToday(new Date('2026-03-01T09:00:00Z'))).toBe('2026-03-01');
    expect(checkReleaseSource('r.mdx', source('2099-12-31')).problems).toHaveLength(1);
  });

  it('refuses names with characters a reader cannot see, which make one name look like another', () => {
    const parsed = releaseSchema.safeParse({ ...minimal, speaker: 'Mark \u202Eettur', venue: 'Hall\u200B' });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'speaker',
        '"Mark \\u202eettur" holds characters a reader cannot see (control or right-to-left marks), which can make one name look like another: remove them',
      ],
      [
        'venue',
        '"Hall\\u200b" holds characters a reader cannot see (control or right-to-left marks), which can make one name look like another: remove them',
      ],
    ]);
    expect(releaseSchema.safeParse({ ...minimal, speaker: 'محمود عباس', venue: 'Salle 🇪🇺' }).success).toBe(true);
  });

  it('rejects a source that is not a URL and a distributor without a name', () => {
    const result = releaseSchema.safeParse({ ...minimal, source: 'nato.int', distributor: { timestamp: 'x' } });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['source', 'expected an absolute URL such as https://www.nato.int/…']);
    expect(issues).toContainEqual([
      'distributor.name',
      'is required (the name of the wire service or office that distributed the release)',
    ]);
  });
});
