import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cborStrings, reuseBundle } from '../../../src/pagefind/bundle.ts';
import { tempDir } from '../../support/site.ts';

describe('reading Pagefind metadata', () => {
  it('finds every text string in CBOR, skipping numbers, floats, simple values and bytes', () => {
    // Written by hand from RFC 8949: [ "1.6.0", [["en_abc1234", 12]], 7686, {"a": 1.5}, true, null, h'00' ]
    const data = Uint8Array.from([
      0x87,
      0x65,
      ...Buffer.from('1.6.0'),
      0x81,
      0x82,
      0x6a,
      ...Buffer.from('en_abc1234'),
      0x0c,
      0x19,
      0x1e,
      0x06,
      0xa1,
      0x61,
      ...Buffer.from('a'),
      0xfb,
      0x3f,
      0xf8,
      0,
      0,
      0,
      0,
      0,
      0,
      0xf5,
      0xf6,
      0x41,
      0x00,
    ]);
    expect(cborStrings(data)).toEqual(['1.6.0', 'en_abc1234', 'a']);
  });

  it('says so when the data ends early or uses what it does not read', () => {
    expect(() => cborStrings(Uint8Array.from([0x82, 0x01]))).toThrow('CBOR data ends early');
    expect(() => cborStrings(Uint8Array.from([0x9f, 0x01, 0xff]))).toThrow(/unsupported CBOR length 31/);
  });
});

describe('reusing index files', () => {
  it('brings the hashed files of the previous bundle, not its entry or code', async () => {
    const work = await tempDir('reuse');
    const [previous, next] = [join(work, 'old'), join(work, 'new')];
    await mkdir(join(previous, 'fragment'), { recursive: true });
    await writeFile(join(previous, 'fragment', 'en_1234567.pf_fragment'), 'text');
    await writeFile(join(previous, 'pagefind-entry.json'), '{}');
    expect(await reuseBundle(previous, next)).toEqual([join('fragment', 'en_1234567.pf_fragment')]);
    expect(await readdir(next)).toEqual(['fragment']);
    await expect(readFile(join(next, 'fragment', 'en_1234567.pf_fragment'), 'utf8')).resolves.toBe('text');
    expect(await reuseBundle(join(work, 'none'), join(work, 'other'))).toEqual([]);
  });
});
