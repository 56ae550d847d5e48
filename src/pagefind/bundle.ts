/**
 * Reusing the previous build's search index files. Pagefind names each index, filter and
 * fragment file by a hash of what it holds, and does not write a file that already exists, so a
 * rebuild that starts from the previous bundle's files writes only those that changed: the
 * fragments of changed releases, and the index chunks whenever a release is added or removed
 * (page numbers shift). The files are hard links: the previous site stays as it was, and
 * since a name stands for its contents, a file is never written with anything else. Afterwards,
 * the files brought over that the new index does not name are removed again.
 */
import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The folders of a bundle whose files are named by their contents. */
const HASHED = ['fragment', 'index', 'filter'];

/**
 * Brings the hashed files of the bundle at `previous` (if there is one) into `next`, and gives
 * their paths relative to the bundle.
 */
export async function reuseBundle(previous: string, next: string): Promise<string[]> {
  const brought: string[] = [];
  for (const folder of HASHED) {
    const names = await readdir(join(previous, folder)).catch(() => []);
    if (names.length === 0) continue;
    await mkdir(join(next, folder), { recursive: true });
    for (const name of names) {
      const path = join(folder, name);
      // A hard link costs nothing; where there can be none (another disk), a copy does.
      await link(join(previous, path), join(next, path)).catch(() => copyFile(join(previous, path), join(next, path)));
      brought.push(path);
    }
  }
  return brought;
}

/**
 * The text strings in CBOR data (RFC 8949), which is how Pagefind writes its metadata. Only what
 * that metadata uses is read: numbers, strings, arrays, maps and simple values.
 */
export function cborStrings(data: Uint8Array): string[] {
  const strings: string[] = [];
  const decoder = new TextDecoder();
  let at = 0;
  // Additional information 24 to 27: the value follows in 1, 2, 4 or 8 bytes.
  const sizeOf = (info: number) => [1, 2, 4, 8][info - 24];
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = sizeOf(info);
    if (size === undefined) throw new Error(`unsupported CBOR length ${info} at byte ${at}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + data[at++]!;
    return value;
  };
  const item = (): void => {
    if (at >= data.length) throw new Error('CBOR data ends early');
    const head = data[at++]!;
    const [major, info] = [head >> 5, head & 31];
    if (major === 7) {
      // false, true, null and floats: skipped.
      at += info < 24 ? 0 : (sizeOf(info) ?? 0);
      return;
    }
    const value = argument(info);
    if (major === 2) at += value;
    else if (major === 3) {
      strings.push(decoder.decode(data.subarray(at, at + value)));
      at += value;
    } else if (major === 4) for (let i = 0; i < value; i++) item();
    else if (major === 5) for (let i = 0; i < 2 * value; i++) item();
    else if (major === 6) item();
  };
  while (at < data.length) item();
  return strings;
}

/** The languages of a written bundle, each with its metadata's hash and its number of pages. */
export async function bundleLanguages(bundle: string): Promise<{ hash: string; page_count: number }[]> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  return Object.values(entry.languages);
}

/**
 * The names (without extension) of the hashed files a written bundle's metadata refers to. It
 * names a fragment for every page; fewer names mean the metadata was not read as it should be.
 */
async function namedFiles(bundle: string): Promise<Set<string>> {
  const names = new Set<string>();
  let pages = 0;
  for (const { hash, page_count } of await bundleLanguages(bundle)) {
    const file = `pagefind.${hash}.pf_meta`;
    const meta = gunzipSync(await readFile(join(bundle, file)));
    const signature = 'pagefind_dcd';
    if (meta.subarray(0, signature.length).toString() !== signature) {
      throw new Error(`${join(bundle, file)} is not Pagefind metadata as this build knows it`);
    }
    for (const text of cborStrings(meta.subarray(signature.length))) names.add(text);
    pages += page_count;
  }
  if (names.size < pages) {
    throw new Error(
      `${bundle}: its metadata names ${names.size} files for ${pages} pages; expected one per page at least`,
    );
  }
  return names;
}

/** Removes the files `reuseBundle` brought into `bundle` that its new metadata does not name. */
export async function pruneBundle(bundle: string, brought: readonly string[]): Promise<number> {
  if (brought.length === 0) return 0;
  const named = await namedFiles(bundle);
  const stale = brought.filter((path) => !named.has(basename(path, extname(path))));
  await Promise.all(stale.map((path) => rm(join(bundle, path), { force: true })));
  return stale.length;
}
