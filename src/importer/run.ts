/**
 * The import command's work: find inputs, read them, plan, write atomically, report. Kept apart
 * from the command line so tests drive it directly.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { listFiles } from '../model/check-content.ts';
import { walkContent } from '../model/content-files.ts';
import { removeLeftovers, writeWhole } from '../model/write-file.ts';
import { ImportError, releaseFromWire, releasesFromJsonLines, type Candidate, type ImportDefaults } from './sources.ts';
import { planImport, type ExistingRelease, type Step } from './plan.ts';
import { readReleaseSource } from '../model/release-file.ts';
import { RELEASE_TYPES, releaseSchema } from '../model/schema.ts';

/** What the command was asked to do. */
export interface ImportOptions {
  inputs: string[];
  contentDir: string;
  dryRun: boolean;
  force: boolean;
  defaults: ImportDefaults;
}

/** Where the command writes: reports to `out`, the progress bar to `err` when it is a terminal. */
export interface ImportStreams {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** The closing counts. */
export interface ImportSummary {
  imported: number;
  updated: number;
  /** Inputs found to be a release already in the archive or the import, merged into it. */
  merged: number;
  unchanged: number;
  conflicts: number;
  failed: number;
  skipped: number;
}

/** The command's help text. */
export function usage(): string {
  return `Usage: npm run import -- [options] <file|folder>...

Imports releases into the archive as MDX files: wire-service texts (.txt) and JSON Lines
files with one release a line (.jsonl). Folders are searched for both.

Options:
  --content <dir>        the content folder to write to (default: ARCHIVE_CONTENT_DIR,
                         or content)
  --dry-run              report what would happen, write nothing
  --force                overwrite releases whose input has changed
  --speaker <name>       the speaker, for inputs that name none
  --role <role>          the speaker's role, for inputs that name none
  --venue <venue>        the venue, for inputs that state none
  --organisation <name>  the issuing organisation, for inputs that state none
  --type <type>          the type, for inputs whose title and fields state none:
                         ${Object.keys(RELEASE_TYPES).join(', ')}
  -h, --help             show this help

Importing the same input again changes nothing. A release whose input has changed is reported
as a conflict and left as it is, unless --force is given. An input with the same date and text
as a release already there (another source's copy) is merged into it, never a second page; the
report names what was kept. Exit status: 0 when every release was imported, merged or was
already there, 1 when any input failed or conflicted, 2 for a usage error.
`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportError('is not UTF-8 text');
  }
}

/** What a failed write means, in words. */
export function writeProblem(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a file is in the way of a folder',
    EISDIR: 'a folder is in the way of the file',
  };
  return code && reasons[code] ? `${reasons[code]} (${code})` : message;
}

/**
 * Why releases cannot be written into a content folder at all, or `undefined` when they can: the
 * folder is a file, or its `releases/` cannot be made or written to.
 */
async function unwritable(contentDir: string): Promise<string | undefined> {
  const info = await stat(contentDir).catch(() => undefined);
  if (info && !info.isDirectory())
    return `${contentDir} is a file: expected a content folder (one that holds releases/, or none yet)`;
  const releasesDir = join(contentDir, 'releases');
  // The probe goes into the deepest folder that exists: a read-only file system refuses a new
  // file there with EROFS, where a recursive mkdir would only say ENOENT.
  let folder = releasesDir;
  while (
    !(await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    )) &&
    dirname(folder) !== folder
  )
    folder = dirname(folder);
  const probe = join(folder, `.import-${process.pid}-probe.tmp`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe);
    await mkdir(releasesDir, { recursive: true });
    return undefined;
  } catch (error) {
    await rm(probe, { force: true }).catch(() => undefined);
    return `cannot write into ${folder}: ${writeProblem(error)}`;
  }
}

/**
 * A line as the terminal may see it: control characters (ESC, BEL and the rest, which could
 * retitle, recolour or rewrite a terminal) are shown as escapes such as `\x1b`.
 */
