import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, lightened, readIdentity } from '../../../src/model/identity.ts';
import { tempDir } from '../../support/site.ts';

describe("an archive's identity (site.yaml)", () => {
  it('has sensible defaults without a file', async () => {
    const { data, problems } = readIdentity(await tempDir('no-identity'));
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ name: 'Press Release Archive', accent: '#0b4f9c' });
  });

  it('names the file and field of every problem, and refuses an accent that does not read on white', async () => {
    const dir = await tempDir('identity');
    await writeFile(
      join(dir, 'site.yaml'),
      'name: ""\naccent: "#ffee00"\nlogo: logo.gif\nsite: not an address\ncolour: red\n',
    );
    const file = join(dir, 'site.yaml');
    expect(readIdentity(dir).problems).toEqual([
      { file, field: 'name', message: "must not be empty (the archive's name)" },
      {
        file,
        field: 'logo',
        message: 'expected the name of an .svg, .png or .webp file beside site.yaml, e.g. logo.svg',
      },
      {
        file,
        field: 'accent',
        message: '#ffee00 is too light to read on white (contrast under 4.5:1): expected a darker colour',
      },
      { file, field: 'site', message: 'expected an absolute http(s) address such as https://speeches.example.org' },
      {
        file,
        field: 'colour',
        message:
          'not a field site.yaml can have; check the spelling (known fields: name, description, organisation, logo, accent, site, base)',
      },
    ]);
  });

  it('refuses YAML anchors, and a site.yaml that is a link, before reading what it links to', async () => {
    const dir = await tempDir('identity-strict');
    const file = join(dir, 'site.yaml');
    await writeFile(file, 'name: &n The Archive\ndescription: *n\n');
    expect(readIdentity(dir).problems).toEqual([
      {
        file,
        message:
          'is not valid YAML: line 1: holds the anchor &n: anchors and aliases (&name, *name) are not read; write each value out',
      },
    ]);
    await rm(file);
    await symlink('/etc/passwd', file);
    expect(readIdentity(dir).problems).toEqual([
      {
        file,
        message:
          'is a symbolic link: the build reads only regular files inside the content folder: put the file itself there',
      },
    ]);
  });

  it('lightens the accent in dark mode until it reads on the dark background', () => {
    for (const accent of ['#0b4f9c', '#004990', '#7a0019', '#1d3c34']) {
      expect(contrast(accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      // On dark mode's marks, surfaces and page.
      expect(contrast(lightened(accent), '#4a3b00')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(lightened(accent), '#1f2024')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(lightened(accent), '#131417')).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });
});
