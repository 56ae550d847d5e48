/**
 * The shape of a release's frontmatter: the one schema that the site (`src/content.config.ts`)
 * and every tool that writes releases validate against.
 *
 * Messages say what was expected, because they reach people editing a file by hand.
 */
import { z } from 'astro/zod';
import { isCalendarDate, isReleaseDate } from './dates.ts';
import { hasHiddenCharacters, showHidden } from './text.ts';

/** The kinds of release the archive knows, with the label a reader sees. */
export const RELEASE_TYPES = {
  'press-release': 'Press release',
  speech: 'Speech',
  remarks: 'Remarks',
  statement: 'Statement',
  transcript: 'Transcript',
  interview: 'Interview',
  'press-briefing': 'Press briefing',
  'news-conference': 'News conference',
  readout: 'Readout',
  letter: 'Letter',
  message: 'Message',
  proclamation: 'Proclamation',
  'executive-order': 'Executive order',
  memorandum: 'Memorandum',
  'fact-sheet': 'Fact sheet',
  testimony: 'Testimony',
  article: 'Article',
  other: 'Other',
} as const;

/** A release type's identifier, as written in frontmatter (`type: remarks`). */
export type ReleaseType = keyof typeof RELEASE_TYPES;

const typeIds = Object.keys(RELEASE_TYPES) as [ReleaseType, ...ReleaseType[]];

/** Identifiers in URLs: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug the archive accepts, so that permalinks stay readable. */
export const MAX_SLUG_LENGTH = 80;

/** Names what a value is, for messages: "a number", "a list", "true". */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
}

