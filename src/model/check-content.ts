/**
 * Checks a whole folder of releases before anything is built, so that a bad archive fails with
 * every problem listed at once (file, field, what was expected) and nothing is silently skipped.
 * Besides releases, the folder holds only their images and documents (`media.ts`), each beside
 * its release.
 */
import { constants, lstatSync, type BigIntStats } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { contentFileProblem, readContentFile, walkContent } from './content-files.ts';
import { mediaFileProblem } from './media-file.ts';
import { DEFAULT_LIMITS, mediaType, type MediaLimits, type MediaReference } from './media.ts';
import { latestToday } from './dates.ts';
import { releasePath } from './permalink.ts';
import { MAX_RELEASE_BYTES, loadYaml, readReleaseSource } from './release-file.ts';
import { releaseSchema, type ReleaseData } from './schema.ts';

/** One thing wrong with one file. */
export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
}

/** What a check found: the valid releases by absolute file path, and every problem. */
export interface ContentCheck {
  releases: Map<string, ReleaseData>;
  problems: ContentProblem[];
}

/**
 * Lists every file below a folder (dot files and dot folders excepted), sorted. Symbolic links
 * are listed too, so that one pointing nowhere is reported when read rather than passed over.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}

/** The name of a release file without `.mdx`: the name of the folder its files may be in too. */
export function releaseStem(releaseFile: string): string {
  return basename(releaseFile).replace(/\.mdx$/, '');
}

/**
 * Whether a file lies beside a release: in a folder holding releases (`releaseFolders`), or in a
 * folder named after one of `releaseFiles` (or a folder inside that).
 */
function isBesideRelease(
  file: string,
  releaseFiles: ReadonlySet<string>,
  releaseFolders: ReadonlySet<string>,
): boolean {
  if (releaseFolders.has(dirname(file))) return true;
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    if (releaseFiles.has(`${dir}.mdx`)) return true;
  }
  return false;
}

/**
 * What is wrong with the files a release's body names, each as `line L, column C: …`: every one
 * must be a file in the release's folder, or in the folder named after the release.
 */
export function referenceProblems(releaseFile: string, references: readonly MediaReference[]): string[] {
  const stem = releaseStem(releaseFile);
  const problems: string[] = [];
  for (const { path, line, column } of references) {
    const where = `line ${line}, column ${column}: ./${path}`;
    const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : undefined;
    if (folder !== undefined && folder !== stem) {
      problems.push(`${where} is in ${folder}/: expected it beside the release, or in the folder ${stem}/`);
      continue;
    }
    const problem = contentFileProblem(dirname(releaseFile), join(dirname(releaseFile), path));
    if (problem === 'does not exist') {
      problems.push(`${where} does not exist: expected the file beside the release, or in the folder ${stem}/`);
    } else if (problem) {
      problems.push(`${where} ${problem}`);
    }
  }
  return problems;
}

/** Turns zod's issues into problems that name the field. */
export function schemaProblems(
  file: string,
  error: z.ZodError,
  known: { what: string; fields: readonly string[] } = { what: 'a release', fields: Object.keys(releaseSchema.shape) },
): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (field ? `${field}.${key}` : key));
      return {
        file,
        field: keys.join(', '),
        message: `not a field ${known.what} can have; check the spelling (known fields: ${known.fields.join(', ')})`,
      };
    }
    return field ? { file, field, message: issue.message } : { file, message: issue.message };
  });
}

/**
 * An archive's optional YAML file (`site.yaml`, `names.yaml`) read and checked against `schema`:
 * its data, or `fallback` and every problem, each naming the file (and the field). No file: `fallback`.
 */
