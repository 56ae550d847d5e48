/**
 * Writing files whole, so that no reader and no crash ever leaves half a file: each write goes to
 * a hidden temporary file beside its target, named by process and thread, then is renamed. A
 * process killed mid-write leaves its temporary file; `removeLeftovers` clears those of
 * processes that have ended.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let written = 0;

/** The hidden temporary file a write of `path` goes through. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}-${threadId}-${written++}.tmp`);
}

/** A temporary file of `temporaryPath`, with its process's id. */
const TEMPORARY = /^\..+\.(\d+)-\d+-\d+\.tmp$/;

/** Writes `content` to `path` whole, making its folder if need be. */
export async function writeWhole(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * `writeWhole` for a thread whose only work is writing what it makes (a render worker): a
 * synchronous write costs it nothing, where an asynchronous one leaves it idle while Node's
 * shared file-system threads take turns. The folder must exist (`mkdirSync` it once).
 */
export function writeWholeSync(path: string, content: string | Uint8Array): void {
  const temporary = temporaryPath(path);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files below `dir` of processes that have ended; gives their paths. */
export async function removeLeftovers(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => []);
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMPORARY.exec(basename(name))?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(join(dir, name));
  }
  return removed;
}
