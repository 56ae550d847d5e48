import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, RefusedOutput, inspectOutput, refuseByPlace, writeMarker } from '../../../src/build/output-folder.ts';
import { tempDir } from '../../support/site.ts';

async function places() {
  const root = await tempDir('places');
  const project = join(root, 'work/project');
  const content = join(root, 'archive/content');
  for (const dir of [join(project, 'src/pages'), join(project, 'public'), join(content, 'releases')])
    await mkdir(dir, { recursive: true });
  return { root, project, content };
}

async function reason(out: string, where: { project: string; content: string }): Promise<string> {
  try {
    await refuseByPlace(out, where);
  } catch (error) {
    if (error instanceof RefusedOutput)
      return error.message.replace(/^Refusing to build into [^:]+: /, '').replace(/\. Nothing was built.*/, '');
    throw error;
  }
  return 'allowed';
}

describe('where a build may put its site', () => {
  it('refuses the project, folders above it and its source folders, the content folder and around it, / and home', async () => {
    const where = await places();
    const { root, project, content } = where;
    expect(await reason(join(project, 'src'), where)).toBe("it is the project's src/ folder or inside it");
    expect(await reason(join(project, 'src/pages/x'), where)).toBe("it is the project's src/ folder or inside it");
    expect(await reason(join(project, 'public'), where)).toBe("it is the project's public/ folder or inside it");
    expect(await reason(project, where)).toBe(`it is or holds the project (${project})`);
    expect(await reason(join(root, 'work'), where)).toBe(`it is or holds the project (${project})`);
    expect(await reason(content, where)).toBe(`it is or holds the content folder (${content})`);
    expect(await reason(join(root, 'archive'), where)).toBe(`it is or holds the content folder (${content})`);
    expect(await reason(join(content, 'releases/site'), where)).toBe(`it is inside the content folder (${content})`);
    expect(await reason('/', where)).toBe('it is the root of the file system');
    expect(await reason(homedir(), where)).toBe('it is the home folder');
    expect(await reason(join(project, 'dist'), where)).toBe('allowed');
    expect(await reason(join(root, 'site'), where)).toBe('allowed');
  });

  it('sees through symbolic links to the places it protects', async () => {
    const where = await places();
    const link = join(where.root, 'link-to-archive');
    await symlink(join(where.root, 'archive'), link);
    expect(await reason(join(link, 'content/releases'), where)).toBe(
      `it is inside the content folder (${where.content})`,
    );
    expect(await reason(link, where)).toBe('it is a symbolic link; name the folder it points to');
  });

  it('takes an absent or empty folder, or a site it marked, and names what it did not make', async () => {
    const dir = await tempDir('inspect');
    expect(await inspectOutput(join(dir, 'absent'))).toEqual({ kind: 'absent' });
    await mkdir(join(dir, 'empty'));
    expect(await inspectOutput(join(dir, 'empty'))).toEqual({ kind: 'empty' });
    const site = join(dir, 'site');
    await mkdir(join(site, 'releases'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<h1>Archive</h1>');
    await expect(inspectOutput(site)).rejects.toThrow(
      `it holds files this build did not make (index.html) and no ${MARKER}`,
    );
    await writeMarker(site, 12, ['index.html']);
    expect(await inspectOutput(site)).toEqual({
      kind: 'site',
      releases: 12,
      marker: { builtBy: 'press-release-archive', releases: 12, files: ['index.html'] },
    });
    await writeFile(join(site, 'releases/notes.txt'), 'mine');
    await expect(inspectOutput(site)).rejects.toThrow('it holds a file the build did not make (releases/notes.txt)');
  });
});
