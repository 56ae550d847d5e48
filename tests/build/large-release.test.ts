/**
 * Large releases: whatever the importer accepts, the build builds, up to 50 MB of text and more;
 * beyond the archive's limits, the importer refuses with the limit, and the build names the file.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PARAGRAPH_CHARACTERS } from '../../src/model/release-file.ts';
import { releaseParagraphs } from '../support/html.ts';
import { runImportCommand } from '../support/import.ts';
import { SEED_FILE, buildOrThrow, buildSite, tempDir, writeFileDeep } from '../support/site.ts';

const PAGE = 'releases/2020/05/01/a-very-long-release/index.html';

describe('a release of 50 MB of text', () => {
  it('imports, builds, is indexed for search, and leaves no temporary folder', { timeout: 900_000 }, async () => {
    const work = await tempDir('large');
    // Paragraphs of a hundred of the seed's words, to 50 MB.
    const words = (await readFile(SEED_FILE, 'utf8')).split(/\s+/).filter(Boolean);
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 50_000_000; i++) {
      const paragraph = Array.from({ length: 100 }, (_, k) => words[(i * 37 + k * 11) % words.length]).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 1;
    }
    const record = {
      title: 'A very long release',
      speaker: 'A. Speaker',
      date: '2020-05-01',
      text: paragraphs.join('\n'),
    };
    await writeFile(join(work, 'long.jsonl'), `${JSON.stringify(record)}\n`);
    const content = join(work, 'content');
    const imported = await runImportCommand(['--content', content, join(work, 'long.jsonl')]);
    expect(imported.code).toBe(0);

    const out = join(work, 'dist');
    const output = await buildOrThrow({ contentDir: content, outDir: out });
    expect(output).toMatch(/Indexed 1 release for search/);
    const shown = releaseParagraphs(await readFile(join(out, PAGE), 'utf8'));
    expect(shown.length).toBe(paragraphs.length);
    expect(shown.at(-1)).toBe(paragraphs.at(-1));
    expect((await readdir(work)).sort()).toEqual(['content', 'dist', 'long.jsonl']);
  });
});

describe('a release beyond the limits', () => {
  it('stops the build with the file, the line and the limit', async () => {
    const content = await tempDir('too-long');
    const head =
      '---\ntitle: "Too long"\nslug: "too-long"\ndate: 2020-05-01\ntype: "speech"\nspeaker: "A. Speaker"\n---\n\n';
    await writeFileDeep(
      join(content, 'releases/2020/05/2020-05-01-too-long.mdx'),
      `${head}Fine.\n\n${'word '.repeat(MAX_PARAGRAPH_CHARACTERS / 5 + 1)}\n`,
    );
    const huge = `${head}${`${'x'.repeat(1023)}\n`.repeat(65 * 1024)}`;
    await writeFileDeep(
      join(content, 'releases/2020/05/2020-05-02-huge.mdx'),
      huge.replace(/too-long/g, 'huge').replace('2020-05-01', '2020-05-02'),
    );
    const result = await buildSite({ contentDir: content, outDir: join(await tempDir('too-long-out'), 'dist') });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      '2020-05-01-too-long.mdx: line 11, column 1: a paragraph of 2,000,005 characters: the archive builds paragraphs of at most 2,000,000 characters',
    );
    expect(result.output).toMatch(
      /2020-05-02-huge\.mdx: is 65\.0 MiB: the archive builds release files of at most 64 MiB/,
    );
  });
});
