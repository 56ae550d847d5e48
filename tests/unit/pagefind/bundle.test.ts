import { describe, expect, it } from 'vitest';
import { cborStrings } from '../../../src/pagefind/bundle.ts';

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
