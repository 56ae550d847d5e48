/** Building the site from a folder of releases, as the tests and benchmarks do. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseFilePath } from '../../src/model/permalink.ts';
import { serializeRelease } from '../../src/model/release-file.ts';
import type { ReleaseInput } from '../../src/model/schema.ts';

/** The project's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared corpus, read at run time and never copied into the repository. */
export const CORPUS_DIR = resolve(ROOT, process.env.ARCHIVE_CORPUS_DIR ?? '../shared/corpus');

/** The seed release as delivered by the wire service. */
export const SEED_FILE = resolve(ROOT, '../shared/seeds/000_52e789d97c77dac5.txt');

/** A release to write: its frontmatter and its paragraphs of plain text. */
export interface FixtureRelease {
  data: ReleaseInput;
  paragraphs: string[];
}

/** The temporary folders made by `tempDir` and not yet removed. */
const made: string[] = [];

/** A new empty temporary folder, removed after its test file (`removeTempDirs`). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `archive-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the temporary folders `tempDir` has made; every test file does so when it ends (`cleanup.ts`). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes releases into a content folder in the site's layout. */
export async function writeReleases(contentDir: string, releases: readonly FixtureRelease[]) {
  for (const { data, paragraphs } of releases) {
    const file = join(contentDir, releaseFilePath(data));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, serializeRelease(data, paragraphs));
  }
}

/** What a build printed and how it ended. */
export interface BuildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** How a test builds: the content and output folders, extra environment, arguments. */
export interface BuildOptions {
  contentDir?: string;
  outDir: string;
  env?: Record<string, string>;
  /** Arguments to the build command, such as `--allow-empty`. */
  args?: string[];
  /** `astro`: plain `astro build`; `npm`: `npm run build`; otherwise the build script itself. */
  via?: 'astro' | 'npm' | undefined;
}

/** A build under way: its process, what it has printed so far, and how it ended. */
export interface RunningBuild {
  child: ChildProcess;
  output(): string;
  done: Promise<BuildResult>;
}

/** Starts the build command (`npm run build`) on a content folder into an output folder. */
export function startBuild(options: BuildOptions): RunningBuild {
  // Vitest puts its own Vite variables (BASE_URL, NODE_ENV=test, DEV, …) into the environment; a
  // build that inherited them would take them for its own settings.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(?:BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|TEST|VITEST.*|npm_.*)$/.test(key),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    ARCHIVE_OUT_DIR: options.outDir,
    ...options.env,
  };
  if (options.contentDir) env.ARCHIVE_CONTENT_DIR = options.contentDir;
  else delete env.ARCHIVE_CONTENT_DIR;
  const args = options.args ?? [];
  const [command, commandArgs] =
    options.via === 'npm'
      ? ['npm', ['run', 'build', '--silent', '--', ...args]]
      : [
          process.execPath,
          options.via === 'astro'
            ? [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...args]
            : [join(ROOT, 'scripts/build.ts'), ...args],
        ];
  const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<BuildResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, output }));
  });
  return { child, output: () => output, done };
}

/** Runs the build command to its end. */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  return startBuild(options).done;
}

/** Builds and throws with the build's output when it fails. */
export async function buildOrThrow(options: BuildOptions): Promise<string> {
  const result = await buildSite(options);
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.output}`);
  return result.output;
}

/** Writes a file, creating its folder. */
export async function writeFileDeep(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
