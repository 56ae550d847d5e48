/**
 * Files of the previous site brought into the next one as hard links: the previous site is never
 * opened for writing, and a file that did not change stays the same file (its time too, which
 * `rsync` and `aws s3 sync` compare). Where no link can be made (another file system), a copy.
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Links files of one site into another, and remembers which. */
export class SiteLinker {
  /** The files brought over, relative to the sites, `/`-separated. */
  readonly linked = new Set<string>();
  /** The previous site. */
  readonly from: string;
  /** The site being made. */
  readonly to: string;
  readonly #folders = new Set<string>();

  constructor(from: string, to: string) {
    this.from = from;
    this.to = to;
  }

  /** Brings `path` (relative to the sites) of the previous site into the new one. */
  bring(path: string): void {
    const target = join(this.to, path);
    const folder = dirname(target);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    try {
      linkSync(join(this.from, path), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      copyFileSync(join(this.from, path), target);
    }
    this.linked.add(path);
  }
}
