/**
 * A rebuild reuses what the build before it made: an unchanged release is neither checked into
 * the collection nor rendered again, and a changed one is, so its page shows the new text. The
 * search index starts from the previous one's files and keeps only those it still uses.
 */
import { spawn } from 'node:child_process';
import { cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const PAGE = 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html';

/** The files of a site's search index named by their contents, as `folder/name`. */
async function hashedFiles(site: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ['fragment', 'index', 'filter']) {
    for (const name of await readdir(join(site, 'pagefind', folder))) files.push(`${folder}/${name}`);
  }
  return files.sort();
}

describe('a rebuild', () => {
  it('renders only the releases that changed, and shows their new text', async () => {
    const work = await tempDir('rebuild');
    const content = join(work, 'content');
    const out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });

    const first = await buildOrThrow({ contentDir: content, outDir: out });
    expect(first).toMatch(/Loaded 1 releases in [\d.]+ s; rendered 1 bodies/);
    expect(first).not.toMatch(/reused/);
    const indexFiles = await hashedFiles(out);
    const second = await buildOrThrow({ contentDir: content, outDir: out });
    expect(second).toMatch(/Loaded 1 releases in [\d.]+ s; rendered 0 bodies/);
    expect(second).toMatch(
      new RegExp(`search in [\\d.]+ s \\(${indexFiles.length} index files reused from the previous build\\)`),
    );
    expect(await hashedFiles(out)).toEqual(indexFiles);

    const file = join(content, SEED);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph added after the first build.\n`);
    expect(await buildOrThrow({ contentDir: content, outDir: out })).toMatch(/rendered 1 bodies/);
    const html = await readFile(join(out, PAGE), 'utf8');
    expect(html).toContain('>A paragraph added after the first build.</p>');
    // The release's old fragment is gone, and its one fragment holds the new text.
    const fragments = (await hashedFiles(out)).filter((path) => path.startsWith('fragment/'));
    expect(fragments).toHaveLength(1);
    expect(indexFiles).not.toContain(fragments[0]);
    const fragment = gunzipSync(await readFile(join(out, 'pagefind', fragments[0]!))).toString();
    expect(fragment).toContain('A paragraph added after the first build.');
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
    expect(await build()).toMatch(/rendered 1 bodies/);
    expect(await build()).toMatch(/rendered 0 bodies/);
    const plugin = join(project, 'src/model/paragraph-ids.ts');
    await writeFile(plugin, (await readFile(plugin, 'utf8')).replace('link, copy or cite', 'a link to it'));
    expect(await build()).toMatch(/rendered 1 bodies/);
    const html = await readFile(join(work, 'dist', PAGE), 'utf8');
    expect(html).toContain('aria-label="Paragraph 1: a link to it"');
    expect(html).not.toContain('link, copy or cite');
  });
});
