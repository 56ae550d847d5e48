/**
 * Decides what an import does with each release: write a new file, leave an identical one alone,
 * refuse to overwrite a changed one (unless forced), all before anything is written. Slugs are
 * chosen here, deterministically: the same inputs in the same order always get the same files.
 */
import { releaseFilePath, slugify } from '../model/permalink.ts';
import { serializeRelease } from '../model/release-file.ts';
import { MAX_SLUG_LENGTH, type ReleaseData, type ReleaseInput } from '../model/schema.ts';
import type { Candidate } from './sources.ts';

/**
 * What makes two releases the same release: the address of the original when there is one,
 * otherwise date, title and speaker together.
 */
export function identityOf(data: Pick<ReleaseInput, 'source' | 'date' | 'title' | 'speaker'>): string {
  return data.source ? `source ${data.source}` : `${data.date} | ${data.title} | ${data.speaker}`;
}

/** A release already in the content folder. */
export interface ExistingRelease {
  /** Path inside the content folder, e.g. `releases/2026/01/2026-01-26-x.mdx`. */
  path: string;
  data: ReleaseData;
  source: string;
}

/** One planned step. */
export type Step =
  | { kind: 'create'; candidate: Candidate; path: string; content: string }
  | { kind: 'update'; candidate: Candidate; path: string; content: string }
  | { kind: 'unchanged'; candidate: Candidate; path: string }
  | { kind: 'conflict'; candidate: Candidate; path: string; reason: string };

/** A slug from the title, or from the text's first words when the title gives none. */
export function baseSlug(candidate: Candidate): string {
  return slugify(candidate.data.title) || slugify(candidate.paragraphs.join(' ')) || 'release';
}

/** Plans an import of `candidates`, in order, into a folder holding `existing`. */
export function planImport(
  candidates: readonly Candidate[],
  existing: readonly ExistingRelease[],
  { force = false } = {},
): Step[] {
  const byIdentity = new Map(existing.map((release) => [identityOf(release.data), release]));
  const taken = new Set(existing.map((release) => `${release.data.date}/${release.data.slug}`));
  const planned = new Map<string, { path: string; slug: string; content: string }>();
  const steps: Step[] = [];
  for (const candidate of candidates) {
    const identity = identityOf(candidate.data);
    const earlier = planned.get(identity);
    if (earlier) {
      const content = serializeRelease({ ...candidate.data, slug: earlier.slug }, candidate.paragraphs);
      steps.push(
        content === earlier.content
          ? { kind: 'unchanged', candidate, path: earlier.path }
          : {
              kind: 'conflict',
              candidate,
              path: earlier.path,
              reason:
                'an earlier input of this import is the same release (same source, or date, title and speaker) with other content',
            },
      );
      continue;
    }
    const found = byIdentity.get(identity);
    if (found) {
      const content = serializeRelease({ ...candidate.data, slug: found.data.slug }, candidate.paragraphs);
      planned.set(identity, { path: found.path, slug: found.data.slug, content });
      if (content === found.source) steps.push({ kind: 'unchanged', candidate, path: found.path });
      else if (force) steps.push({ kind: 'update', candidate, path: found.path, content });
      else
        steps.push({
          kind: 'conflict',
          candidate,
          path: found.path,
          reason: 'the input differs from the release already in the archive; use --force to overwrite it',
        });
      continue;
    }
    const base = baseSlug(candidate);
    let slug = base;
    for (let n = 2; taken.has(`${candidate.data.date}/${slug}`); n++) {
      const suffix = `-${n}`;
      slug = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(`${candidate.data.date}/${slug}`);
    const data = { ...candidate.data, slug };
    const path = releaseFilePath(data);
    const content = serializeRelease(data, candidate.paragraphs);
    planned.set(identity, { path, slug, content });
    steps.push({ kind: 'create', candidate, path, content });
  }
  return steps;
}
