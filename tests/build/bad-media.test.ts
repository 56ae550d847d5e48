/**
 * Releases whose images, components or files are wrong: the build fails, naming each file, the
 * line and what was expected, all at once, and writes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { png } from '../support/media.ts';
import { buildSite, tempDir } from '../support/site.ts';

/** A release of 2026-03-0N whose body is `body`, from line 8 of its file (after 7 lines of frontmatter). */
function release(n: number, body: string): [string, string] {
  const slug = `release-${n}`;
  return [
    `releases/2026/03/2026-03-0${n}-${slug}.mdx`,
    `---\ntitle: "Release ${n}"\nslug: "${slug}"\ndate: 2026-03-0${n}\ntype: "statement"\nspeaker: "A Speaker"\n---\n${body}\n`,
  ];
}

describe('a build from releases with bad media', () => {
  it('fails, naming the file, line and column of each image, component and file that cannot be shown', async () => {
    const content = await tempDir('bad-media');
    const files = [
      release(1, 'Text.\n\n![The ministers at the table](./missing.png)'),
      release(2, 'Text.\n\n![](./photo.png)'),
      release(3, 'Text.\n\n<Chart data="./photo.png" />'),
      release(4, 'Text.\n\n<Figure src="./photo.png" alt={"The ministers"} />'),
      release(
        5,
        'Text.\n\n<Figure src="./photo.png" alt="Fine" />\n\n<Attachment href="./gone.pdf" title="The original" />',
      ),
      release(6, 'Text.\n\n<Figure src="./photo.png" />'),
    ];
    for (const [path, text] of files) {
      await mkdir(join(content, path, '..'), { recursive: true });
      await writeFile(join(content, path), text);
    }
    await writeFile(join(content, 'releases/2026/03/photo.png'), png(40, 30));
    await writeFile(join(content, 'releases/2026/03/notes.docx'), 'not an image');
    await mkdir(join(content, 'releases/2026/04'), { recursive: true });
    await writeFile(join(content, 'releases/2026/04/stray.png'), png(40, 30));
    const out = join(await tempDir('bad-media-out'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    const dir = `${content}/releases/2026/03`;
    for (const line of [
      `${dir}/2026-03-01-release-1.mdx: line 10, column 1: ./missing.png does not exist: expected the file beside the release`,
      `${dir}/2026-03-02-release-2.mdx: line 10, column 1: an image needs alt text saying what it shows`,
      `${dir}/2026-03-03-release-3.mdx: line 10, column 1: a JSX element <Chart> cannot be shown`,
      `${dir}/2026-03-04-release-4.mdx: line 10, column 27: <Figure alt={"The ministers"}>: an {expression} is code, which a release cannot run: write the value in quotes, alt="…"`,
      `${dir}/2026-03-05-release-5.mdx: line 12, column 1: ./gone.pdf does not exist`,
      `${dir}/2026-03-06-release-6.mdx: line 10, column 1: <Figure> needs alt="…" (what the image shows, for readers who cannot see it)`,
      `${dir}/notes.docx: is not a release: expected a .mdx file, or beside a release an image`,
      `${content}/releases/2026/04/stray.png: is not beside a release`,
    ]) {
      expect(output).toContain(line);
    }
    expect(output).toMatch(/The releases have 8 problems:/);
    expect(existsSync(out)).toBe(false);
  });
});