export function readYamlFile<S extends z.ZodObject>(
  file: string,
  schema: S,
  fallback: z.output<S>,
): { data: z.output<S>; problems: ContentProblem[] } {
  let text: string;
  try {
    text = readContentFile(dirname(file), file).toString('utf8');
  } catch (error) {
    if ((error as Error).message === 'does not exist') return { data: fallback, problems: [] };
    return { data: fallback, problems: [{ file, message: (error as Error).message }] };
  }
  let raw: unknown;
  try {
    raw = loadYaml(text) ?? {};
  } catch (error) {
    return { data: fallback, problems: [{ file, message: `is not valid YAML: ${(error as Error).message}` }] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, problems: [] };
  const known = { what: basename(file), fields: Object.keys(schema.shape) };
  return { data: fallback, problems: schemaProblems(file, result.error, known) };
}

/** Validates one release file's text; `today` is the day of the build, as `latestToday` gives it. */
export function checkReleaseSource(
  file: string,
  source: string,
  today = latestToday(),
): { data?: ReleaseData; problems: ContentProblem[] } {
  let raw: unknown;
  try {
    raw = readReleaseSource(source).data;
  } catch (error) {
    return { problems: [{ file, message: (error as Error).message }] };
  }
  const result = releaseSchema.safeParse(raw);
  if (!result.success) return { problems: schemaProblems(file, result.error) };
  // A change cannot come before the release: compared as text, as far as the release's date goes.
  // Nor after the day of the build: "Updated 31 December 2099" would stand on the page and in the sitemap.
  const early = (result.data.updates ?? []).flatMap(({ date }, i) =>
    date.slice(0, result.data.date.length) < result.data.date
      ? [{ file, field: `updates.${i}.date`, message: `${date} is before the release's date, ${result.data.date}` }]
      : date > today
        ? [
            {
              file,
              field: `updates.${i}.date`,
              message: `${date} is after the day of the build, ${today}: a change is dated the day it was made`,
            },
          ]
        : [],
  );
  if (early.length > 0) return { problems: early };
  return { data: result.data, problems: [] };
}

/**
 * Checks every file under `dir`: each must be an `.mdx` release whose frontmatter matches the
 * schema, and no two releases may claim the same permalink. `onRelease` sees each valid release's
 * text and data as it is checked, so a caller need neither read nor validate a file again; the
 * check waits for it. A caller may answer from what it kept of earlier checks: `check` validates
 * one file's text, and `known` gives the checked frontmatter of a file it knows unchanged by its
 * identity and times (`BigIntStats`), which is then not read at all (`onRelease` gets no text).
 */
export async function checkContent(
  dir: string,
  onRelease?: (file: string, source: string | undefined, data: ReleaseData) => void | Promise<void>,
  display: (path: string) => string = (path) => path,
  limits: MediaLimits = DEFAULT_LIMITS,
  cache: {
    check?: typeof checkReleaseSource;
    known?: (file: string, stats: BigIntStats) => ReleaseData | undefined;
  } = {},
): Promise<ContentCheck> {
  const { check = checkReleaseSource, known } = cache;
  const releases = new Map<string, ReleaseData>();
  const problems: ContentProblem[] = [];
  const byPermalink = new Map<string, string>();
  let files: string[];
  try {
    const walk = await walkContent(dir);
    files = walk.files;
    problems.push(...walk.refused);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as Error).message;
    problems.push({
      file: dir,
      message: `${reason}: expected a folder of releases (set ARCHIVE_CONTENT_DIR to a folder that holds releases/)`,
    });
    return { releases, problems };
  }
  // A release claims its permalink; a second release claiming it is a problem.
  const claim = (file: string, data: ReleaseData): boolean => {
    const permalink = releasePath(data);
    const other = byPermalink.get(permalink);
    if (other) {
      problems.push({
        file,
        field: 'slug',
        message: `claims the permalink /${permalink} already taken by ${display(other)}: give one of them another slug`,
      });
      return false;
    }
    byPermalink.set(permalink, file);
    releases.set(file, data);
    return true;
  };
  const releaseFiles = new Set(files.filter((file) => file.endsWith('.mdx')));
  const releaseFolders = new Set([...releaseFiles].map((file) => dirname(file)));
  for (const file of files) {
    if (!file.endsWith('.mdx')) {
      if (!mediaType(file)) {
        problems.push({
          file,
          message:
            'is not a release: expected a .mdx file, or beside a release an image (JPEG, PNG, WebP, AVIF, GIF, SVG) or a PDF',
        });
      } else if (!isBesideRelease(file, releaseFiles, releaseFolders)) {
        problems.push({
          file,
          message:
            "is not beside a release: an image or document goes in its release's folder, or in a folder named after the release file (2026-02-04-<slug>/)",
        });
      } else {
        const problem = await mediaFileProblem(dir, file, limits);
        if (problem) problems.push({ file, message: problem });
      }
      continue;
    }
    const unchanged = known?.(file, lstatSync(file, { bigint: true }));
    if (unchanged) {
      if (claim(file, unchanged)) await onRelease?.(file, undefined, unchanged);
      continue;
    }
    let source: string;
    try {
      // The walk found a regular file; it is opened without following a link all the same.
      const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        const size = (await handle.stat()).size;
        if (size > MAX_RELEASE_BYTES) {
          problems.push({
            file,
            message: `is ${(size / 2 ** 20).toFixed(1)} MiB: the archive builds release files of at most ${MAX_RELEASE_BYTES / 2 ** 20} MiB`,
          });
          continue;
        }
        source = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      problems.push({ file, message: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    const checked = check(file, source);
    problems.push(...checked.problems);
    if (checked.data && claim(file, checked.data)) await onRelease?.(file, source, checked.data);
  }
  return { releases, problems };
}

/**
 * Formats problems as a readable report, each path as `display` shows it, under a line naming what
 * has them: the file, when all are in one that is not a release (`site.yaml`, `names.yaml`), else
 * the releases.
 */
export function formatProblems(
  problems: readonly ContentProblem[],
  display: (path: string) => string = (path) => path,
): string {
  const lines = problems.map(({ file, field, message }) => {
    const where = display(file);
    return field ? `  ${where}: ${field}: ${message}` : `  ${where}: ${message}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const files = new Set(problems.map(({ file }) => file));
  const [only] = files;
  const subject =
    files.size === 1 && only !== undefined && !/\.mdx?$/i.test(only) ? `${display(only)} has` : 'The releases have';
  return `${subject} ${count}:\n${lines.join('\n')}`;
}
