/**
 * The files of a content folder as the build may read them. A content folder may come from people
 * the archive does not fully trust (a pull request of releases, built by CI), so every file the
 * build reads from it must be a regular file inside it: not a symbolic link (which could lead to
 * `/etc/passwd`, or to a module that Vite would run), not a second name of a file elsewhere (a
 * hard link), not a device or a pipe, and not named with characters a reader cannot see (controls,
 * marks that reorder text). These are refused before any other tool sees the file, naming it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { hasHiddenCharacters, showHidden } from './text.ts';

/** What kind of thing a file system entry is, for a message. */
function kindOf(stats: {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
}) {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

const REGULAR_ONLY = 'the build reads only regular files inside the content folder: put the file itself there';

/**
 * What is wrong with `path` (absolute, inside `root`) as a file the build may read, or
 * `undefined`: each folder on the way from `root` and the file itself are checked without
 * following links.
 */
export function contentFileProblem(root: string, path: string): string | undefined {
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return 'is not inside the content folder';
  const parts = inside.split(sep);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = join(at, part);
    if (hasHiddenCharacters(part))
      return `has characters a reader cannot see in its name (${showHidden(part)}): rename it`;
    let stats;
    try {
      stats = lstatSync(at);
    } catch {
      return 'does not exist';
    }
    const last = i === parts.length - 1;
    if (last ? !stats.isFile() : !stats.isDirectory()) {
      return last || stats.isSymbolicLink()
        ? `is ${kindOf(stats)}${last ? '' : ` (${parts.slice(0, i + 1).join('/')})`}: ${REGULAR_ONLY}`
        : 'does not exist';
    }
    if (last && stats.nlink > 1)
      return `is a hard link, a second name of a file that may lie elsewhere: ${REGULAR_ONLY}`;
  }
  return undefined;
}

/**
 * The bytes of a file in a content folder, read only when `contentFileProblem` finds nothing
 * wrong, and opened without following a link (in case one was put there since). Throws with the
 * problem.
 */
export function readContentFile(root: string, path: string): Buffer {
  const problem = contentFileProblem(root, path);
  if (problem) throw new Error(problem);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`is not a regular file: ${REGULAR_ONLY}`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file the walk refused, and why. */
export interface RefusedFile {
  file: string;
  message: string;
}

/**
 * Every regular file below a folder, sorted, and every entry that cannot be read as one: symbolic
 * links, pipes, devices, hard links and hidden characters, in hidden folders too. Links are never
 * followed (Node's own recursive listing follows links to folders). Hidden files and folders
 * (`.git`, `.DS_Store`) are looked into but not listed, as nothing reads them.
 */
export async function walkContent(dir: string): Promise<{ files: string[]; refused: RefusedFile[] }> {
  const files: string[] = [];
  const refused: RefusedFile[] = [];
  // The folder itself is read only if it is one: `releases` linked elsewhere would bring it all in.
  const root = lstatSync(dir);
  if (!root.isDirectory()) return { files, refused: [{ file: dir, message: `is ${kindOf(root)}: ${REGULAR_ONLY}` }] };
  const folders: { path: string; hidden: boolean }[] = [{ path: dir, hidden: false }];
  for (let folder = folders.pop(); folder; folder = folders.pop()) {
    for (const entry of await readdir(folder.path, { withFileTypes: true })) {
      const path = join(folder.path, entry.name);
      const hidden = folder.hidden || entry.name.startsWith('.');
      if (hasHiddenCharacters(entry.name)) {
        refused.push({ file: showHidden(path), message: 'has characters a reader cannot see in its name: rename it' });
      } else if (entry.isDirectory()) {
        folders.push({ path, hidden });
      } else if (!entry.isFile()) {
        refused.push({ file: path, message: `is ${kindOf(entry)}: ${REGULAR_ONLY}` });
      } else if (!hidden) {
        const problem = lstatSync(path).nlink > 1 ? contentFileProblem(dir, path) : undefined;
        if (problem) refused.push({ file: path, message: problem });
        else files.push(path);
      }
    }
  }
  return { files: files.sort(), refused: refused.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}
