/**
 * Turns importable inputs (wire texts, JSON Lines records) into releases: frontmatter and
 * paragraphs, checked against the release schema. Pure: reading and writing files is the caller's.
 */
import { attributionFromTitle, typeFromLabel, typeFromTitle } from './attribution.ts';
import { precisionOf } from '../model/dates.ts';
import { MAX_PARAGRAPH_CHARACTERS, MAX_RELEASE_BYTES, serializeRelease } from '../model/release-file.ts';
import { describeValue, releaseSchema, type ReleaseInput, type ReleaseType } from '../model/schema.ts';
import { splitParagraphs, titleFromWords, unshowableText } from '../model/text.ts';
import { WireFormatError, parseWire } from './wire.ts';

/** What the command line supplies for inputs that do not state it. */
export interface ImportDefaults {
  speaker?: string;
  role?: string;
  venue?: string;
  type?: ReleaseType;
  organisation?: string;
}

/** A release ready to be written, still without its slug. */
export interface Candidate {
  /** Where it came from: a file, or `file:line` for JSON Lines. */
  origin: string;
  data: Omit<ReleaseInput, 'slug'>;
  paragraphs: string[];
  /** Things worth telling the user, such as a title made from the first words. */
  notes: string[];
}

/** An input that could not become a release, and why. */
export class ImportError extends Error {
  override name = 'ImportError';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A record's text field: its text, or `undefined` when the record leaves it out, empty or null.
 * Any other value is an error naming the field, never silently dropped or turned into text.
 */
function textField(record: JsonRecord, name: keyof JsonRecord, expected = 'text'): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ImportError(`${name}: expected ${expected}, got ${describeValue(value)}`);
  return nonEmpty(value);
}

/** Checks that a release's file stays within the sizes the archive builds. */
function checkSize(data: Omit<ReleaseInput, 'slug'>, paragraphs: readonly string[]): void {
  const file = serializeRelease({ ...data, slug: 'x' }, paragraphs);
  const bytes = Buffer.byteLength(file);
  if (bytes > MAX_RELEASE_BYTES) {
    throw new ImportError(
      `is ${(bytes / 2 ** 20).toFixed(1)} MiB as a release file: the archive takes releases of at most ${MAX_RELEASE_BYTES / 2 ** 20} MiB`,
    );
  }
  const long = file.split('\n').findIndex((line) => line.length > MAX_PARAGRAPH_CHARACTERS);
  if (long !== -1) {
    throw new ImportError(
      `has a paragraph of ${file.split('\n')[long]!.length.toLocaleString('en')} characters: the archive takes paragraphs of at most ${MAX_PARAGRAPH_CHARACTERS.toLocaleString('en')} characters (break the text into paragraphs)`,
    );
  }
}

/** Checks the finished frontmatter with the site's schema; throws with every problem. */
function validated(data: Record<string, unknown>): Omit<ReleaseInput, 'slug'> {
  // The slug is chosen later; a placeholder lets the rest of the schema speak now.
  const result = releaseSchema.safeParse({ ...data, slug: 'x' });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ImportError(problems.join('; '));
  }
  return data as Omit<ReleaseInput, 'slug'>;
}

function checkShowable(...texts: (string | undefined)[]): void {
  for (const text of texts) {
    const problem = text === undefined ? undefined : unshowableText(text);
    if (problem) throw new ImportError(problem);
  }
}

function chooseType(title: string, label: string | undefined, defaults: ImportDefaults): ReleaseType {
  return typeFromTitle(title) ?? (label ? typeFromLabel(label) : undefined) ?? defaults.type ?? 'other';
}

/**
 * Speaker and role: a person the title names (with the title's role), else the command line's
 * speaker, else the organisation. A role the title names without a person stays with the
 * organisation ("The White House, Press Secretary") rather than being pinned on someone else.
 */
