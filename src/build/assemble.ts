/**
 * The last stage before the swap: the new site made whole beside the old one. Astro has made the
 * pages whose keys changed and the search index the parts a change touched; every other page,
 * with the images it refers to, is taken from the previous site as a hard link, so the previous
 * site is never written to, and a file that did not change keeps its identity (and its time, which
 * `rsync` and `aws s3 sync` compare). A file made again that came out the same is linked too.
 *
 * Then the publish list: the files added, changed and removed since the previous site, which
 * the build keeps in the site (`PUBLISH_FILE`) for a host's upload or a CDN's purge.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteManifest } from './build-plan.ts';
import { MARKER, listSiteFiles } from './output-folder.ts';
import { SiteLinker } from './site-linker.ts';

/** The file in a site that lists what its build changed: `{ "added": [...], "changed": [...], "removed": [...] }`. */
export const PUBLISH_FILE = '.archive-publish.json';

/** What a build changed in the site, file by file, relative to the site. */
export interface PublishList {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files written again that came out as they were. */
  unchanged: number;
}

/** The pages Astro was told about: every page's key, and the images of those it made. */
export interface PagesMade {
  keys: Record<string, string>;
  assets: Record<string, string[]>;
}

/** Whether a file of the site is there. */
function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Brings into `site` every page not made in this build, and the images of every page, from the
 * previous site (`previous`, with its manifest); gives the pages' images for the next manifest.
 * A page that was neither made nor in the previous site with the same key is a fault of the build.
 */
export function bringUnchanged(
  site: string,
  pages: PagesMade,
  previous: { linker: SiteLinker; manifest: SiteManifest } | undefined,
): Record<string, string[]> {
  const assets: Record<string, string[]> = {};
  for (const [file, key] of Object.entries(pages.keys)) {
    const made = pages.assets[file];
    if (made || exists(join(site, file))) {
      if (made) assets[file] = made;
      continue;
    }
    if (!previous || previous.manifest.pages[file] !== key) {
      throw new Error(`${file} was neither made by this build nor kept from the previous one`);
    }
    previous.linker.bring(file);
    const kept = previous.manifest.assets[file];
    if (kept) assets[file] = kept;
  }
  // Pages that no route keys (the home page, the search page) refer to their images too.
  for (const [file, refs] of Object.entries(pages.assets)) assets[file] ??= refs;
  for (const path of new Set(Object.values(assets).flat())) {
    if (exists(join(site, path))) continue;
    if (!previous || !exists(join(previous.linker.from, path))) throw new Error(`${path} is missing: no page made it`);
    previous.linker.bring(path);
  }
  return assets;
}

/** Whether two files hold the same bytes (`a` known to be as large as `b`). */
function sameBytes(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

/**
 * Compares the new site with the previous one (`previous`, or none): each file of the new site is
 * added, changed or the same (those `linked` from it are the same); one written again with the same
 * bytes is replaced by a link to the old, so that it is the same file. Writes the list into the
 * site (`PUBLISH_FILE`).
 */
export async function publishList(
  site: string,
  previous: { site: string; files: readonly string[] } | undefined,
  linked: ReadonlySet<string> = new Set(),
) {
  const files = (await listSiteFiles(site)).filter((file) => file !== MARKER && file !== PUBLISH_FILE);
  const list: PublishList = { added: [], changed: [], removed: [], unchanged: 0 };
  const before = new Set(previous?.files);
  for (const file of files) {
    if (linked.has(file)) continue;
    if (!previous || !before.has(file)) {
      list.added.push(file);
      continue;
    }
    const fresh = lstatSync(join(site, file));
    const old = lstatSync(join(previous.site, file));
    if (fresh.ino === old.ino && fresh.dev === old.dev) continue;
    if (fresh.size === old.size && sameBytes(join(site, file), join(previous.site, file))) {
      // The same file, not a copy of it: unchanged to rsync, an S3 sync, a CDN.
      await rm(join(site, file));
      new SiteLinker(previous.site, site).bring(file);
      list.unchanged++;
      continue;
    }
    list.changed.push(file);
  }
  if (previous) {
    const now = new Set(files);
    list.removed = previous.files.filter((file) => !now.has(file) && file !== PUBLISH_FILE);
  }
  await writeFile(join(site, PUBLISH_FILE), `${JSON.stringify(list, null, 1)}\n`);
  return { files: [...files, PUBLISH_FILE].sort(), list };
}
