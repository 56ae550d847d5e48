/**
 * Whether a baseline shows the releases' text as the archive does: for a few release files, the
 * paragraphs of the baseline's page (inside `data-pagefind-body`) against the archive's page's,
 * as text with runs of white space made one. A baseline that renders a release otherwise (smart
 * quotes, another reading of an escape) would be timed on other work than the archive's.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { attribute, findAll, parseHtml, releaseParagraphs, textOf } from '../tests/support/html.ts';
import { releasePath, type ReleaseAddress } from '../src/model/permalink.ts';
import { readReleaseSource } from '../src/model/release-file.ts';
import { baselinePath } from './baselines.ts';

/** What a check of a baseline's text found. */
export interface TextCheck {
  /** Release pages compared. */
  checked: number;
  /** Those whose paragraphs differ from the archive's, with the first paragraph that differs. */
  differing: { file: string; archive: string; baseline: string }[];
}

/** How many release pages a check compares, spread over the archive's time. */
const SAMPLES = 6;

/** The release files of a content folder, relative to it, oldest first. */
export async function releaseFiles(content: string): Promise<string[]> {
  const files = await readdir(join(content, 'releases'), { recursive: true });
  return files
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `releases/${file}`)
    .sort();
}

/** `count` files of `files`, evenly spread, the first and the last among them. */
export function spread<T>(files: readonly T[], count: number): T[] {
  if (files.length <= count) return [...files];
  return Array.from({ length: count }, (_, i) => files[Math.round((i * (files.length - 1)) / (count - 1))]!);
}

/** The paragraphs of a baseline's release page, as text. */
export function baselineParagraphs(html: string): string[] {
  const [body] = findAll(parseHtml(html), (e) => attribute(e, 'data-pagefind-body') !== undefined);
  if (!body) throw new Error('the page has no element with data-pagefind-body');
  return findAll(body, (e) => e.tagName === 'p').map(textOf);
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Compares `count` release pages of the baseline in `site` with the archive's in `archive`. */
export async function checkText(content: string, archive: string, site: string, count = SAMPLES): Promise<TextCheck> {
  const differing: TextCheck['differing'] = [];
  const files = spread(await releaseFiles(content), count);
  for (const file of files) {
    const { data } = readReleaseSource(await readFile(join(content, file), 'utf8'));
    const theirs = join(site, baselinePath(file), 'index.html');
    const ours = releaseParagraphs(
      await readFile(join(archive, releasePath(data as ReleaseAddress), 'index.html'), 'utf8'),
    );
    const html = await readFile(theirs, 'utf8').catch(() => undefined);
    const their = html === undefined ? ['(no page)'] : baselineParagraphs(html);
    const length = Math.max(ours.length, their.length);
    for (let i = 0; i < length; i++) {
      if (squeeze(ours[i] ?? '') === squeeze(their[i] ?? '')) continue;
      differing.push({ file, archive: squeeze(ours[i] ?? '(none)'), baseline: squeeze(their[i] ?? '(none)') });
      break;
    }
  }
  return { checked: files.length, differing };
}
