/**
 * Decides what an import does with each release, before anything is written: write a new file,
 * leave an identical one alone, merge a second copy of a release into the first, refuse to
 * overwrite a changed one (unless forced). Slugs are chosen here, deterministically: the same
 * inputs in the same order always get the same files.
 *
 * Which inputs are one release:
 * - the same text on the same date, whatever the titles and speakers (a wire copy and a
 *   collection's record of one press release): the second is merged into the first;
 * - otherwise, the same `source_url`, unless records of other dates, titles or speakers cite it
 *   too: then it is the address of a collection (a dataset's DOI), not of one release;
 * - otherwise, the same date, title and speaker.
 */
import { createHash } from 'node:crypto';
import { looksLikeOrganisation } from '../model/name-forms.ts';
import { attributionFromTitle } from './attribution.ts';
import { releaseFilePath, slugify } from '../model/permalink.ts';
import { normaliseText } from '../model/text.ts';
import { plainBody, readReleaseSource, serializeFrontmatter, serializeRelease } from '../model/release-file.ts';
import { MAX_SLUG_LENGTH, type ReleaseData, type ReleaseInput } from '../model/schema.ts';
import type { Candidate } from './sources.ts';

/** A release already in the content folder. */
export interface ExistingRelease {
  /** Path inside the content folder, e.g. `releases/2026/01/2026-01-26-x.mdx`. */
  path: string;
  data: ReleaseData;
  source: string;
}

/** One planned step. A step with `content` writes it to `path`. */
export type Step =
  | { kind: 'create'; candidate: Candidate; path: string; content: string }
  | { kind: 'update'; candidate: Candidate; path: string; content: string }
  | { kind: 'merged'; candidate: Candidate; path: string; content?: string; notes: string[] }
  | { kind: 'unchanged'; candidate: Candidate; path: string; notes: string[] }
  | { kind: 'conflict'; candidate: Candidate; path: string; reason: string };

/** What the plan found worth telling about the inputs as a whole. */
export interface Plan {
  steps: Step[];
  /** Addresses cited by records of several releases, with how many records of this import cite each. */
  sharedSources: Map<string, number>;
}

type Data = Omit<ReleaseInput, 'slug'>;

/** A release as the plan knows it: in the folder already, or to be written by this import. */
interface Known {
  path: string;
  slug: string;
  data: Data;
  /** Its file's text as planned (or as it is, for a release left alone). */
  content: string;
  /** The body of its file (existing releases) or its paragraphs (new ones). */
  body?: string;
  paragraphs?: string[];
  /** The step that writes it, if this import writes it. */
  writer?: Step & { content?: string };
  /** Where it came from, for messages. */
  origin: string;
}

/** A slug from the title, or from the text's first words when the title gives none. */
export function baseSlug(candidate: Pick<Candidate, 'data' | 'paragraphs'>): string {
  return slugify(candidate.data.title) || slugify(candidate.paragraphs.join(' ')) || 'release';
}

function textKey(date: string, text: string): string {
  return `${date}\0${createHash('sha256').update(normaliseText(text)).digest('hex')}`;
}

/**
 * Who a record names, as a key: two records citing one address with different keys are two
 * releases.
 */
function namedBy(data: Pick<Data, 'date' | 'title' | 'speaker'>): string {
  return `${data.date} | ${data.title} | ${data.speaker}`;
}

/** A title that is another with a collection's prefix ("Press Release - …", "Statement: …"). */
function isPrefixed(title: string, other: string): boolean {
  return title.length > other.length && title.endsWith(other) && /[-–—:|]\s*$/.test(title.slice(0, -other.length));
}

/** Whether a speaker is the organisation rather than a person. */
function isOrganisation(data: Pick<Data, 'speaker' | 'organisation'>): boolean {
  return data.speaker === data.organisation || looksLikeOrganisation(data.speaker);
}

/** Whether either title names `speaker` as the one who spoke ("Statement by … Ned Price on …"). */
function namedInTitle(speaker: string, ...titles: string[]): boolean {
  return titles.some((title) => attributionFromTitle(title).speaker === speaker);
}

/**
 * Two records of one release as one: the kept one's fields, filled from the other where it has
 * none; of two titles, the one without a collection's prefix; of two speakers, the more specific
 * (with that speaker's role): the person a title names over one it does not, a person over an
 * organisation. Notes name both values wherever they disagreed.
 */
export function mergeRecords(kept: Data, other: Data): { data: Data; notes: string[] } {
  const data: Data = { ...kept };
  const notes: string[] = [];
  if (kept.title !== other.title) {
    if (isPrefixed(kept.title, other.title)) data.title = other.title;
    notes.push(`kept the title "${data.title}" over "${data.title === kept.title ? other.title : kept.title}"`);
  }
  if (kept.speaker !== other.speaker) {
    const titles = [kept.title, other.title];
    const otherIsNamed = namedInTitle(other.speaker, ...titles) && !namedInTitle(kept.speaker, ...titles);
    if (otherIsNamed || (isOrganisation(kept) && !isOrganisation(other) && !namedInTitle(kept.speaker, ...titles))) {
      data.speaker = other.speaker;
      if (other.role) data.role = other.role;
      else delete data.role;
    }
    notes.push(
      `kept the speaker "${data.speaker}" over "${data.speaker === kept.speaker ? other.speaker : kept.speaker}"`,
    );
  } else if (!data.role && other.role) {
    data.role = other.role;
  }
  for (const field of ['organisation', 'venue', 'source', 'note', 'distributor'] as const) {
    if (data[field] === undefined && other[field] !== undefined) Object.assign(data, { [field]: other[field] });
  }
  return { data, notes };
}

