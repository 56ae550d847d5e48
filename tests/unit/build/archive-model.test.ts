import { readFile, utimes, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../../src/build/archive-model.ts';
import { BodyStore } from '../../../src/build/body-store.ts';
import { DEFAULT_LIMITS } from '../../../src/model/media.ts';
import { tempDir, writeReleases } from '../../support/site.ts';

const release = (title: string) => ({
  data: { title, slug: 'remarks', date: '2016-05-01', type: 'remarks' as const, speaker: 'A. Speaker' },
  paragraphs: ['The words of the remarks.'],
});

/** Waits out the window in which the model's cache does not trust a file's times (two seconds). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

describe('the archive model read again', () => {
  it('takes an unchanged file from its cache, and reads a changed one again though its size and time are as before', async () => {
    const dir = await tempDir('model');
    const content = join(dir, 'content');
    await writeReleases(content, [release('First title')]);
    const file = join(content, 'releases/2016/05/2016-05-01-remarks.mdx');
    const store = new BodyStore(join(dir, 'cache', 'bodies'));
    const cache = join(dir, 'cache', 'model.jsonl');
    const read = () => readArchive(join(content, 'releases'), store, (p) => p, DEFAULT_LIMITS, cache);
    await settle();
    const first = await read();
    expect(first.releases.map((r) => r.data.title)).toEqual(['First title']);
    expect(first.rendered).toBe(1);
    // The cache names the release with its file's identity and what reading it gave.
    expect(await readFile(cache, 'utf8')).toContain('"path":"2016/05/2016-05-01-remarks.mdx"');
    const again = await read();
    expect(again.rendered).toBe(0);
    expect(again.releases).toEqual(first.releases);
    // The same size and modification time, other text: the change time gives it away.
    const before = await stat(file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('First title', 'Other title'));
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    const changed = await read();
    expect(changed.releases.map((r) => r.data.title)).toEqual(['Other title']);
    expect(changed.releases[0]!.stamp).not.toBe(first.releases[0]!.stamp);
  });
});
