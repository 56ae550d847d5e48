/**
 * Builds one small real archive for the browser tests: the seed release from content/, a release
 * written by hand with an image and every component (`tests/support/media.ts`), and 60 releases
 * from the shared corpus (1789–2016, several speakers and types) brought in by the import command,
 * then serves it under /press/.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeCorpusSample } from '../support/corpus.ts';
import { writeMediaRelease } from '../support/media.ts';
import { runImportCommand } from '../support/import.ts';
import { serve } from '../support/serve.ts';
import { ROOT, buildOrThrow, tempDir } from '../support/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    corpusCount: number;
  }
}

/** The sub-path the test site is served under. */
const BASE = '/press';

/** How many corpus releases join the seed: enough for two archive pages. */
const CORPUS_COUNT = 60;

export default async function setup(project: TestProject) {
  const work = await tempDir('e2e');
  const content = join(work, 'content');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  await writeMediaRelease(content);
  const sample = join(work, 'sample.jsonl');
  await writeCorpusSample(sample, CORPUS_COUNT);
  const imported = await runImportCommand(['--content', content, '--organisation', 'The White House', sample]);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.stdout}${imported.stderr}`);
  const out = join(work, 'dist');
  // Deployed under a sub-path, as on a shared host: every link, asset and search path must cope.
  // Parts of 60,000 words: the search index of this small site comes in parts, so every search
  // test here also tests how the search page combines them (src/pagefind/parts.ts).
  await buildOrThrow({
    contentDir: content,
    outDir: out,
    env: { ARCHIVE_BASE: BASE, ARCHIVE_SITE: 'https://example.org', ARCHIVE_SEARCH_PART_WORDS: '60000' },
  });
  const { parts } = JSON.parse(await readFile(join(out, 'pagefind/archive-parts.json'), 'utf8')) as { parts: number };
  if (!(parts >= 3)) throw new Error(`the browser tests' search index has ${parts} parts: expected three or more`);
  const server = await serve(out, BASE);
  project.provide('siteUrl', server.url);
  project.provide('corpusCount', CORPUS_COUNT);
  return async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
}
