/**
 * Reading a written Pagefind bundle: how many pages of each language it holds
 * (`pagefind-entry.json`), and the text strings of its CBOR files (metadata, filters, fragments),
 * which tests read to see what the index holds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