export function terminalSafe(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

async function existingReleases(contentDir: string, warn: (line: string) => void): Promise<ExistingRelease[]> {
  const releasesDir = join(contentDir, 'releases');
  // The content folder's files as the build reads them: no link is followed.
  const { files, refused } = await walkContent(releasesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return { files: [], refused: [] };
    throw error;
  });
  for (const { file, message } of refused) warn(`warning   ${file}: ${message}; the build will fail until it is fixed`);
  const found: ExistingRelease[] = [];
  for (const file of files.filter((f) => f.endsWith('.mdx'))) {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      warn(`warning   ${file}: cannot be read (${writeProblem(error)}); the build will fail until it can`);
      continue;
    }
    try {
      const data = releaseSchema.parse(readReleaseSource(source).data);
      found.push({ path: relative(contentDir, file), data, source });
    } catch {
      warn(`warning   ${file}: not a valid release; the build will fail until it is fixed`);
    }
  }
  return found;
}

function progressBar(streams: ImportStreams, total: number) {
  const tty = streams.err.isTTY === true && total >= 50;
  let shown = '';
  return {
    tty,
    update(done: number, label: string) {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
      shown = line.slice(0, (streams.err.columns ?? 80) - 1);
      streams.err.write(`\r\x1b[2K${shown}`);
    },
    clear() {
      if (tty && shown) streams.err.write('\r\x1b[2K');
    },
  };
}

/** Runs an import and reports it; returns the counts. */
export async function runImport(options: ImportOptions, streams: ImportStreams): Promise<ImportSummary> {
  const summary: ImportSummary = {
    imported: 0,
    updated: 0,
    merged: 0,
    unchanged: 0,
    conflicts: 0,
    failed: 0,
    skipped: 0,
  };
  let bar = progressBar(streams, 0);
  const say = (line: string) => {
    bar.clear();
    streams.out.write(`${terminalSafe(line)}\n`);
  };
  // On a terminal showing the bar, routine lines would scroll it away: only problems are printed.
  const routine = (line: string) => {
    if (!(bar.tty && streams.out.isTTY)) say(line);
  };
  const failed = (origin: string, reason: string) => {
    summary.failed++;
    say(`failed    ${origin}: ${reason}`);
  };

  // 0. The destination: written to at all, and without what stopped imports left behind.
  if (!options.dryRun) {
    const problem = await unwritable(options.contentDir);
    if (problem) {
      streams.out.write(`${terminalSafe(`Nothing imported: ${problem}.`)}\n`);
      return { ...summary, failed: 1 };
    }
    for (const file of await removeLeftovers(join(options.contentDir, 'releases'))) {
      say(`removed   ${file}: a temporary file left by an import that was stopped`);
    }
  }

  // 1. Inputs: files as named, folders searched for .txt and .jsonl.
  const files: string[] = [];
  for (const input of options.inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      failed(input, 'no such file or folder');
    } else if (info.isDirectory()) {
      for (const file of await listFiles(input)) {
        if (['.txt', '.jsonl'].includes(extname(file).toLowerCase())) files.push(file);
        else {
          summary.skipped++;
          say(`skipped   ${file}: not a .txt or .jsonl file`);
        }
      }
    } else if (['.txt', '.jsonl'].includes(extname(input).toLowerCase())) {
      files.push(input);
    } else {
      failed(input, 'not a .txt (wire text) or .jsonl (JSON Lines) file');
    }
  }

  // 2. Releases from the inputs, each checked by the schema.
  bar = progressBar(streams, files.length);
  const candidates: Candidate[] = [];
  for (const [index, file] of files.entries()) {
    bar.update(index, 'reading');
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      failed(file, error instanceof ImportError ? error.message : `cannot be read: ${(error as Error).message}`);
      continue;
    }
    if (extname(file).toLowerCase() === '.jsonl') {
      const result = releasesFromJsonLines(file, text, options.defaults);
      if (result.notReleases) {
        summary.skipped++;
        say(`skipped   ${file}: ${result.notReleases}`);
      }
      candidates.push(...result.candidates);
      for (const failure of result.failures) failed(failure.origin, failure.reason);
      if (result.ignored.length > 0) {
        const fields = result.ignored.map(([field, lines]) => `${field} (${lines} ${lines === 1 ? 'line' : 'lines'})`);
        say(`note      ${file}: fields the archive does not read, left out: ${fields.join(', ')}`);
      }
    } else {
      try {
        candidates.push(releaseFromWire(file, text, options.defaults));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        failed(file, error.message);
      }
    }
  }
  for (const candidate of candidates) for (const note of candidate.notes) say(`note      ${candidate.origin}: ${note}`);

  // 3. The plan, against what the archive already holds; then the writes.
  const existing = await existingReleases(options.contentDir, say);
  const { steps, sharedSources } = planImport(candidates, existing, { force: options.force });
  for (const [source, count] of sharedSources) {
    say(
      `note      ${source}: cited by ${count} ${count === 1 ? 'record' : 'records'} of different releases (other dates, titles or speakers): kept as each one's source, not taken as its identity`,
    );
  }
  bar = progressBar(streams, steps.length);
  for (const [index, step] of steps.entries()) {
    bar.update(index, options.dryRun ? 'planning' : 'writing');
    await carryOut(step, options, summary, say, routine);
  }
  bar.clear();

  const counts = [
    `${options.dryRun ? 'would import' : 'imported'} ${summary.imported}`,
    ...(summary.updated ? [`${options.dryRun ? 'would overwrite' : 'overwrote'} ${summary.updated}`] : []),
    ...(summary.merged ? [`${options.dryRun ? 'would merge' : 'merged'} ${summary.merged}`] : []),
    `unchanged ${summary.unchanged}`,
    `conflicts ${summary.conflicts}`,
    `failed ${summary.failed}`,
    ...(summary.skipped ? [`skipped ${summary.skipped}`] : []),
  ].join(', ');
  streams.out.write(
    `${options.dryRun ? 'Dry run, nothing written: ' : ''}${counts.charAt(0).toUpperCase()}${counts.slice(1)}.\n`,
  );
  return summary;
}

