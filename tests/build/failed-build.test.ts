/**
 * A build never half-succeeds: when it fails, whether at the frontmatter check, at a body that
 * cannot be shown, or later while rendering pages, the site built before stays in the output folder exactly as it was, and the
 * output names every problem the check found.
 */
import { createHash } from 'node:crypto';
import { cp, readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildOrThrow, buildSite, tempDir, writeFileDeep } from '../support/site.ts';

const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';

/** Every file of a folder with a hash of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      path.slice(dir.length),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return files;
}

describe('a failed build', () => {
  let work: string;
  let out: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    work = await tempDir('failed');
    out = join(work, 'dist');
    const good = join(work, 'good');
    await cp(join(ROOT, 'content'), good, { recursive: true });
    await buildOrThrow({ contentDir: good, outDir: out });
    before = await snapshot(out);
    expect(before.size).toBeGreaterThan(20);
  });

  it('lists every problem, names both releases claiming one permalink, and leaves the previous site untouched', async () => {
    const bad = join(work, 'bad');
    await cp(join(ROOT, 'content'), bad, { recursive: true });
    const seed = await readFile(join(bad, SEED), 'utf8');
    // A second file with the seed's date and slug: the same permalink.
    await writeFileDeep(
      join(bad, 'releases/2026/01/copy-of-the-seed.mdx'),
      seed.replace(/^title: .*$/m, 'title: "Another title"'),
    );
    await writeFileDeep(
      join(bad, 'releases/2026/02/no-speaker.mdx'),
      '---\ntitle: "No speaker"\nslug: "no-speaker"\ndate: 2026-02-01\ntype: "speech"\n---\n\nText.\n',
    );
    await writeFileDeep(
      join(bad, 'releases/2026/02/bad-date.mdx'),
      '---\ntitle: "Bad date"\nslug: "bad-date"\ndate: 2026-02-30\ntype: "speech"\nspeaker: "A. Speaker"\n---\n\nText.\n',
    );
    const { code, output } = await buildSite({ contentDir: bad, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toMatch(/The releases have 3 problems/);
    expect(output).toMatch(
      /copy-of-the-seed\.mdx: slug: claims the permalink \/releases\/2026\/01\/26\/remarks-by-nato-secretary-general-mark-rutte\/ already taken by .*2026-01-26-remarks-by-nato-secretary-general-mark-rutte\.mdx/,
    );
    expect(output).toContain('no-speaker.mdx: speaker: is required');
    expect(output).toContain('bad-date.mdx: date: "2026-02-30" is not a calendar date');
    expect(output).toContain('still holds the previous site, unchanged');
    expect(await snapshot(out)).toEqual(before);
    expect(existsSync(`${out}.building`)).toBe(false);
  });

  it('leaves the previous site untouched when a body is not valid MDX or holds code, naming each file and line', async () => {
    const broken = join(work, 'broken');
    await cp(join(ROOT, 'content'), broken, { recursive: true });
    // Valid frontmatter, but bodies that are not valid MDX, or that MDX would run as code.
    const head = (slug: string) =>
      `---\ntitle: "${slug}"\nslug: "${slug}"\ndate: 2026-03-01\ntype: "speech"\nspeaker: "A. Speaker"\n---\n\n`;
    await writeFileDeep(
      join(broken, 'releases/2026/03/2026-03-01-unclosed.mdx'),
      `${head('unclosed')}An expression {that never closes\n`,
    );
    await writeFileDeep(
      join(broken, 'releases/2026/03/2026-03-01-chart.mdx'),
      `${head('chart')}Text.\n\n<Chart data="x" />\n`,
    );
    const { code, output } = await buildSite({ contentDir: broken, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toMatch(/2026-03-01-unclosed\.mdx: line 9, column \d+: is not valid MDX/);
    expect(output).toContain(
      '2026-03-01-chart.mdx: line 11, column 1: a JSX element <Chart> cannot be shown: a release can use <Figure>, <Quote>, <Note>, <Attachment>, <Video>, and is otherwise text',
    );
    expect(await snapshot(out)).toEqual(before);
  });
});
