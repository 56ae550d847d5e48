/**
 * Builds the archive of the whole real corpus once for the corpus tests: every release of
 * `../shared/corpus` (JSON Lines and wire files), the seed and a few adversarial texts, brought
 * in by the import command and built, then served at the root of a local address.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { adversarialRecords } from '../support/adversarial.ts';
import { CORPUS_SITE_ADDRESS } from '../support/corpus.ts';
import { runImportCommand } from '../support/import.ts';
import { serve } from '../support/serve.ts';
import { CORPUS_DIR, SEED_FILE, buildOrThrow, tempDir } from '../support/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    corpusSite: { url: string; content: string; out: string; importOutput: string };
  }
}

export default async function setup(project: TestProject) {
  // While working on the tests only, CORPUS_SITE names a folder built before (content/ and
  // dist/), to skip the three minutes of importing and building.
  const reuse = process.env['CORPUS_SITE'];
  if (reuse) {
    const server = await serve(join(reuse, 'dist'));
    project.provide('corpusSite', {
      url: server.url,
      content: join(reuse, 'content'),
      out: join(reuse, 'dist'),
      importOutput: '',
    });
    return () => server.close();
  }
  const work = await tempDir('corpus');
  const content = join(work, 'content');
  const out = join(work, 'dist');
  const adversarial = join(work, 'adversarial.jsonl');
  await writeFile(
    adversarial,
    adversarialRecords()
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const imported = await runImportCommand(['--content', content, CORPUS_DIR, SEED_FILE, adversarial]);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.stdout.slice(-2000)}${imported.stderr}`);
  await buildOrThrow({ contentDir: content, outDir: out, env: { ARCHIVE_SITE: CORPUS_SITE_ADDRESS } });
  const server = await serve(out);
  project.provide('corpusSite', { url: server.url, content, out, importOutput: imported.stdout });
  return async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
}
