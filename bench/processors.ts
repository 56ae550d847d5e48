/**
 * `npm run bench:processors`: the two Markdown processors Astro 7 offers, timed on the same
 * bodies, the full corpus as the importer writes it. What the loader runs (`renderBody`: unified,
 * remark-parse, remark-mdx, remark-gfm, remark-rehype, paragraph ids, rehype-stringify), the same
 * without remark-gfm, and Sätteri (Astro's default) compiling each body: MDX to JavaScript, as
 * `@astrojs/mdx` would, and Markdown with GFM to HTML. One thread each; the build renders on
 * every core. Writes `bench/PROCESSORS.md`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml, mdxToJs } from 'satteri';
import { unified } from 'unified';
import { rehypeParagraphIds } from '../src/model/paragraph-ids.ts';
import { renderBody } from '../src/model/render-body.ts';
import { readReleaseSource } from '../src/model/release-file.ts';
import { CORPUS_DIR, ROOT, SEED_FILE } from '../tests/support/site.ts';

const work = await mkdtemp(join(tmpdir(), 'archive-processors-'));
let bodies: string[];
try {
  const content = join(work, 'content');
  const imported = spawnSync(process.execPath, ['scripts/import.ts', '--content', content, CORPUS_DIR, SEED_FILE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}${imported.stderr}`);
  const files = (await readdir(join(content, 'releases'), { recursive: true })).filter((f) => f.endsWith('.mdx'));
  bodies = await Promise.all(
    files.map(async (f) => readReleaseSource(await readFile(join(content, 'releases', f), 'utf8')).body),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

const withoutGfm = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkRehype)
  .use(rehypeParagraphIds)
  .use(rehypeStringify);
const processors: [string, (body: string) => unknown][] = [
  ['unified: MDX + remark-gfm to HTML (what the loader runs)', (body) => renderBody(body)],
  ['unified: MDX to HTML, without remark-gfm', (body) => withoutGfm.processSync(body)],
  ['Sätteri: MDX to JavaScript (as @astrojs/mdx compiles)', (body) => mdxToJs(body)],
  ['Sätteri: Markdown + GFM to HTML', (body) => markdownToHtml(body)],
];

const bytes = bodies.reduce((sum, body) => sum + body.length, 0);
const lines = [
  '# Markdown processors on the full corpus',
  '',
  `${new Date().toISOString()}, ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, one thread. ${bodies.length} bodies, ${(bytes / 2 ** 20).toFixed(1)} MiB. Produced by \`npm run bench:processors\`.`,
  '',
  '| processor | seconds | s / 1,000 releases |',
  '|---|---:|---:|',
];
for (const [name, run] of processors) {
  for (const body of bodies.slice(0, 50)) run(body); // warm up
  const started = performance.now();
  for (const body of bodies) run(body);
  const seconds = (performance.now() - started) / 1000;
  lines.push(`| ${name} | ${seconds.toFixed(2)} | ${((seconds / bodies.length) * 1000).toFixed(2)} |`);
  process.stdout.write(`${lines.at(-1)}\n`);
}
await writeFile(join(ROOT, 'bench/PROCESSORS.md'), `${lines.join('\n')}\n`);