function chooseSpeaker(
  title: string,
  organisation: string | undefined,
  defaults: ImportDefaults,
): { speaker: string | undefined; role: string | undefined } {
  const { speaker, role } = attributionFromTitle(title);
  if (speaker) return { speaker, role: role ?? defaults.role };
  if (role) return { speaker: organisation ?? defaults.speaker, role };
  return { speaker: defaults.speaker ?? organisation, role: defaults.role };
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** Reads one wire-service text file as a release. */
export function releaseFromWire(origin: string, source: string, defaults: ImportDefaults = {}): Candidate {
  checkShowable(source);
  let wire;
  try {
    wire = parseWire(source);
  } catch (error) {
    if (error instanceof WireFormatError) throw new ImportError(error.message);
    throw error;
  }
  const organisation = wire.organisation || defaults.organisation;
  const data = withoutUndefined({
    title: wire.title,
    date: wire.date,
    type: chooseType(wire.title, wire.documentType, defaults),
    ...chooseSpeaker(wire.title, organisation, defaults),
    organisation,
    venue: defaults.venue,
    distributor: wire.distributor,
  });
  const checked = validated(data);
  checkSize(checked, wire.paragraphs);
  return { origin, data: checked, paragraphs: wire.paragraphs, notes: [] };
}

/** The fields of a JSON Lines record that the archive reads. */
interface JsonRecord {
  title?: unknown;
  speaker?: unknown;
  date?: unknown;
  venue?: unknown;
  text?: unknown;
  source_url?: unknown;
  category?: unknown;
  organisation?: unknown;
  role?: unknown;
  type?: unknown;
  language?: unknown;
  date_note?: unknown;
  date_precision?: unknown;
  licence?: unknown;
  license?: unknown;
}

/**
 * A record's date, as precise as the record says it is: `date` written `YYYY-MM-DD`, or `YYYY-MM`
 * or `YYYY` where the source gives no day; `date_precision` (`day`, `month` or `year`) cuts a
 * full date down to what the source vouches for. No day is ever made up.
 */
function recordDate(date: string | undefined, precision: string | undefined): string {
  if (!date) throw new ImportError('no date: expected a "date" field written YYYY-MM-DD (or YYYY-MM, or YYYY)');
  const given = precisionOf(date);
  if (!given) {
    throw new ImportError(
      `impossible date "${date}": expected a real day written YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY)`,
    );
  }
  if (precision === undefined) return date;
  const lengths = { year: 4, month: 7, day: 10 } as const;
  if (!(precision in lengths)) throw new ImportError(`date_precision: expected day, month or year, got "${precision}"`);
  const length = lengths[precision as keyof typeof lengths];
  if (length > date.length)
    throw new ImportError(`date_precision: "${precision}", but the date "${date}" gives no ${precision}`);
  return date.slice(0, length);
}

/** The fields of a record the archive reads, each text when given. */
const FIELDS = [
  'title',
  'speaker',
  'date',
  'venue',
  'text',
  'source_url',
  'category',
  'organisation',
  'role',
  'type',
  'language',
  'date_note',
  'date_precision',
  'licence',
  'license',
] as const;

/** Reads one JSON Lines record (already parsed) as a release. */
export function releaseFromRecord(origin: string, record: JsonRecord, defaults: ImportDefaults = {}): Candidate {
  const fields = Object.fromEntries(
    FIELDS.map((name) => [
      name,
      textField(record, name, name === 'date' ? 'a date written YYYY-MM-DD, in quotes' : 'text'),
    ]),
  ) as Record<(typeof FIELDS)[number], string | undefined>;
  const text = fields.text;
  if (!text) throw new ImportError('no text: expected a non-empty "text" field');
  const date = recordDate(fields.date, fields.date_precision);
  checkShowable(...Object.values(fields));
  const paragraphs = splitParagraphs(text);
  const notes: string[] = [];
  let title = fields.title?.trim();
  if (!title) {
    title = titleFromWords(paragraphs);
    notes.push(`no title: titled from its first words, "${title}"`);
  }
  const organisation = fields.organisation ?? defaults.organisation;
  const recordSpeaker = fields.speaker;
  const stated = chooseSpeaker(title, organisation, defaults);
  const speaker = recordSpeaker ?? stated.speaker;
  // The title's role belongs to the record's speaker only when the title names that person.
  const titled = attributionFromTitle(title);
  const role =
    fields.role ??
    (recordSpeaker ? ((titled.speaker === recordSpeaker ? titled.role : undefined) ?? defaults.role) : stated.role);
  const typeLabel = fields.type ?? fields.category;
  const source = fields.source_url?.trim();
  const data = withoutUndefined({
    title,
    date,
    type: chooseType(title, typeLabel, defaults),
    speaker,
    role,
    organisation,
    venue: fields.venue ?? defaults.venue,
    source,
    language: fields.language,
    note: fields.date_note,
    licence: fields.licence ?? fields.license,
  });
  if (!data['speaker'])
    throw new ImportError('no speaker: the record names none; give one with --speaker or --organisation');
  const checked = validated(data);
  checkSize(checked, paragraphs);
  return { origin, data: checked, paragraphs, notes };
}

/** The outcome of reading a JSON Lines file: releases, failed lines, or a file that holds none. */
export interface JsonLinesResult {
  candidates: Candidate[];
  failures: { origin: string; reason: string }[];
  /** Set when no line has a text: the file is something else, such as a manifest. */
  notReleases?: string;
  /** The fields lines hold that the archive does not read, with how many lines hold each. */
  ignored: [field: string, lines: number][];
}

/** Reads a JSON Lines file of releases, one per line; bad lines are reported, not fatal. */
export function releasesFromJsonLines(file: string, source: string, defaults: ImportDefaults = {}): JsonLinesResult {
  const result: JsonLinesResult = { candidates: [], failures: [], ignored: [] };
  const ignored = new Map<string, number>();
  let anyText = false;
  source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const origin = `${file}:${index + 1}`;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        result.failures.push({ origin, reason: `not valid JSON: ${(error as Error).message}` });
        return;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        result.failures.push({
          origin,
          reason: 'expected a JSON object with title, speaker, date, venue, text and source_url',
        });
        return;
      }
      if ('text' in record) anyText = true;
      // Told once for the file, not line by line: a corpus may hold a field on every line.
      for (const field of Object.keys(record))
        if (!(FIELDS as readonly string[]).includes(field)) ignored.set(field, (ignored.get(field) ?? 0) + 1);
      try {
        result.candidates.push(releaseFromRecord(origin, record as JsonRecord, defaults));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        result.failures.push({ origin, reason: error.message });
      }
    });
  if (!anyText && result.candidates.length === 0) {
    return {
      candidates: [],
      failures: result.failures.filter((f) => f.reason.startsWith('not valid JSON')),
      notReleases: 'no line has a "text" field, so it holds no releases',
      ignored: [],
    };
  }
  return { ...result, ignored: [...ignored].sort(([a], [b]) => (a < b ? -1 : 1)) };
}
