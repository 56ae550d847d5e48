/**
 * What renders a release body, as a fingerprint that is part of every body store key: the code
 * of `render-body.ts` and of every module of ours it imports, and the name and version of every
 * package that code runs (those it imports and all their dependencies). Change a plugin, update
 * remark-gfm or any package below it, and every key changes, so a body rendered the old way is
 * never served. No version number to remember to bump.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The modules and packages a renderer is made of. */
export interface RendererParts {
  /** Our modules, by path relative to the entry's folder, with their text. */
  modules: Map<string, string>;
  /** Packages, as `name@version`. */
  packages: Set<string>;
}

const IMPORTS = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The folder of package `name` as Node would find it from `from`. */
function packageFolder(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The modules and packages of the renderer whose entry module is `entry`. */
export function rendererParts(entry: string): RendererParts {
  const parts: RendererParts = { modules: new Map(), packages: new Set() };
  const base = dirname(entry);
  const seenFolders = new Set<string>();
  const addPackage = (name: string, from: string) => {
    const folder = packageFolder(name, from);
    if (!folder)
      throw new Error(`the renderer needs the package ${name}, which is not installed (from ${from}): run npm ci`);
    if (seenFolders.has(folder)) return;
    seenFolders.add(folder);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      version?: string;
      dependencies?: Record<string, string>;
    };
    parts.packages.add(`${name}@${manifest.version ?? '?'}`);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) addPackage(dependency, folder);
  };
  const addModule = (file: string) => {
    const key = relative(base, file);
    if (parts.modules.has(key)) return;
    const text = readFileSync(file, 'utf8');
    parts.modules.set(key, text);
    for (const [, typeOnly, specifier] of text.matchAll(IMPORTS)) {
      if (typeOnly || !specifier || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) addModule(resolve(dirname(file), specifier));
      else addPackage(packageName(specifier), dirname(file));
    }
  };
  addModule(entry);
  return parts;
}

/** A fingerprint of the renderer whose entry module is `entry`. */
export function rendererFingerprint(entry: string): string {
  const { modules, packages } = rendererParts(entry);
  const hash = createHash('sha256');
  for (const [path, text] of [...modules].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${path}\0${text}\0`);
  for (const name of [...packages].sort()) hash.update(`${name}\0`);
  return hash.digest('hex');
}

let current: string | undefined;

/** The fingerprint of this archive's renderer (`src/model/render-body.ts`). */
export function currentRenderer(): string {
  current ??= rendererFingerprint(fileURLToPath(new URL('../model/render-body.ts', import.meta.url)));
  return current;
}

let checker: string | undefined;

/**
 * The fingerprint of what checks a release file (`src/model/check-content.ts`: the schema, the
 * frontmatter's reading, and the packages they run): part of the key a file's checked frontmatter
 * is kept under, so that a new rule is applied to every file, not only to those that changed.
 */
export function currentChecker(): string {
  checker ??= rendererFingerprint(fileURLToPath(new URL('../model/check-content.ts', import.meta.url)));
  return checker;
}
