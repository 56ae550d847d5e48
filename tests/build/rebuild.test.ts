/**
 * A rebuild reuses what the build before it made: an unchanged release is neither checked nor
 * rendered again, a build with nothing changed leaves the site as it is, and a changed release has
 * its page, its part of the search index and what lists it made again, showing the new text.
 */
import { spawn } from 'node:child_process';
import { cp, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PartsFile } from '../../src/pagefind/parts.ts';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const PAGE = 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html';

/** The fragments (each a release's text) of the index's one part. */
async function fragments(site: string): Promise<string[]> {
  const { paths } = JSON.parse(await readFile(join(site, 'pagefind/archive-parts.json'), 'utf8')) as PartsFile;
  const folder = join(site, 'pagefind', paths[0]!, 'fragment');
  return Promise.all(
    (await readdir(folder)).map(async (name) => gunzipSync(await readFile(join(folder, name))).toString()),
  );
}

describe('a rebuild', () => {
  it('renders only the releases that changed, and shows their new text', async () => {
    const work = await tempDir('rebuild');
    const content = join(work, 'content');
    const out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });

    const first = await buildOrThrow({ contentDir: content, outDir: out });
    expect(first).toMatch(/Read 1 release in [\d.]+ s; rendered 1 body/);
    expect(first).toMatch(/^Built 1 release in full \(there is no previous site\)/m);
    const page = await stat(join(out, PAGE));
    const second = await buildOrThrow({ contentDir: content, outDir: out });
    expect(second).toMatch(/rendered 0 bodies/);
    expect(second).toMatch(
      /^Published 0 new, 0 changed, 0 removed releases: 0 files added or changed, 0 files removed, 0 of 1 index part made/m,
    );
    // Every file is the one the first build wrote, linked into the new site.
    expect((await stat(join(out, PAGE))).ino).toBe(page.ino);

    const file = join(content, SEED);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph added after the first build.\n`);
    const third = await buildOrThrow({ contentDir: content, outDir: out });
    expect(third).toMatch(/rendered 1 body/);
    expect(third).toMatch(/^Published 0 new, 1 changed, 0 removed release: .*, 1 of 1 index part made/m);
    const html = await readFile(join(out, PAGE), 'utf8');
    expect(html).toContain('>A paragraph added after the first build.</p>');
    // The index's one fragment holds the new text.
    const texts = await fragments(out);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('A paragraph added after the first build.');
    const published = JSON.parse(await readFile(join(out, '.archive-publish.json'), 'utf8')) as { changed: string[] };
    expect(published.changed).toContain(PAGE);
  });

  it('renders every body again when the renderer changes, so no page shows HTML of the old one', async () => {
    // A copy of the project, whose renderer can be changed without touching this one.
    const work = await tempDir('renderer-change');
    const project = join(work, 'project');
    for (const entry of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      await cp(join(ROOT, entry), join(project, entry), { recursive: true });
    }
    await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const content = join(work, 'content');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    const build = () =>
      new Promise<string>((resolve, reject) => {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          ARCHIVE_CONTENT_DIR: content,
          ARCHIVE_OUT_DIR: join(work, 'dist'),
          ASTRO_TELEMETRY_DISABLED: '1',
        };
        for (const key of Object.keys(env))
          if (/^(?:BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|TEST|VITEST.*)$/.test(key)) delete env[key];
        const child = spawn(process.execPath, [join(project, 'scripts/build.ts')], { cwd: project, env });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(output))));
      });
    expect(await build()).toMatch(/rendered 1 body/);
    expect(await build()).toMatch(/rendered 0 bodies/);
    const plugin = join(project, 'src/model/paragraph-ids.ts');
    await writeFile(plugin, (await readFile(plugin, 'utf8')).replace('link, copy or cite', 'a link to it'));
    const changed = await build();
    expect(changed).toMatch(/rendered 1 body/);
    // The code changed: the whole site is built again, and says why.
    expect(changed).toMatch(/^Full build: the code, the packages, the settings, site.yaml or names.yaml changed/m);
    const html = await readFile(join(work, 'dist', PAGE), 'utf8');
    expect(html).toContain('aria-label="Paragraph 1: a link to it"');
    expect(html).not.toContain('link, copy or cite');
  });
});
