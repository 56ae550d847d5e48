/**
 * What the bench measures a build or a page with: a command's time and the peak memory of its
 * whole process tree, a folder's size, what a build changed in a folder, and a file's size as a
 * host serves it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../tests/support/site.ts';

/** How a measured command ended: its exit code, wall time, peak memory and what it printed. */
export interface Measured {
  code: number;
  seconds: number;
  peakMiB: number;
  output: string;
}

/** Runs a command from the project's folder, sampling the resident memory of it and all its descendants. */
export function measured(command: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    let peak = 0;
    const timer = setInterval(async () => (peak = Math.max(peak, await treeRss(child.pid!))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024 / 1024, output });
    });
  });
}

/** Resident bytes of a process and all its descendants, from /proc. */
async function treeRss(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    parents.set(Number(entry), Number(fields[1]));
    rss.set(Number(entry), Number(fields[21]) * 4096);
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** The bytes and number of files in a folder and below it; nothing when it does not exist. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

/** Each file below a folder, by its path inside it: its size and a hash of its bytes. */
export type Snapshot = Map<string, { size: number; hash: string }>;

/** What the files of a folder are now, to learn afterwards what a build changed in it. */
export async function snapshot(dir: string): Promise<Snapshot> {
  const files: Snapshot = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const data = await readFile(path);
    files.set(path.slice(dir.length + 1), { size: data.length, hash: createHash('sha1').update(data).digest('hex') });
  }
  return files;
}

/** What a host must be sent to go from one publish to the next: files by their bytes, not their times. */
export interface FolderChanges {
  added: number;
  changed: number;
  removed: number;
  /** The bytes of the files added or changed. */
  bytes: number;
}

/** The files added, changed (other bytes) and removed between two snapshots of a folder. */
export function compareSnapshots(before: Snapshot, after: Snapshot): FolderChanges {
  const changes = { added: 0, changed: 0, removed: 0, bytes: 0 };
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old?.hash === file.hash) continue;
    if (old) changes.changed++;
    else changes.added++;
    changes.bytes += file.size;
  }
  for (const path of before.keys()) if (!after.has(path)) changes.removed++;
  return changes;
}

/**
 * The bytes a host sends for a path of a built site, taken from the file itself: text files
 * gzipped, as a host that compresses text serves them; Pagefind's index files and its WebAssembly
 * as they are (they are compressed already). A path that names no file counts nothing.
 */
export async function servedBytes(site: string, path: string): Promise<number> {
  const data = await readFile(join(site, path.endsWith('/') ? `${path}index.html` : path)).catch(() => undefined);
  if (!data) return 0;
  return /\.(?:html|css|js|json)$|\/$/.test(path) ? gzipSync(data).length : data.length;
}
