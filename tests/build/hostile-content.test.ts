/**
 * A content folder from someone the archive does not trust, as a pull request built by CI would
 * bring it: links to modules and to files elsewhere, files that are not what they say, scripts in
 * SVGs, names that hide characters, YAML that multiplies itself, redirects that lead out. Each
 * build fails naming every file and what was expected; nothing runs, nothing outside the content
 * folder reaches the site or the log, and nothing outside the output folder changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { link, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../support/files.ts';
import { png } from '../support/media.ts';
import { buildSite, tempDir, writeFileDeep } from '../support/site.ts';

/** A release of February 2026 with `body`, from line 8 of its file; `extra` goes in its frontmatter. */
function release(day: number, body: string, extra = ''): [string, string] {
  const date = `2026-02-${String(day).padStart(2, '0')}`;
  return [
    `releases/2026/02/${date}-release-${day}.mdx`,
    `---\ntitle: "Release ${day}"\nslug: "release-${day}"\ndate: ${date}\ntype: "statement"\n${extra || 'speaker: "A Speaker"\n'}---\n${body}\n`,
  ];
}

/** Writes release `day` of February 2026, of one paragraph, into a content folder. */
async function writeRelease(content: string, day: number): Promise<void> {
  const [path, text] = release(day, 'Text.');
  await writeFileDeep(join(content, path), text);
}