async function carryOut(
  step: Step,
  options: ImportOptions,
  summary: ImportSummary,
  say: (line: string) => void,
  routine: (line: string) => void,
): Promise<void> {
  const would = options.dryRun;
  const target = join(options.contentDir, step.path);
  const from = step.candidate.origin;
  switch (step.kind) {
    case 'unchanged':
      summary.unchanged++;
      // A second copy whose title or speaker the release did not take is always said, with both.
      (step.notes.some((note) => note.startsWith('kept')) ? say : routine)(
        `unchanged ${target} ← ${from}${step.notes.length > 0 ? `: ${step.notes.join('; ')}` : ''}`,
      );
      return;
    case 'merged':
      if (step.content !== undefined && !options.dryRun && !(await write(target, step.content, from, summary, say)))
        return;
      summary.merged++;
      // Always said: a merge is a decision an editor may want to check.
      say(`${would ? 'would merge' : 'merged   '} ${target} ← ${from}: ${step.notes.join('; ')}`);
      return;
    case 'conflict':
      summary.conflicts++;
      say(`conflict  ${target} ← ${from}: ${step.reason}`);
      return;
    case 'create':
      if (
        await stat(target).then(
          () => true,
          () => false,
        )
      ) {
        summary.conflicts++;
        say(`conflict  ${target} ← ${from}: a file is already there but is not a valid release; fix or remove it`);
        return;
      }
      if (!options.dryRun && !(await write(target, step.content, from, summary, say))) return;
      summary.imported++;
      routine(`${would ? 'would import' : 'imported '} ${target} ← ${from}`);
      return;
    case 'update':
      if (!options.dryRun && !(await write(target, step.content, from, summary, say))) return;
      summary.updated++;
      routine(`${would ? 'would overwrite' : 'overwrote'} ${target} ← ${from}`);
      return;
  }
}

/** Writes one release; a failure is reported as this release's, and the import goes on. */
async function write(
  target: string,
  content: string,
  from: string,
  summary: ImportSummary,
  say: (line: string) => void,
): Promise<boolean> {
  try {
    await writeWhole(target, content);
    return true;
  } catch (error) {
    summary.failed++;
    say(`failed    ${target} ← ${from}: cannot write: ${writeProblem(error)}`);
    return false;
  }
}
