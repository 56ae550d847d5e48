/** Folders as tests compare them, and a second file system to build on. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from './site.ts';

/** Every file of a folder (dot files too) with a hash of its bytes, by path inside it. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = entry.isSymbolicLink() ? Buffer.from(`link`) : await readFile(path);
    files.set(relative(dir, path), createHash('sha256').update(bytes).digest('hex'));
  }
  return files;
}

/** What to undo after the test file: tmpfs mounts, folders on /dev/shm. */
const undo: (() => void)[] = [];

afterAll(() => {
  for (const step of undo.splice(0).reverse()) step();
});

/**
 * A fresh tmpfs of `size` (e.g. `64m`), mounted on a new temporary folder and unmounted after the
 * test file: a second file system, a full disk, or with `readOnly` a read-only one. Mounting needs
 * root, which CI has.
 */
export async function mountTmpfs(size: string, { readOnly = false } = {}): Promise<string> {
  const dir = await tempDir('tmpfs');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    throw new Error(`these tests mount a tmpfs, which needs root (CI runs as root): ${(error as Error).message}`, {
      cause: error,
    });
  }
  undo.push(() => execFileSync('umount', [dir]));
  return dir;
}

/** A folder on another file system than the project's: `/dev/shm` where it is one, else a tmpfs. */
export async function otherFileSystem(project: string): Promise<string> {
  if (existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(project).dev) {
    const dir = join('/dev/shm', `archive-test-${process.pid}-${Date.now()}`);
    await mkdir(dir);
    undo.push(() => execFileSync('rm', ['-rf', dir]));
    return dir;
  }
  return mountTmpfs('512m');
}