/** A PNG whose header declares `width` × `height` pixels, and none of them. */
function declaredPng(width: number, height: number): Buffer {
  const bytes = png(1, 1);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

/** A folder outside the content folder, with a secret, a page a redirect could overwrite, and a module's target. */
async function outsideFolder() {
  const outside = await tempDir('outside');
  const marker = `SECRET-${Math.random().toString(36).slice(2)}`;
  await writeFile(join(outside, 'secret.txt'), `${marker} the first line of a secret\n`);
  await writeFile(join(outside, 'hard.txt'), `${marker} a file with a second name\n`);
  await writeFileDeep(join(outside, 'inner/index.html'), '<p>A page no build may replace.</p>\n');
  return { outside, marker, pwned: join(outside, 'pwned.txt') };
}

/** The first line of /etc/passwd, which must reach no log. */
const passwdLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;

describe('a build from a hostile content folder', () => {
  it('runs no module, reads no file outside it, and refuses every bad file, naming it', async () => {
    const content = await tempDir('hostile');
    const { outside, marker, pwned } = await outsideFolder();
    const before = await snapshot(outside);
    const dir = join(content, 'releases/2026/02');
    // A module in a hidden folder, which the content check skips, linked as an image.
    await writeFileDeep(
      join(content, '.assets/chart.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(pwned)}, 'ran');\nexport default {};\n`,
    );
    const files = [
      release(1, 'Text.\n\n<Figure src="./chart.png" alt="A chart" />'),
      release(
        2,
        'Text.\n\n<Attachment href="./passwd.pdf" title="Users" />\n\n<Attachment href="./secret.pdf" title="A secret" />',
      ),
      release(
        3,
        'Text.\n\n<Attachment href="./page.pdf" title="A page" />\n\n<Attachment href="./hard.pdf" title="Hard" />',
      ),
      release(4, 'Text.\n\n![A chart](./script.svg)\n\n![A photo](./jpeg.png)\n\n![A huge photo](./huge.png)'),
      release(5, 'Text with [a link](javascript:alert(document.domain)).'),
      release(6, 'Text.\n\n[x]: data:text/html,<script>alert(1)</script>'),
      release(7, 'Text.', 'speaker: "Mark \\u202Eettur"\n'),
      release(8, 'Text.', 'speaker: "A Speaker"\nupdates:\n  - date: 2099-12-31\n    note: "Not yet."\n'),
    ];
    for (const [path, text] of files) await writeFileDeep(join(content, path), text);
    await symlink('../../../.assets/chart.mjs', join(dir, 'chart.png'));
    await symlink('/etc/passwd', join(dir, 'passwd.pdf'));
    await symlink(join(outside, 'secret.txt'), join(dir, 'secret.pdf'));
    await link(join(outside, 'hard.txt'), join(dir, 'hard.pdf'));
    await writeFile(join(dir, 'page.pdf'), '<html><script>alert(1)</script></html>');
    await writeFile(
      join(dir, 'script.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch("/releases.json")</script><foreignObject/></svg>',
    );
    await writeFile(join(dir, 'jpeg.png'), await sharp(png(40, 30)).jpeg().toBuffer());
    await writeFile(join(dir, 'huge.png'), declaredPng(30_000, 30_000));
    // 200 MB that take no space, refused by their size before a byte is read.
    execFileSync('truncate', ['-s', '200M', join(dir, 'big.png')]);
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    await writeFile(join(dir, 'photo\u202egnp.png'), png(4, 4));
    await symlink(outside, join(content, 'releases/2026/03'));
    const out = join(await tempDir('hostile-out'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    const link_ = 'the build reads only regular files inside the content folder: put the file itself there';
    for (const line of [
      `${dir}/chart.png: is a symbolic link: ${link_}`,
      `${dir}/2026-02-01-release-1.mdx: line 10, column 1: ./chart.png is a symbolic link`,
      `${dir}/passwd.pdf: is a symbolic link: ${link_}`,
      `${dir}/secret.pdf: is a symbolic link: ${link_}`,
      `${dir}/hard.pdf: is a hard link, a second name of a file that may lie elsewhere: ${link_}`,
      `${dir}/page.pdf: is not a PDF: it does not start as one (%PDF-)`,
      `${dir}/script.svg: holds what a published image cannot: an event handler onload=, <script>, <foreignObject>`,
      `${dir}/jpeg.png: is a JPEG image, not the PNG its name says: give it the extension of its kind`,
      `${dir}/huge.png: is 900 megapixels: the archive publishes images of at most 100 megapixels (ARCHIVE_MAX_IMAGE_MEGAPIXELS)`,
      `${dir}/big.png: is 200.0 MiB: the archive publishes images of at most 20.0 MiB (ARCHIVE_MAX_IMAGE_MB)`,
      `${dir}/pipe.png: is a named pipe: ${link_}`,
      `${dir}/photo\\u202egnp.png: has characters a reader cannot see in its name: rename it`,
      `${content}/releases/2026/03: is a symbolic link: ${link_}`,
      `${dir}/2026-02-05-release-5.mdx: line 8, column 11: a link to javascript: cannot be published`,
      `${dir}/2026-02-06-release-6.mdx: line 10, column 1: a link to data: cannot be published`,
      `${dir}/2026-02-07-release-7.mdx: speaker: "Mark \\u202eettur" holds characters a reader cannot see`,
      `${dir}/2026-02-08-release-8.mdx: updates.0.date: 2099-12-31 is after the day of the build`,
    ]) {
      expect(output).toContain(line);
    }
    // Nothing ran, nothing outside the folder reached the log, nothing was written.
    expect(existsSync(pwned)).toBe(false);
    expect(output).not.toContain(marker);
    expect(output).not.toContain(passwdLine);
    expect(output).not.toContain('\u202e');
    expect(existsSync(out)).toBe(false);
    expect(await snapshot(outside)).toEqual(before);
  });

  it('refuses names.yaml of aliases at its first anchor, naming the file', async () => {
    const content = await tempDir('aliases');
    await writeRelease(content, 1);
    // A list aliased in every entry: each entry holds every spelling, so checking it once took
    // time and memory with the square of the file's size.
    const lines = [
      'speakers:',
      '  - name: A',
      `    variants: &all [${Array.from({ length: 2000 }, (_, i) => `v${i}`).join(', ')}]`,
    ];
    for (let i = 0; i < 20_000; i++) lines.push(`  - { name: B${i}, variants: *all }`);
    await writeFile(join(content, 'names.yaml'), `${lines.join('\n')}\n`);
    const { code, output } = await buildSite({
      contentDir: content,
      outDir: join(await tempDir('aliases-out'), 'dist'),
    });
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${content}/names.yaml has 1 problem:\n  ${content}/names.yaml: is not valid YAML: line 3: holds the anchor &all: anchors and aliases (&name, *name) are not read; write each value out`,
    );
  });

  it('refuses a site.yaml address or base that is no address, naming site.yaml', async () => {
    const content = await tempDir('site-yaml');
    await writeFile(join(content, 'site.yaml'), 'site: "javascript:alert(1)"\nbase: "/../../etc"\n');
    const { code, output } = await buildSite({ contentDir: content, outDir: join(await tempDir('site-out'), 'dist') });
    expect(code).not.toBe(0);
    expect(output).toContain(`${content}/site.yaml: site: expected an absolute http(s) address`);
    expect(output).toContain(`${content}/site.yaml: base: expected a path such as /press, without . or .. in it`);
    expect(output).not.toContain('ARCHIVE_SITE is');
  });

  it('refuses redirects that would write outside the output folder, and changes nothing there', async () => {
    const content = await tempDir('redirects');
    const { outside } = await outsideFolder();
    const before = await snapshot(outside);
    await writeRelease(content, 1);
    const out = join(await tempDir('redirects-out'), 'dist');
    const up = '/..'.repeat(out.split('/').length + 2);
    const entries = { [`${up}${outside}/inner/`]: '/releases/2026/02/01/release-1/' };
    await writeFile(join(content, 'redirects.json'), JSON.stringify(entries));
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${content}/redirects.json has a problem:\n  ${JSON.stringify(Object.keys(entries)[0])}: "/releases/2026/02/01/release-1/": the old permalink holds "..", which leads out of its folder`,
    );
    expect(await snapshot(outside)).toEqual(before);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a redirect over a release’s page, naming redirects.json and the entry', async () => {
    const content = await tempDir('shadow');
    for (const day of [1, 2]) await writeRelease(content, day);
    await writeFile(
      join(content, 'redirects.json'),
      JSON.stringify({ '/releases/2026/02/01/release-1/': '/releases/2026/02/02/release-2/' }),
    );
    const out = join(await tempDir('shadow-out'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${content}/redirects.json: "/releases/2026/02/01/release-1/": the old permalink is a release's page: a redirect would replace it`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an about.mdx that is a link to a file outside, naming it and nothing of what it links to', async () => {
    const content = await tempDir('about');
    await writeRelease(content, 1);
    await symlink('/etc/passwd', join(content, 'about.mdx'));
    const out = join(await tempDir('about-out'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${content}/about.mdx: is a symbolic link: the build reads only regular files inside the content folder`,
    );
    expect(output).not.toContain(passwdLine);
    expect(existsSync(out)).toBe(false);
  });
});