/** The addresses that records of more than one release cite, with how many candidates cite each. */
function sharedSources(
  candidates: readonly Candidate[],
  existing: readonly ExistingRelease[],
  texts: Map<object, string>,
) {
  const citing = new Map<string, { names: Set<string>; texts: Set<string>; candidates: number }>();
  const add = (source: string | undefined, data: Data, text: string, candidate: boolean) => {
    if (!source) return;
    let entry = citing.get(source);
    if (!entry) citing.set(source, (entry = { names: new Set(), texts: new Set(), candidates: 0 }));
    entry.names.add(namedBy(data));
    entry.texts.add(text);
    if (candidate) entry.candidates++;
  };
  for (const release of existing) add(release.data.source, release.data, texts.get(release)!, false);
  for (const candidate of candidates) add(candidate.data.source, candidate.data, texts.get(candidate)!, true);
  const shared = new Map<string, number>();
  for (const [source, { names, texts: distinct, candidates: count }] of citing) {
    if (names.size > 1 && distinct.size > 1) shared.set(source, count);
  }
  return shared;
}

/** Plans an import of `candidates`, in order, into a folder holding `existing`. */
export function planImport(
  candidates: readonly Candidate[],
  existing: readonly ExistingRelease[],
  { force = false } = {},
): Plan {
  const texts = new Map<object, string>();
  for (const release of existing) {
    texts.set(release, textKey(release.data.date, plainBody(readReleaseSource(release.source).body)));
  }
  for (const candidate of candidates)
    texts.set(candidate, textKey(candidate.data.date, candidate.paragraphs.join('\n')));
  const shared = sharedSources(candidates, existing, texts);
  const identityOf = (data: Data) =>
    data.source && !shared.has(data.source) ? `source ${data.source}` : namedBy(data);

  const byText = new Map<string, Known>();
  const byIdentity = new Map<string, Known>();
  const taken = new Set<string>();
  for (const release of existing) {
    const known: Known = {
      path: release.path,
      slug: release.data.slug,
      data: release.data,
      content: release.source,
      body: readReleaseSource(release.source).body,
      origin: release.path,
    };
    byText.set(texts.get(release)!, known);
    byIdentity.set(identityOf(release.data), known);
    taken.add(`${release.data.date}/${release.data.slug}`);
  }

  const freeSlug = (data: Pick<Candidate, 'data' | 'paragraphs'>) => {
    const base = baseSlug(data);
    let slug = base;
    for (let n = 2; taken.has(`${data.data.date}/${slug}`); n++) {
      const suffix = `-${n}`;
      slug = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(`${data.data.date}/${slug}`);
    return slug;
  };
  const contentOf = (known: Known, data: Data, slug: string) =>
    known.paragraphs
      ? serializeRelease({ ...data, slug }, known.paragraphs)
      : `${serializeFrontmatter({ ...data, slug })}${known.body}`;

  const steps: Step[] = [];
  for (const candidate of candidates) {
    const same = byText.get(texts.get(candidate)!);
    if (same) {
      const { data, notes } = mergeRecords(same.data, candidate.data);
      notes.unshift(`the same text as ${same.origin}`);
      let slug = same.slug;
      if (same.writer?.kind === 'create' && data.title !== same.data.title) {
        // Not written yet: its slug may still follow the better title.
        taken.delete(`${same.data.date}/${same.slug}`);
        slug = freeSlug({ data, paragraphs: same.paragraphs ?? [] });
      }
      const content = contentOf(same, data, slug);
      if (content === same.content) {
        steps.push({ kind: 'unchanged', candidate, path: same.path, notes });
        continue;
      }
      Object.assign(same, { data, slug, content });
      byIdentity.set(identityOf(data), same);
      if (same.writer) {
        same.path = same.writer.path = releaseFilePath({ date: data.date, slug });
        same.writer.content = content;
        steps.push({ kind: 'merged', candidate, path: same.path, notes });
      } else {
        const step: Step = { kind: 'merged', candidate, path: same.path, content, notes };
        same.writer = step;
        steps.push(step);
      }
      continue;
    }

    const identity = identityOf(candidate.data);
    const found = byIdentity.get(identity);
    if (found) {
      const content = serializeRelease({ ...candidate.data, slug: found.slug }, candidate.paragraphs);
      if (content === found.content) steps.push({ kind: 'unchanged', candidate, path: found.path, notes: [] });
      else if (found.writer) {
        steps.push({
          kind: 'conflict',
          candidate,
          path: found.path,
          reason: `an earlier input of this import (${found.origin}) is the same release (same source, or date, title and speaker) with other content`,
        });
      } else if (force) {
        const step: Step = { kind: 'update', candidate, path: found.path, content };
        Object.assign(found, { content, data: candidate.data, writer: step });
        steps.push(step);
      } else {
        steps.push({
          kind: 'conflict',
          candidate,
          path: found.path,
          reason: 'the input differs from the release already in the archive; use --force to overwrite it',
        });
      }
      continue;
    }

    const slug = freeSlug(candidate);
    const data = { ...candidate.data, slug };
    const path = releaseFilePath(data);
    const content = serializeRelease(data, candidate.paragraphs);
    const step: Step = { kind: 'create', candidate, path, content };
    const known: Known = {
      path,
      slug,
      data: candidate.data,
      content,
      paragraphs: candidate.paragraphs,
      writer: step,
      origin: candidate.origin,
    };
    byText.set(texts.get(candidate)!, known);
    byIdentity.set(identity, known);
    steps.push(step);
  }
  return { steps, sharedSources: shared };
}
