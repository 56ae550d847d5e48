import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentRenderer, rendererFingerprint, rendererParts } from '../../../src/build/renderer-key.ts';
import { ROOT, tempDir } from '../../support/site.ts';

/** A small renderer: an entry module, a plugin module of ours, and a package with a dependency. */
async function fakeRenderer() {
  const dir = await tempDir('renderer');
  const write = async (path: string, text: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  };
  await write(
    'src/render.ts',
    "import { plugin } from './plugin.ts';\nimport type { Unused } from './types.ts';\nimport parse from 'parser';\n",
  );
  await write('src/plugin.ts', 'export const plugin = 1;\n');
  await write('src/types.ts', 'export type Unused = 1;\n');
  await write('node_modules/parser/package.json', JSON.stringify({ version: '1.0.0', dependencies: { tokens: '^2' } }));
  await write('node_modules/tokens/package.json', JSON.stringify({ version: '2.0.0' }));
  return { dir, write, entry: join(dir, 'src/render.ts') };
}

describe("the renderer's fingerprint", () => {
  it('is made of the modules it imports and every package below them, with their versions', async () => {
    const { entry } = await fakeRenderer();
    const { modules, packages } = rendererParts(entry);
    expect([...modules.keys()].sort()).toEqual(['plugin.ts', 'render.ts']);
    expect([...packages].sort()).toEqual(['parser@1.0.0', 'tokens@2.0.0']);
  });

  it('changes when a module of the renderer changes, and when any package below it changes version', async () => {
    const { entry, write } = await fakeRenderer();
    const first = rendererFingerprint(entry);
    expect(rendererFingerprint(entry)).toBe(first);
    await write('src/plugin.ts', 'export const plugin = 2;\n');
    const second = rendererFingerprint(entry);
    expect(second).not.toBe(first);
    await write('node_modules/tokens/package.json', JSON.stringify({ version: '2.0.1' }));
    expect(rendererFingerprint(entry)).not.toBe(second);
  });

  it("covers this archive's plugins and remark-gfm, down to micromark's GFM extensions", () => {
    const { modules, packages } = rendererParts(join(ROOT, 'src/model/render-body.ts'));
    expect([...modules.keys()]).toEqual(
      expect.arrayContaining(['render-body.ts', 'markdown.ts', 'paragraph-ids.ts', 'components.ts', 'media.ts']),
    );
    const names = [...packages].map((name) => name.slice(0, name.lastIndexOf('@')));
    expect(names).toEqual(
      expect.arrayContaining([
        'remark-gfm',
        'remark-mdx',
        'micromark-extension-gfm-autolink-literal',
        'rehype-stringify',
      ]),
    );
    expect(currentRenderer()).toBe(rendererFingerprint(join(ROOT, 'src/model/render-body.ts')));
  });
});
