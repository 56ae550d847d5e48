/**
 * `npm run build`: builds the site into a fresh folder beside the output folder and puts it in
 * place only when the whole build, search index included, has succeeded. A failed build leaves
 * the previous site exactly as it was, so a host serving the output folder never serves half a
 * site. Arguments are passed on to `astro build`.
 *
 * The search index is built once Astro's process has ended and freed its memory, in a process of
 * its own (`index-site.ts`), starting from the previous site's index files.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { outDir, searchPartWords } from '../src/lib/env.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const indexer = fileURLToPath(new URL('index-site.ts', import.meta.url));
const out = outDir();
const staging = `${out}.building`;
const previous = `${out}.previous`;

// Node's default heap limit (about 4 GB) is too small for an archive of 100,000 releases; let the
// build use up to three quarters of the machine's memory.
const heap = `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;

// A bad setting is told before the build, not after it.
try {
  searchPartWords();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

/** Runs Node on a script with arguments; gives its exit code. */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('close', (status) => resolve(status ?? 1));
  });
}

await rm(staging, { recursive: true, force: true });
let code = await run([heap, astro, 'build', ...process.argv.slice(2)], { ...process.env, ARCHIVE_OUT_DIR: staging, ARCHIVE_INDEX_SEPARATELY: '1' });
if (code === 0) {
  // A small heap: the index's memory is Pagefind's; this process only copies pages for it.
  code = await run(['--max-semi-space-size=1', '--max-old-space-size=128', indexer, staging, ...(existsSync(out) ? [out] : [])]);
}

if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  process.stderr.write(`\nThe build failed: ${existsSync(out) ? `${out} still holds the previous site, unchanged` : `nothing was written to ${out}`}.\n`);
  process.exit(code);
}

// Two renames, so the output folder is missing only for an instant and never half written.
await rm(previous, { recursive: true, force: true });
if (existsSync(out)) await rename(out, previous);
await rename(staging, out);
await rm(previous, { recursive: true, force: true });
process.stdout.write(`The site is in ${out}.\n`);
