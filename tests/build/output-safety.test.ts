/**
 * The build never destroys what it did not make: it refuses output folders it must not replace
 * (before anything is built, changing nothing), keeps a complete site in the output folder when it
 * is stopped or killed, puts back a site a killed swap had set aside, runs one build of a folder
 * at a time, builds onto another file system, and does not publish an empty archive over a full
 * one unless told to.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { otherFileSystem, snapshot } from '../support/files.ts';
import {
  ROOT,
  buildOrThrow,
  buildSite,
  startBuild,
  tempDir,
  writeFileDeep,
  type RunningBuild,
} from '../support/site.ts';

const PAGE = 'releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/index.html';
const SEED = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';

/** Waits until a running build has printed `text`, or fails once it has ended without. */
async function waitFor(build: RunningBuild, text: string | RegExp): Promise<void> {
  let ended = false;
  void build.done.then(() => (ended = true));
  const seen = () => (typeof text === 'string' ? build.output().includes(text) : text.test(build.output()));
  while (!seen()) {
    if (ended) throw new Error(`the build ended without printing ${String(text)}:\n${build.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

/** Build folders beside `out` that a finished build should have removed. */
async function leftovers(out: string): Promise<string[]> {
  const name = out.split('/').at(-1)!;
  return (await readdir(dirname(out))).filter((entry) => entry.startsWith(`${name}.`));
}

/** A refusal as the build prints it: the folder, the reason, nothing built, no stack trace. */
function expectRefused(result: { code: number | null; output: string }, folder: string, reason: string): void {
  expect(result.code).toBe(1);
  expect(result.output).toContain(`Refusing to build into ${folder}: ${reason}`);
  expect(result.output).toContain('Nothing was built, deleted, moved or written');
  expect(result.output).not.toContain('[build]');
  expect(result.output).not.toMatch(/^\s+at /m);
}

describe('output folders the build refuses', () => {
  let work: string;
  let content: string;
  let contentBefore: Map<string, string>;

  beforeAll(async () => {
    work = await tempDir('refuse');
    content = join(work, 'content');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    contentBefore = await snapshot(content);
  });

  it.each([
    ['the content folder itself', (w: string) => join(w, 'content'), 'it is or holds the content folder'],
    [
      'a folder inside the content folder',
      (w: string) => join(w, 'content/releases'),
      'it is inside the content folder',
    ],
    ['the folder above the content folder', (w: string) => w, 'it is or holds the content folder'],
  ])('refuses %s and leaves every release as it was', async (_, place, reason) => {
    const out = place(work);
    expectRefused(await buildSite({ contentDir: content, outDir: out }), out, reason);
    expect(await snapshot(content)).toEqual(contentBefore);
    expect(existsSync(`${out}.building`)).toBe(false);
  });

  it('refuses a file, the home folder, a symbolic link, and a folder of files the build did not make', async () => {
    const notes = join(work, 'notes.txt');
    await writeFile(notes, 'Notes.\n');
    expectRefused(await buildSite({ contentDir: content, outDir: notes }), notes, 'it is a file, not a folder');
    expect(await readFile(notes, 'utf8')).toBe('Notes.\n');

    const home = join(work, 'home');
    await mkdir(home);
    expectRefused(
      await buildSite({ contentDir: content, outDir: home, env: { HOME: home } }),
      home,
      'it is the home folder',
    );

    const other = join(work, 'other');
    await writeFileDeep(join(other, 'photos/2019.jpg'), 'not a site');
    const otherBefore = await snapshot(other);
    expectRefused(
      await buildSite({ contentDir: content, outDir: other }),
      other,
      'it holds files this build did not make (photos/2019.jpg)',
    );
    expect(await snapshot(other)).toEqual(otherBefore);

    const link = join(work, 'link');
    await symlink(other, link);
    expectRefused(await buildSite({ contentDir: content, outDir: link }), link, 'it is a symbolic link');
    expect(await snapshot(other)).toEqual(otherBefore);
    expect(await snapshot(content)).toEqual(contentBefore);
  });

  it('refuses a site built before once it holds a file the build did not make, naming it', async () => {
    const out = join(work, 'site');
    await buildOrThrow({ contentDir: content, outDir: out });
    await writeFile(join(out, 'CNAME'), 'press.example.org\n');
    const before = await snapshot(out);
    expectRefused(
      await buildSite({ contentDir: content, outDir: out }),
      out,
      'it holds a file the build did not make (CNAME)',
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it("refuses the project's src/ and the folder above the project, in a copy of the project", async () => {
    // A copy, so that a broken guard could only ever harm the copy.
    const above = join(work, 'above');
    const project = join(above, 'project');
    for (const entry of ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      await cp(join(ROOT, entry), join(project, entry), { recursive: true });
    }
    await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const before = await snapshot(above);
    for (const [out, reason] of [
      ['src', "it is the project's src/ folder or inside it"],
      ['..', `it is or holds the project (${project})`],
    ] as const) {
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [join(project, 'scripts/build.ts')], {
          cwd: project,
          env: { ...process.env, ARCHIVE_OUT_DIR: out, ARCHIVE_CONTENT_DIR: '' },
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code) => resolve({ code, output }));
      });
      expectRefused(result, out === 'src' ? join(project, 'src') : above, reason);
    }
    expect(await snapshot(above)).toEqual(before);
  });
});

describe('a build that is stopped, killed or run twice at once', () => {
  let work: string;
  let content: string;
  let out: string;
  let first: Map<string, string>;

  beforeAll(async () => {
    work = await tempDir('swap');
    content = join(work, 'content');
    out = join(work, 'dist');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    await buildOrThrow({ contentDir: content, outDir: out });
    first = await snapshot(out);
    // The next builds have a changed release, so a swapped-in site can be told from the first.
    const seed = join(content, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('thay division', 'that division'));
  });

  it('killed inside the swap: the next build puts the previous site back first and says so', async () => {
    const killed = await buildSite({ contentDir: content, outDir: out, env: { ARCHIVE_TEST_HOOK: 'swap:kill' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    // The old site waits, whole, in the working folder.
    expect(await snapshot(join(`${out}.building`, 'previous'))).toEqual(first);

    // Even a build that then fails puts it back before anything else.
    const broken = join(work, 'broken');
    await cp(content, broken, { recursive: true });
    await writeFileDeep(join(broken, 'releases/2026/02/bad.mdx'), '---\ntitle: "Bad"\n---\n\nText.\n');
    const next = await buildSite({ contentDir: broken, outDir: out });
    expect(next.code).toBe(1);
    expect(next.output).toMatch(/A build of .* \(pid \d+\) ended without finishing; taking over its working folder\./);
    expect(next.output).toContain(`Put the previous site back in ${out}`);
    expect(next.output.indexOf('Put the previous site back')).toBeLessThan(next.output.indexOf('The releases have'));
    expect(await snapshot(out)).toEqual(first);
    expect(await leftovers(out)).toEqual([]);
  });

  it('paused inside the swap: a second build stops at once naming the first, and takes over once it is gone', async () => {
    const paused = startBuild({ contentDir: content, outDir: out, env: { ARCHIVE_TEST_HOOK: 'swap:pause' } });
    await waitFor(paused, 'Paused in the swap');
    const second = await buildSite({ contentDir: content, outDir: out });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Another build of ${out} is running (pid ${paused.child.pid})`);
    expect(second.output).not.toMatch(/^\s+at /m);
    expect(await snapshot(join(`${out}.building`, 'previous'))).toEqual(first);

    paused.child.kill('SIGKILL');
    await paused.done;
    const third = await buildSite({ contentDir: content, outDir: out });
    expect(third.code).toBe(0);
    expect(third.output).toContain(`Put the previous site back in ${out}`);
    expect(await readFile(join(out, PAGE), 'utf8')).toContain('that division');
    expect(await leftovers(out)).toEqual([]);
  });

  it('takes over the lock of a process that no longer exists, with a note', async () => {
    const before = await snapshot(out);
    await mkdir(`${out}.building`);
    const pid = await endedPid();
    await writeFile(join(`${out}.building`, 'lock.json'), JSON.stringify({ pid, host: hostname(), children: [] }));
    const result = await buildSite({ contentDir: content, outDir: out });
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      `A build of ${out} (pid ${pid}) ended without finishing; taking over its working folder.`,
    );
    expect(await snapshot(out)).not.toEqual(new Map());
    expect([...(await snapshot(out)).keys()].sort()).toEqual([...before.keys()].sort());
    expect(await leftovers(out)).toEqual([]);
  });

  it.each([
    ['SIGTERM to npm', 'npm' as const, 'SIGTERM' as const],
    ['SIGINT to the build command, as Ctrl-C sends it', undefined, 'SIGINT' as const],
  ])('stopped by %s: stops Astro and the indexer, swaps nothing in, removes its folders', async (_, via, signal) => {
    const before = await snapshot(out);
    const build = startBuild({ contentDir: content, outDir: out, via });
    await waitFor(build, 'Building static entrypoints');
    const lock = JSON.parse(await readFile(join(`${out}.building`, 'lock.json'), 'utf8')) as { children: number[] };
    expect(lock.children.length).toBeGreaterThan(0);
    if (signal === 'SIGINT') process.kill(build.child.pid!, 'SIGINT');
    else build.child.kill('SIGTERM');
    await build.done;
    // The build command gets its own moment to clean up after npm has gone.
    for (let i = 0; i < 100 && existsSync(`${out}.building`); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(build.output()).toContain(`Stopping the build (${signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'})`);
    expect(build.output()).toContain(`The build was stopped: ${out} is as it was before.`);
    expect(lock.children.filter(isRunning)).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });
});

