import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildSite, tempDir } from '../support/site.ts';

describe('a build from releases with bad frontmatter', () => {
  it('fails, naming every bad file with its field and what was expected', async () => {
    const out = join(await tempDir('bad'), 'dist');
    const { code, output } = await buildSite({ contentDir: join(ROOT, 'tests/fixtures/bad-releases'), outDir: out });
    expect(code).not.toBe(0);
    const dir = 'tests/fixtures/bad-releases/releases/2026/01';
    for (const line of [
      `${dir}/2026-01-01-missing-speaker.mdx: speaker: is required`,
      `${dir}/2026-01-02-impossible-date.mdx: date: "2026-02-30" is not a calendar date`,
      `${dir}/2026-01-03-unknown-type.mdx: type: "podcast" is not a known type: expected one of`,
      `${dir}/2026-01-04-empty-title.mdx: title: must not be empty`,
      `${dir}/2026-01-05-wrong-types.mdx: speaker: expected text`,
      `${dir}/2026-01-06-misspelt-field.mdx: venu: not a field a release can have`,
      `${dir}/2026-01-07-broken-yaml.mdx: frontmatter is not valid YAML`,
      `${dir}/2026-01-08-bad-slug.mdx: slug: expected lower-case`,
      `${dir}/2026-01-09-no-frontmatter.mdx: has no frontmatter`,
    ]) {
      expect(output).toContain(line);
    }
    expect(existsSync(out)).toBe(false);
  });
});
