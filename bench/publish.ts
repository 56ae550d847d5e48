/**
 * Publishing into an archive already built (issue 25): after the archive's cold build, the bench
 * changes its content folder as a press office does, one change after another, builds after each,
 * and records what the build took and what it changed in the site: from the site's publish list
 * (`.archive-publish.json`) the files added, changed and removed and the bytes of the added and
 * changed, and from the build's last line the index parts made of all.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { releaseFilePath, releasePath } from '../src/model/permalink.ts';
import { readReleaseSource, serializeRelease } from '../src/model/release-file.ts';
import { measured } from './measure.ts';
import { releaseFiles } from './text-check.ts';

/** A release file to add: where in the content folder, its text, and its page's path. */
export interface NewRelease {
  file: string;
  text: string;
  path: string;
}

/** One publish into the archive and what its build did. */
export interface ArchivePublish {
  /** What was published. */
  scenario: string;
  /** The release file it added or corrected, relative to the content folder. */
  file?: string | undefined;
  seconds: number;
  peakMiB: number;
  files: { added: number; changed: number; removed: number };
  /** The bytes of the files added or changed. */
  bytes: number;
  /** Index parts made, of all the index has. */
  parts: { made: number; total: number };
  /** The build's line that says what it did. */
  summary: string;
  /** For a new release: whether the home page lists it afterwards. */
  listed?: boolean | undefined;
  /** The end of the build's output, when it failed. */
  failed?: string | undefined;
}

/** What the build's summary line says: whether anything changed, and the index parts made of all. */
export function readSummary(output: string): { line: string; nothing: boolean; made: number; total: number } {
  const line =
    output
      .split('\n')
      .find((text) => /^(?:Nothing changed since|Published \d|Built [\d,]+ releases? in full)/.test(text)) ?? '';
  const parts = /([\d,]+) of ([\d,]+) index parts? made/.exec(line);
  const count = (text: string | undefined) => Number(text?.replaceAll(',', '') ?? 0);
  return { line, nothing: line.startsWith('Nothing changed'), made: count(parts?.[1]), total: count(parts?.[2]) };
}

/** The month after the one of `date` (`YYYY-MM-DD`), on its first day. */
export function nextMonthsFirst(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-01`;
}

/** A release file's text with one word of its body changed: its first word of five letters or more. */
export function correctOneWord(text: string): string {
  const { body } = readReleaseSource(text);
  const head = text.slice(0, text.length - body.length);
  return head + body.replace(/\b[A-Za-z]{5,}\b/, 'amended');
}

const TEXT = [
  'This release was added by the benchmark to time a publish into an archive that is already built.',
  'It names the speaker of the newest release already there, as a press office publishing again would.',
];

/** A new release by the speaker of `like` (a release file's text), dated `date`. */
function releaseLike(like: string, date: string, slug: string, title: string): NewRelease {
  const { data } = readReleaseSource(like);
  const speaker = String((data as { speaker?: unknown }).speaker ?? 'A. Speaker');
  return {
    file: releaseFilePath({ date, slug }),
    text: serializeRelease({ title, slug, date, type: 'statement', speaker }, TEXT),
    path: `/${releasePath({ date, slug })}`,
  };
}

/** The newest release file of a content folder, by the date its name starts with. */
async function newestFile(content: string): Promise<{ file: string; date: string }> {
  let newest = { file: '', date: '' };
  for (const file of await releaseFiles(content)) {
    const date = /\/(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(file)?.[1];
    if (date && date >= newest.date) newest = { file, date };
  }
  if (!newest.file) throw new Error(`${content} has no release dated to the day`);
  return newest;
}

/** A release on the archive's newest day: the common case of a press office publishing today. */
export async function newestDayRelease(content: string): Promise<NewRelease> {
  const newest = await newestFile(content);
  const like = await readFile(join(content, newest.file), 'utf8');
  return releaseLike(like, newest.date, 'bench-published-today', 'A statement published on the newest day');
}

/** Writes a new release into the content folder. */
export async function addRelease(content: string, release: NewRelease): Promise<void> {
  await mkdir(dirname(join(content, release.file)), { recursive: true });
  await writeFile(join(content, release.file), release.text);
}

/** Builds the archive again and reads what the build did; `release` is the one the change added. */
async function publish(
  scenario: string,
  file: string | undefined,
  env: Record<string, string>,
  out: string,
  release?: NewRelease,
) {
  const run = await measured([process.execPath, 'scripts/build.ts'], env);
  const summary = readSummary(run.output);
  const figures: ArchivePublish = {
    scenario,
    file,
    seconds: run.seconds,
    peakMiB: run.peakMiB,
    files: { added: 0, changed: 0, removed: 0 },
    bytes: 0,
    parts: { made: summary.made, total: summary.total },
    summary: summary.line,
    failed: run.code !== 0 ? run.output.trim().split('\n').slice(-15).join('\n') : undefined,
  };
  if (figures.failed) return figures;
  if (summary.nothing) {
    // The site is left as it was, its publish list the last build's.
    const parts = JSON.parse(await readFile(join(out, 'pagefind/archive-parts.json'), 'utf8')) as { parts: number };
    figures.parts.total = parts.parts;
    return figures;
  }
  const list = JSON.parse(await readFile(join(out, '.archive-publish.json'), 'utf8')) as Record<
    'added' | 'changed' | 'removed',
    string[]
  >;
  figures.files = { added: list.added.length, changed: list.changed.length, removed: list.removed.length };
  if (release) figures.listed = (await readFile(join(out, 'index.html'), 'utf8')).includes(`href="${release.path}"`);
  for (const path of [...list.added, ...list.changed]) figures.bytes += (await stat(join(out, path))).size;
  return figures;
}

/**
 * The publishes, in sequence on the content folder of the archive built in `out`: nothing
 * changed; `today` (a release on the newest day); a one-word correction of the release in the
 * middle of the archive; a release in a new month after the newest. The content folder keeps them.
 */
export async function archivePublishes(content: string, out: string, today: NewRelease): Promise<ArchivePublish[]> {
  const env = { ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: out };
  const results = [await publish('nothing changed', undefined, env, out)];

  await addRelease(content, today);
  results.push(await publish('one new release on the newest day', today.file, env, out, today));

  const files = await releaseFiles(content);
  const middle = files[Math.floor(files.length / 2)]!;
  await writeFile(join(content, middle), correctOneWord(await readFile(join(content, middle), 'utf8')));
  results.push(await publish('a one-word correction of an old release', middle, env, out));

  const newest = await newestFile(content);
  const date = nextMonthsFirst(newest.date);
  const first = releaseLike(
    await readFile(join(content, newest.file), 'utf8'),
    date,
    'bench-first-of-the-month',
    'The first statement of a new month',
  );
  await addRelease(content, first);
  results.push(await publish('one new release in a new month', first.file, env, out, first));
  return results;
}
