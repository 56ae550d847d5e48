import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSortKey, looksLikeOrganisation } from '../../../src/model/name-forms.ts';
import { Names, namesSchema, readNames } from '../../../src/model/names.ts';
import { tempDir } from '../../support/site.ts';

const names = new Names(
  namesSchema.parse({
    speakers: [
      { name: 'Barack Obama', variants: ['President Obama'], sort: 'Obama, Barack' },
      { name: 'Ned Price', kind: 'person' },
      { name: 'Office of the Press Secretary', kind: 'organisation' },
    ],
    organisations: [{ name: 'The White House', variants: ['White House', 'the White House'] }],
    venues: [
      {
        name: 'James S. Brady Press Briefing Room',
        variants: ['James S. Brady Briefing Room', 'James Brady S. Briefing Room'],
      },
    ],
  }),
);

describe('names as authority data', () => {
  it('gives every variant its canonical name, per field, and leaves unknown names as written', () => {
    expect(names.canonical('venue', 'James Brady S. Briefing Room')).toBe('James S. Brady Press Briefing Room');
    expect(names.canonical('organisation', 'White House')).toBe('The White House');
    expect(names.canonical('speaker', 'President Obama')).toBe('Barack Obama');
    expect(names.canonical('speaker', 'White House')).toBe('White House');
    expect(names.canonical('venue', 'East Room')).toBe('East Room');
  });

  it('sorts by the given key, else without courtesy titles and a leading "The"', () => {
    expect(names.sortKey('speaker', 'Barack Obama')).toBe('Obama, Barack');
    expect(names.sortKey('speaker', 'Mr. Abdullah Abdullah')).toBe('Abdullah Abdullah');
    expect(
      ['Mr. Abdullah Abdullah', 'H.E. Ashraf Ghani', 'Dr. Jill Biden', 'Sir Keir Starmer', 'The White House'].map(
        defaultSortKey,
      ),
    ).toEqual(['Abdullah Abdullah', 'Ashraf Ghani', 'Jill Biden', 'Keir Starmer', 'White House']);
  });

  it('tells an organisation from a person: as the file says, else as the name reads', () => {
    expect(names.isOrganisation('Office of the Press Secretary')).toBe(true);
    expect(names.isOrganisation('The White House')).toBe(true);
    expect(names.isOrganisation('Ned Price')).toBe(false);
    expect(looksLikeOrganisation('U.S. Department of Health and Human Services')).toBe(true);
    expect(looksLikeOrganisation('NATO')).toBe(true);
    expect(looksLikeOrganisation('Sam Houston')).toBe(false);
    expect(looksLikeOrganisation('Ursula von der Leyen')).toBe(false);
  });
});

describe('reading names.yaml', () => {
  it('needs none', async () => {
    expect(await readNames(await tempDir('no-names'))).toEqual({
      data: { speakers: [], organisations: [], venues: [] },
      problems: [],
    });
  });

  it('names the file and field of every problem, including a spelling that means two entities', async () => {
    const dir = await tempDir('names');
    await writeFile(
      join(dir, 'names.yaml'),
      'speakers:\n  - name: A. Speaker\n    variants: [Speaker]\n  - name: B. Speaker\n    variants: [Speaker]\nvenues:\n  - name: 12\n  - name: Hall\n    kind: building\n',
    );
    const { problems } = await readNames(dir);
    expect(problems).toEqual([
      {
        file: join(dir, 'names.yaml'),
        field: 'venues.0.name',
        message: 'expected text (the name the archive shows), got the number 12',
      },
      { file: join(dir, 'names.yaml'), field: 'venues.1.kind', message: 'expected person or organisation' },
    ]);
    await writeFile(
      join(dir, 'names.yaml'),
      'speakers:\n  - name: A. Speaker\n    variants: [Speaker]\n  - name: B. Speaker\n    variants: [Speaker]\n',
    );
    expect((await readNames(dir)).problems).toEqual([
      {
        file: join(dir, 'names.yaml'),
        field: 'speakers.1.variants.0',
        message: '"Speaker" is already a spelling of "A. Speaker": a spelling can mean only one speaker',
      },
    ]);
    await writeFile(join(dir, 'names.yaml'), 'speakers: [\n');
    expect((await readNames(dir)).problems[0]?.message).toMatch(/^is not valid YAML: /);
  });

  it('refuses two entries of one name, names with hidden characters, and YAML anchors, at the first anchor', async () => {
    const dir = await tempDir('names-strict');
    const file = join(dir, 'names.yaml');
    await writeFile(
      file,
      'speakers:\n  - name: John Smith\n  - name: Mark Rutte\n  - name: John Smith\n    sort: Smith\n',
    );
    expect((await readNames(dir)).problems).toEqual([
      {
        file,
        field: 'speakers.2.name',
        message:
          '"John Smith" is already the name of speakers.0: two entries of one name would be shown as one speaker; merge them, or tell them apart by name',
      },
    ]);
    await writeFile(file, 'speakers:\n  - name: "Mark \\u202Eettur"\n');
    expect((await readNames(dir)).problems).toEqual([
      {
        file,
        field: 'speakers.0.name',
        message:
          '"Mark \\u202eettur" holds characters a reader cannot see (control or right-to-left marks), which can make one name look like another: remove them',
      },
    ]);
    await writeFile(file, 'speakers:\n  - &a { name: A }\n  - *a\n');
    expect((await readNames(dir)).problems).toEqual([
      {
        file,
        message:
          'is not valid YAML: line 2: holds the anchor &a: anchors and aliases (&name, *name) are not read; write each value out',
      },
    ]);
  });

  it('looks up any name, those of Object.prototype and of other scripts included', () => {
    const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '🇪🇺 Union', 'محمد عباس'];
    const authority = new Names(
      namesSchema.parse({ speakers: odd.map((name, i) => ({ name, variants: [`v${i}`], sort: `key ${i}` })) }),
    );
    for (const [i, name] of odd.entries()) {
      expect(authority.canonical('speaker', `v${i}`)).toBe(name);
      expect(authority.sortKey('speaker', name)).toBe(`key ${i}`);
      expect(authority.sortKeys().get(name)).toBe(`key ${i}`);
      expect(authority.isOrganisation(name)).toBe(name === '🇪🇺 Union');
    }
    expect(new Names().sortKey('speaker', 'constructor')).toBe('constructor');
    expect(new Names().sortKeys().get('constructor')).toBeUndefined();
  });
});
