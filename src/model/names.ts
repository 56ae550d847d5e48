/**
 * Names as authority data. An archive gathered from many sources spells one speaker, organisation
 * or venue several ways ("James S. Brady Press Briefing Room", "James S. Brady Briefing Room");
 * its `names.yaml` maps such variants to one canonical name, with an optional sort key. Release
 * files stay as imported: the site applies the map when it is built, so every listing, filter,
 * count, feed, citation and export shows one name, and one page, per entity.
 *
 * ```yaml
 * speakers:
 *   - name: Abdullah Abdullah
 *     variants: [Mr. Abdullah Abdullah, Dr. Abdullah Abdullah]
 * venues:
 *   - name: James S. Brady Press Briefing Room
 *     variants: [James S. Brady Briefing Room, James Brady S. Briefing Room]
 * ```
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readYamlFile, type ContentProblem } from './check-content.ts';
import { defaultSortKey, looksLikeOrganisation } from './name-forms.ts';
import { describeValue, visibleText } from './schema.ts';

/** The fields of a release whose values are names. */
export type NamedField = 'speaker' | 'organisation' | 'venue';

/** The lists of `names.yaml`, one per named field. */
export const NAME_LISTS = { speaker: 'speakers', organisation: 'organisations', venue: 'venues' } as const;

function text(what: string) {
  return visibleText(
    z
      .string({ error: (issue) => `expected text (${what}), got ${describeValue(issue.input)}` })
      .refine((value) => value.trim() !== '', { error: `must not be empty (${what})` }),
  );
}

/** One entity and the names it goes by. */
export const nameEntrySchema = z.strictObject(
  {
    /** The name the archive shows, e.g. "James S. Brady Press Briefing Room". */
    name: text('the name the archive shows'),
    /** Other spellings of the same name, exactly as releases write them. */
    variants: z
      .array(text('a spelling releases use'), { error: 'expected a list of spellings, e.g. [J. S. Brady Room]' })
      .default([]),
    /** What the name sorts by, e.g. "Obama, Barack"; without one, titles such as Mr. or Dr. and a leading "The" are skipped. */
    sort: text('the key the name sorts by').optional(),
    /** For speakers: a person or an organisation, where the name alone does not tell. */
    kind: z.enum(['person', 'organisation'], { error: 'expected person or organisation' }).optional(),
  },
  { error: 'expected a mapping with name and, optionally, variants, sort and kind' },
);

/** The whole of `names.yaml`. */
export const namesSchema = z.strictObject(
  {
    /** Speakers: people, and organisations that issue releases in their own name. */
    speakers: z.array(nameEntrySchema, { error: 'expected a list of names' }).default([]),
    /** Issuing organisations. */
    organisations: z.array(nameEntrySchema, { error: 'expected a list of names' }).default([]),
    /** Venues. */
    venues: z.array(nameEntrySchema, { error: 'expected a list of names' }).default([]),
  },
  { error: 'expected a mapping with speakers, organisations and venues' },
);

/** `names.yaml` after validation. */
export type NamesData = z.output<typeof namesSchema>;

/** A problem with `names.yaml`: where in the file, and what. */
export interface NamesProblem {
  field: string;
  message: string;
}

/** Checks what the schema cannot: a spelling that means two entities, or is itself another's name. */
export function namesProblems(data: NamesData): NamesProblem[] {
  const problems: NamesProblem[] = [];
  for (const list of Object.values(NAME_LISTS)) {
    const owner = new Map<string, string>();
    // Two entries of one name would be one page: two people merged without a word.
    const named = new Map<string, number>();
    data[list].forEach((entry, i) => {
      const first = named.get(entry.name);
      if (first !== undefined) {
        problems.push({
          field: `${list}.${i}.name`,
          message: `"${entry.name}" is already the name of ${list}.${first}: two entries of one name would be shown as one ${list.slice(0, -1)}; merge them, or tell them apart by name`,
        });
      }
      if (first === undefined) named.set(entry.name, i);
      for (const [j, spelling] of [entry.name, ...entry.variants].entries()) {
        const other = owner.get(spelling);
        const field = j === 0 ? `${list}.${i}.name` : `${list}.${i}.variants.${j - 1}`;
        if (other !== undefined && other !== entry.name) {
          problems.push({
            field,
            message: `"${spelling}" is already a spelling of "${other}": a spelling can mean only one ${list.slice(0, -1)}`,
          });
        }
        owner.set(spelling, entry.name);
      }
    });
  }
  return problems;
}

/** The map from every spelling to its entity, as the site applies it. */
export class Names {
  readonly #canonical = new Map<string, string>();
  readonly #sort = new Map<string, string>();
  readonly #kind = new Map<string, 'person' | 'organisation'>();
  readonly #organisations = new Set<string>();

  /** The authority of a validated `names.yaml` (none: every name stands as written). */
  constructor(data: NamesData = { speakers: [], organisations: [], venues: [] }) {
    for (const [field, list] of Object.entries(NAME_LISTS) as [NamedField, (typeof NAME_LISTS)[NamedField]][]) {
      for (const entry of data[list]) {
        for (const spelling of [entry.name, ...entry.variants])
          this.#canonical.set(`${field}\0${spelling}`, entry.name);
        if (entry.sort) this.#sort.set(`${field}\0${entry.name}`, entry.sort);
        if (entry.kind) this.#kind.set(entry.name, entry.kind);
        if (field === 'organisation')
          for (const spelling of [entry.name, ...entry.variants]) this.#organisations.add(spelling);
      }
    }
  }

  /** The canonical form of a name of `field`; a name the file does not list stays as it is. */
  canonical(field: NamedField, name: string): string {
    return this.#canonical.get(`${field}\0${name}`) ?? name;
  }

  /** The key a canonical name sorts by: the file's `sort`, or the name without titles. */
  sortKey(field: NamedField, name: string): string {
    return this.#sort.get(`${field}\0${name}`) ?? defaultSortKey(name);
  }

  /**
   * The sort keys the file gives, by name, for the search page's filters. A map, not an object:
   * a name is any text, `constructor` and `__proto__` included.
   */
  sortKeys(): Map<string, string> {
    return new Map([...this.#sort].map(([key, sort]) => [key.split('\0')[1]!, sort]));
  }

  /**
   * Whether a speaker's (canonical) name is an organisation's: as the file says (`kind`, or the
   * name being one of its organisations), else as the name reads.
   */
  isOrganisation(speaker: string): boolean {
    const kind = this.#kind.get(speaker);
    if (kind) return kind === 'organisation';
    return this.#organisations.has(speaker) || looksLikeOrganisation(speaker);
  }
}

/** The file of a content folder that holds its names. */
export const NAMES_FILE = 'names.yaml';

/**
 * Reads a content folder's `names.yaml`: its data, or every problem with it, each naming the
 * file and the field. A folder without one has no names to map.
 */
export async function readNames(contentDir: string): Promise<{ data: NamesData; problems: ContentProblem[] }> {
  const file = join(contentDir, NAMES_FILE);
  const empty: NamesData = { speakers: [], organisations: [], venues: [] };
  const result = readYamlFile(file, namesSchema, empty);
  if (result.problems.length > 0) return result;
  const problems = namesProblems(result.data).map(({ field, message }) => ({ file, field, message }));
  return { data: problems.length > 0 ? empty : result.data, problems };
}
