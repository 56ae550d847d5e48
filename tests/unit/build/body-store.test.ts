import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BodyStore, bodyKey } from '../../../src/build/body-store.ts';
import { renderBody } from '../../../src/model/render-body.ts';
import { tempDir } from '../../support/site.ts';

describe('the body store', () => {
  it('keys a body by its text and its renderer, reads back what it wrote, and prunes what is no longer needed', async () => {
    const store = new BodyStore(await tempDir('bodies'));
    const one = bodyKey('one');
    const two = bodyKey('two');
    expect(one).not.toBe(two);
    expect(bodyKey('one')).toBe(one);
    expect(bodyKey('one', 'another renderer')).not.toBe(one);
    expect(store.has(one)).toBe(false);
    expect(store.read(one)).toBeUndefined();
    store.write(one, renderBody('One.'));
    store.write(two, renderBody('Two.'));
    expect(store.has(one)).toBe(true);
    expect(store.read(one)?.paragraphs).toEqual(['One.']);
    expect(store.readSummary(one)).toBe('One.');
    await store.prune(new Set([two]));
    expect((await readdir(store.dir)).sort()).toEqual([`${two}.json`, `${two}.summary`]);
  });

  it('keeps the media items of a body that shows any beside it, readable without its text', async () => {
    const store = new BodyStore(await tempDir('bodies'));
    const key = bodyKey('with a figure');
    store.write(key, renderBody('Text.\n\n![A chart](./chart.svg)', 5));
    expect(store.readMedia(key)).toEqual([{ kind: 'figure', src: 'chart.svg', alt: 'A chart', line: 7, column: 1 }]);
    expect(store.readMedia(bodyKey('not stored'))).toEqual([]);
    expect((await readdir(store.dir)).sort()).toEqual([`${key}.json`, `${key}.media`, `${key}.summary`]);
  });

  it('lives in the bodies folder of the Astro cache folder it is given', () => {
    expect(new BodyStore(new URL('file:///srv/cache/')).dir).toBe('/srv/cache/bodies');
  });
});
