/**
 * A rebuild reuses what the build before it made: an unchanged release is neither checked into
 * the collection nor rendered again, and a changed one is, so its page shows the new text.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const PAGE = 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html';

describe('a rebuild', () => {
  it('renders only the releases that changed, and shows their new text', async () => {
    const work = await tempDir('rebuild');
    const content = join(work, 'content');
    const out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });

    expect(await buildOrThrow({ contentDir: content, outDir: out })).toMatch(/Loaded 1 releases in [\d.]+ s; rendered 1 bodies/);
    expect(await buildOrThrow({ contentDir: content, outDir: out })).toMatch(/Loaded 1 releases in [\d.]+ s; rendered 0 bodies/);

    const file = join(content, SEED);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph added after the first build.\n`);
    expect(await buildOrThrow({ contentDir: content, outDir: out })).toMatch(/rendered 1 bodies/);
    const html = await readFile(join(out, PAGE), 'utf8');
    expect(html).toContain('>A paragraph added after the first build.</p>');
  });
});
