/**
 * Running Pagefind to write an index bundle: its command line, found where its own `npx pagefind`
 * finds it, and its Node API only for an index without pages. See README.md in this folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import * as pagefind from 'pagefind';

/**
 * Pagefind's command line, from the platform package that the `pagefind` package installs (as
 * its own `npx pagefind` finds it). The command line takes about a tenth less memory than the
 * same indexing through Pagefind's Node API, whose service holds more while it writes.
 */
function pagefindBinary(): string {
  const require = createRequire(import.meta.resolve('pagefind'));
  const platform = `@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${arch()}`;
  const extension = process.platform === 'win32' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`${platform}/bin/${name}${extension}`);
    } catch {
      // Not this one; try the next.
    }
  }
  throw new Error(`Pagefind has no program for this platform (${platform}) in node_modules: run npm ci`);
}

/**
 * Runs Pagefind on `source`, writing its bundle to `outputPath`; throws with its output if it
 * fails. Pagefind runs in a process group of its own, which `started` is given, so that a build
 * being stopped can stop it.
 */
export function runPagefind(
  source: string,
  outputPath: string,
  started?: (child: ChildProcess) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Run from the source folder, so that no Pagefind configuration file elsewhere applies.
    const child = spawn(pagefindBinary(), ['--site', source, '--output-path', outputPath], {
      cwd: source,
      detached: true,
    });
    started?.(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Pagefind could not index the release pages (exit code ${code}):\n${output.trim()}`)),
    );
  });
}

/**
 * An index without pages, for an archive without releases: its search page still finds Pagefind
 * (and no results). Pagefind's command line refuses to write one; its Node API does.
 */
export async function writeEmptyBundle(outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start:\n${errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write an empty index:\n${written.errors.join('\n')}`);
  } finally {
    await pagefind.close();
  }
}
