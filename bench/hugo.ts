/**
 * The Hugo baseline (`bench/baselines/hugo`, bench/README.md): Debian's `hugo` building the
 * content folder's release files, then Pagefind. Hugo reads Markdown by its file names (`.md`)
 * and has no way to read `.mdx` as Markdown, so it builds from a folder of hard links to the
 * release files named `.md`, beside this baseline's own pages; the content folder is left as it is.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT } from '../tests/support/site.ts';
import { countFiles, pagefind, publishRun, result, type BaselineResult, type BaselineSite } from './baselines.ts';
import { measured, type Measured } from './measure.ts';

const HUGO_ROOT = join(ROOT, 'bench/baselines/hugo');

/** Hugo's version line, or nothing when `hugo` is not installed. */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Hard-links `from` at `to`, or copies it where the two are on different file systems. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await copyFile(from, to);
  });
}

/** The name Hugo reads a release file under: `.mdx` becomes `.md`. */
function asMarkdown(file: string): string {
  return file.replace(/\.mdx$/, '.md');
}

/** Hugo's content folder in `tree`: this baseline's own pages and every release file of `content`, as `.md`. */
async function contentTree(content: string, tree: string): Promise<void> {
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  for (const page of await readdir(join(HUGO_ROOT, 'content'))) {
    await copyFile(join(HUGO_ROOT, 'content', page), join(tree, page));
  }
  const releases = await readdir(join(content, 'releases'), { recursive: true });
  for (const file of releases.filter((name) => name.endsWith('.mdx'))) {
    await linkOrCopy(join(content, 'releases', file), join(tree, 'releases', asMarkdown(file)));
  }
}

/**
 * Builds the Hugo baseline from `content` into `out`, then Pagefind; nothing when `hugo` is not
 * installed. A publish runs Hugo again as it is: it has no incremental build outside its server,
 * so it renders every page again (its cache folder kept from the cold build).
 */
export async function hugoBaseline(content: string, out: string, work: string): Promise<BaselineSite | undefined> {
  const version = hugoVersion();
  if (!version) return undefined;
  const releases = await countFiles(join(content, 'releases'), '.mdx');
  const tree = join(work, 'content-hugo');
  const cache = join(work, 'hugo-cache');
  const resources = join(work, 'hugo-resources');
  const cleanUp = async () => {
    for (const dir of [tree, cache, resources, out]) await rm(dir, { recursive: true, force: true });
  };
  await cleanUp();
  // Making the folder of links is the bench's doing, not Hugo's: it is not timed.
  await contentTree(content, tree);
  const build = (): Promise<Measured> =>
    measured(
      ['hugo', '--source', HUGO_ROOT, '--contentDir', tree, '--destination', out, '--cacheDir', cache, '--noBuildLock'],
      // Hugo's generated resources would otherwise go beside its configuration.
      { HUGO_RESOURCEDIR: resources },
    );
  const cold = await build();
  const figures: BaselineResult = {
    ...(await result(releases, out, cold, cold.code === 0 ? await pagefind(out) : undefined, [])),
    version,
  };
  return {
    result: figures,
    out,
    async publish(file) {
      const linked = join(tree, asMarkdown(file));
      await linkOrCopy(join(content, file), linked);
      try {
        return [await publishRun('built again', out, file, build)];
      } finally {
        await rm(linked, { force: true });
      }
    },
    remove: cleanUp,
  };
}