function text(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required (${what})`
          : `expected text (${what}), got ${describeValue(issue.input)}; put quotes around it if it is text`,
    })
    .refine((value) => value.trim().length > 0, { error: `must not be empty (${what})` });
}

/**
 * A name or title: text without the characters a reader cannot see (`text.ts`), which could
 * make one name look like another's.
 */
export function visibleText<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((value) => !hasHiddenCharacters(value), {
    error: (issue) =>
      `"${showHidden(String(issue.input))}" holds characters a reader cannot see (control or right-to-left marks), which can make one name look like another: remove them`,
  });
}

/** Who distributed a release, as the distributor's own copy states it. */
export const distributorSchema = z.strictObject(
  {
    /** The distributor's name, e.g. "Public Technologies (PUBT)". */
    name: text('the name of the wire service or office that distributed the release'),
    /**
     * When the distributor sent it, exactly as the wire printed it (e.g. "01/26/2026 14:06"):
     * a wire's time stamp has its own zone and format, so it is kept, not re-interpreted.
     */
    timestamp: text("the distributor's time stamp, as printed").optional(),
    /** The distributor's closing notice, shown apart from the remarks. */
    notice: text("the distributor's closing notice").optional(),
  },
  { error: 'expected a mapping with name and, optionally, timestamp and notice' },
);

/** A change made to a release after it was published, e.g. a corrected figure. */
export const updateSchema = z.strictObject(
  {
    /** The day of the change, `YYYY-MM-DD`: always a whole day. */
    date: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required (the day of the change, written YYYY-MM-DD, e.g. 2026-02-04)'
            : `expected the day of the change written YYYY-MM-DD, e.g. 2026-02-04, got ${describeValue(issue.input)}`,
      })
      .refine(isCalendarDate, {
        error: (issue) =>
          `${describeValue(issue.input)} is not a day: expected the day of the change written YYYY-MM-DD, e.g. 2026-02-04`,
      }),
    /** What changed, e.g. "Corrected the figure for Poland." */
    note: text('what changed, e.g. Corrected the figure for Poland.'),
  },
  {
    error: 'expected a change with a date and a note, e.g. - date: 2026-02-04 / note: Corrected the figure for Poland.',
  },
);

/** The frontmatter of one release. */
export const releaseSchema = z.strictObject({
  /** The release's title as issued, e.g. "Remarks by NATO Secretary General Mark Rutte". */
  title: text('the title of the release'),
  /**
   * The fixed part of the permalink, chosen once when the release is added and never recomputed
   * from the title: `/releases/YYYY/MM/DD/<slug>/`.
   */
  slug: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required (lower-case words joined by hyphens, e.g. remarks-by-the-president)'
          : `expected text, got ${describeValue(issue.input)}`,
    })
    .max(MAX_SLUG_LENGTH, { error: `must be at most ${MAX_SLUG_LENGTH} characters` })
    .regex(SLUG_PATTERN, {
      error: 'expected lower-case ASCII letters and digits joined by single hyphens, e.g. remarks-by-the-president',
    }),
  /**
   * The day the remarks were delivered or the release issued, as `YYYY-MM-DD`; or, where the
   * source gives no more, the month (`YYYY-MM`) or the year (`YYYY`). A calendar date, not an
   * instant: it never shifts with time zones, and dates before 1900 are fine.
   */
  date: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required (the day of the release, written YYYY-MM-DD, e.g. 2026-01-26)'
          : typeof issue.input === 'number'
            ? `expected a date written YYYY-MM-DD, e.g. 2026-01-26, got the number ${issue.input}; a year alone is written in quotes, date: "${issue.input}"`
            : `expected a date written YYYY-MM-DD, e.g. 2026-01-26 (or YYYY-MM, or YYYY, when the source gives no day), got ${describeValue(issue.input)}`,
    })
    .refine(isReleaseDate, {
      error: (issue) =>
        `${describeValue(issue.input)} is not a calendar date: expected a real day written YYYY-MM-DD, e.g. 2026-01-26 (or a month, 2026-01, or a year, 2026, when the source gives no day)`,
    }),
  /** Who spoke or issued it: a person's name, or the issuing organisation when no person is named. */
  speaker: visibleText(text('the person who spoke, or the issuing organisation when no person is named')),
  /** The speaker's role at the time, e.g. "NATO Secretary General". */
  role: visibleText(text("the speaker's role, e.g. NATO Secretary General")).optional(),
  /** The issuer, e.g. "NATO - North Atlantic Treaty Organisation". */
  organisation: visibleText(text('the issuing organisation')).optional(),
  /** What kind of release it is: one of the identifiers in `RELEASE_TYPES`. */
  type: z.enum(typeIds, {
    error: (issue) =>
      issue.input === undefined
        ? `is required (one of ${typeIds.join(', ')})`
        : `"${String(issue.input)}" is not a known type: expected one of ${typeIds.join(', ')}`,
  }),
  /** Where the remarks were delivered, when the release says so. Never guessed. */
  venue: visibleText(text('where the remarks were delivered')).optional(),
  /** Who distributed the release and when, with the distributor's closing notice. */
  distributor: distributorSchema.optional(),
  /** An editor's note about the release, e.g. on how its date was established. */
  note: text("an editor's note about the release").optional(),
  /** The address of the original release. */
  source: z.url({ error: 'expected an absolute URL such as https://www.nato.int/…' }).optional(),
  /** The release's licence or rights statement, e.g. "Public domain (17 U.S.C. 105)", shown on its page. */
  licence: text("the release's licence or rights statement").optional(),
  /**
   * The changes made since the release was published, each with its day and what changed; the
   * page shows the latest ("Updated 4 February 2026") and the list, and feeds and the sitemap
   * give it as the release's date of change.
   */
  updates: z
    .array(updateSchema, {
      error: 'expected a list of changes, each a date and a note (- date: 2026-02-04 / note: Corrected …)',
    })
    .min(1, { error: 'lists no change: leave updates out, or list a date and a note' })
    .optional(),
  /** The language of the text, as a BCP 47 tag. */
  language: z
    .string({ error: (issue) => `expected a language tag such as en, got ${describeValue(issue.input)}` })
    .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/, {
      error: 'expected a language tag such as en, fr or pt-BR',
    })
    .default('en'),
});

/** A release's frontmatter after validation (defaults filled in). */
export type ReleaseData = z.output<typeof releaseSchema>;

/** A release's frontmatter as written in a file (defaults may be left out). */
export type ReleaseInput = z.input<typeof releaseSchema>;

/** The day of a release's latest change, if it has any. */
export function lastUpdated(release: Pick<ReleaseData, 'updates'>): string | undefined {
  return release.updates?.reduce((latest, { date }) => (date > latest ? date : latest), '') || undefined;
}

/** The label a reader sees for a release type. */
export function typeLabel(type: ReleaseType): string {
  return RELEASE_TYPES[type];
}
