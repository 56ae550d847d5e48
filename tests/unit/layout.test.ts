/**
 * The source tree shows the architecture and keeps to it: each stage folder says what it holds
 * (its README lists exactly its files), the README's layout names exactly the folders there are,
 * and no module imports from a stage it must not (the browser code nothing of Node or the build;
 * the model nothing of Astro's runtime or the other stages).
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site.ts';

const SRC = join(ROOT, 'src');

/** The stages and, for each, the stages (and kinds of module) it may import. */
const RULES: Record<string, { stages: string[]; node: boolean; astroRuntime: boolean }> = {
  model: { stages: ['model'], node: true, astroRuntime: false },
  pagefind: { stages: ['pagefind'], node: true, astroRuntime: false },
  search: { stages: ['search', 'model', 'pagefind'], node: false, astroRuntime: false },
  scripts: { stages: ['scripts', 'search', 'model'], node: false, astroRuntime: false },
  importer: { stages: ['importer', 'model', 'env.ts'], node: true, astroRuntime: false },
  curation: { stages: ['curation', 'model'], node: true, astroRuntime: false },
  build: { stages: ['build', 'model', 'pagefind', 'env.ts'], node: true, astroRuntime: false },
  site: {
    stages: ['site', 'model', 'build', 'search', 'pagefind', 'env.ts', 'consts.ts'],
    node: true,
    astroRuntime: true,
  },
};

/** Modules of the model and Pagefind folders that the browser loads: they must not need Node. */
const BROWSER_SAFE = [
  'model/dates.ts',
  'model/name-forms.ts',
  'pagefind/api.ts',
  'pagefind/browser.ts',
  'pagefind/parts.ts',
  'pagefind/index-text.ts',
  'pagefind/vocabulary.ts',
  'pagefind/worker.ts',
  'pagefind/worker-script.ts',
];

async function filesOf(stage: string): Promise<string[]> {
  const entries = await readdir(join(SRC, stage), { recursive: true });
  return entries.filter((entry) => entry.endsWith('.ts')).sort();
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
}

describe('the source tree', () => {
  it.each(Object.keys(RULES))('src/%s/README.md lists exactly the files of its folder', async (stage) => {
    const readme = await readFile(join(SRC, stage, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^(?:- |\| )`([^`]+\.ts)`/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(await filesOf(stage));
  });

  it('keeps README.md a user’s guide of at most 250 lines', async () => {
    expect((await readFile(join(ROOT, 'README.md'), 'utf8')).trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('README.md names exactly the folders of src/ in its layout', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const tree = /## Layout\n[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const named = [...tree.matchAll(/^ {2}([a-z]+)\/ /gm)].map((m) => m[1]!).sort();
    const folders = (await readdir(SRC, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(named).toEqual(folders);
  });

  it.each(Object.keys(RULES))('src/%s imports only what its stage may', async (stage) => {
    const rule = RULES[stage]!;
    const wrong: string[] = [];
    for (const file of await filesOf(stage)) {
      const path = join(SRC, stage, file);
      for (const specifier of importsOf(await readFile(path, 'utf8'))) {
        const where = `${stage}/${file} imports ${specifier}`;
        if (specifier.startsWith('.')) {
          const target = relative(SRC, resolve(dirname(path), specifier));
          const targetStage = target.split('/')[0]!;
          if (!rule.stages.includes(targetStage)) wrong.push(where);
          else if (!rule.node && targetStage !== stage && !BROWSER_SAFE.includes(target) && targetStage !== 'search')
            wrong.push(`${where} (not browser-safe)`);
        } else if (specifier.startsWith('node:')) {
          if (!rule.node) wrong.push(where);
        } else if (specifier.startsWith('astro:')) {
          if (!rule.astroRuntime) wrong.push(where);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the modules the browser loads free of Node', async () => {
    const wrong: string[] = [];
    for (const module of BROWSER_SAFE) {
      for (const specifier of importsOf(await readFile(join(SRC, module), 'utf8'))) {
        if (specifier.startsWith('node:')) wrong.push(`${module} imports ${specifier}`);
        else if (
          specifier.startsWith('.') &&
          !BROWSER_SAFE.includes(relative(SRC, resolve(dirname(join(SRC, module)), specifier)))
        ) {
          wrong.push(`${module} imports ${specifier}, which is not on the browser-safe list`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