describe('an output folder on another file system', () => {
  it('builds and swaps in a new site there, as often as asked', async () => {
    const content = join(await tempDir('elsewhere'), 'content');
    await cp(join(ROOT, 'content'), content, { recursive: true });
    const out = join(await otherFileSystem(ROOT), 'site');
    await buildOrThrow({ contentDir: content, outDir: out });
    const seed = join(content, SEED);
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('thay division', 'that division'));
    await buildOrThrow({ contentDir: content, outDir: out });
    expect(await readFile(join(out, PAGE), 'utf8')).toContain('that division');
    expect(await leftovers(out)).toEqual([]);
  });
});

describe('an empty content folder over a site with releases', () => {
  it('is refused unless --allow-empty or ARCHIVE_ALLOW_EMPTY=1 says so', async () => {
    const work = await tempDir('empty');
    const out = join(work, 'dist');
    await buildOrThrow({ contentDir: join(ROOT, 'content'), outDir: out });
    const before = await snapshot(out);
    const empty = join(work, 'empty');
    await mkdir(join(empty, 'releases'), { recursive: true });
    const refused = await buildSite({ contentDir: empty, outDir: out });
    expectRefused(
      refused,
      out,
      `${join(empty, 'releases')} holds no releases: this would publish an empty archive over 1 release`,
    );
    expect(await snapshot(out)).toEqual(before);

    await buildOrThrow({ contentDir: empty, outDir: out, args: ['--allow-empty'] });
    expect(existsSync(join(out, PAGE))).toBe(false);
    await rm(out, { recursive: true });
    await buildOrThrow({ contentDir: join(ROOT, 'content'), outDir: out });
    await buildOrThrow({ contentDir: empty, outDir: out, env: { ARCHIVE_ALLOW_EMPTY: '1' } });
    expect(existsSync(join(out, PAGE))).toBe(false);
  });
});
