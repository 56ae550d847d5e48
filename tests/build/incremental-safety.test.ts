/**
 * A build over the previous site keeps every promise of the safe build: it never writes to the
 * previous site (unchanged files are linked into the next one, never opened for writing), and a
 * build killed at any of its stages leaves the previous site byte for byte as it was; the next
 * build takes over and publishes the change.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../support/files.ts';
import { writeCorpusSample } from '../support/corpus.ts';
import { runImportCommand } from '../support/import.ts';
import { ROOT, buildOrThrow, buildSite, startBuild, tempDir } from '../support/site.ts';

const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const env = { ARCHIVE_SITE: 'https://example.org', ARCHIVE_SEARCH_PART_WORDS: '100000' };

let content: string;
let out: string;
let before: Map<string, string>;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the processes a killed build had started (Astro, Pagefind) have ended. */
async function childrenEnded(): Promise<void> {
  const lock = join(`${out}.building`, 'lock.json');
  if (!existsSync(lock)) return;
  const { children } = JSON.parse(await readFile(lock, 'utf8')) as { children: number[] };
  for (let i = 0; i < 1200 && children.some(isRunning); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(children.filter(isRunning)).toEqual([]);
}

describe('a build over the previous site, killed', () => {
  beforeAll(async () => {
    const work = await tempDir('incremental-kill');
    content = join(work, 'content');
    out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    const sample = join(work, 'sample.jsonl');
    await writeCorpusSample(sample, 40);
    const imported = await runImportCommand(['--content', content, sample]);
    if (imported.code !== 0) throw new Error(`import failed:\n${imported.stdout}${imported.stderr}`);
    await buildOrThrow({ contentDir: content, outDir: out, env });
    before = await snapshot(out);
    // A change for every build below to publish: one word of the seed.
    const seed = join(content, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('thay division', 'that division'));
  }, 300_000);

  it.each(['plan', 'model', 'pages', 'assemble', 'swap'])(
    'as its %s stage starts, leaves the previous site as it was',
    async (stage) => {
      const killed = await buildSite({
        contentDir: content,
        outDir: out,
        env: { ...env, ARCHIVE_TEST_HOOK: `${stage}:kill` },
      });
      expect(killed.signal).toBe('SIGKILL');
      await childrenEnded();
      if (stage === 'swap') {
        // Killed between the swap's renames: the previous site waits, whole, for the next build to put back.
        expect(existsSync(out)).toBe(false);
        expect(await snapshot(join(`${out}.building`, 'previous'))).toEqual(before);
        const next = await buildSite({
          contentDir: content,
          outDir: out,
          env: { ...env, ARCHIVE_TEST_HOOK: 'plan:kill' },
        });
        expect(next.output).toContain(`Put the previous site back in ${out}`);
      }
      expect(await snapshot(out)).toEqual(before);
    },
  );

  it('killed while Astro makes the pages and Pagefind the index, leaves the previous site as it was', async () => {
    const build = startBuild({ contentDir: content, outDir: out, env });
    while (!build.output().includes('Building static entrypoints')) {
      if (build.child.exitCode !== null) throw new Error(build.output());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    build.child.kill('SIGKILL');
    await build.done;
    await childrenEnded();
    expect(await snapshot(out)).toEqual(before);
  });

  it('is taken over by the next build, which publishes the change from the previous site', async () => {
    const output = await buildOrThrow({ contentDir: content, outDir: out, env });
    expect(output).toMatch(/ended without finishing; taking over its working folder/);
    expect(output).toMatch(/^Published 0 new, 1 changed, 0 removed release:/m);
    const page = await readFile(
      join(out, 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html'),
      'utf8',
    );
    expect(page).toContain('that division');
    const after = await snapshot(out);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    expect(changed).toContain('releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html');
    // Far fewer files than the site holds were written.
    expect(changed.length).toBeLessThan(after.size / 4);
  });
});
