/** The releases of a content folder as the editor's commands read them: data and plain text. */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { walkContent } from '../model/content-files.ts';
import { plainBody, readReleaseSource } from '../model/release-file.ts';
import { releaseSchema, type ReleaseData } from '../model/schema.ts';

/** A release file of the archive, read. */
export interface ArchivedRelease {
  /** Its path inside the content folder. */
  file: string;
  data: ReleaseData;
  text: string;
}

/**
 * Every valid release of `contentDir`, and the files that are not valid releases (the build
 * names what is wrong with them).
 */
export async function readArchive(contentDir: string): Promise<{ releases: ArchivedRelease[]; invalid: string[] }> {
  const releases: ArchivedRelease[] = [];
  const invalid: string[] = [];
  // The content folder's files as the build reads them: no link is followed, and those refused are invalid.
  const { files, refused } = await walkContent(join(contentDir, 'releases'));
  invalid.push(...refused.map(({ file }) => relative(contentDir, file)));
  for (const path of files.filter((file) => file.endsWith('.mdx'))) {
    const file = relative(contentDir, path);
    try {
      const { data, body } = readReleaseSource(await readFile(path, 'utf8'));
      const parsed = releaseSchema.safeParse(data);
      if (parsed.success) releases.push({ file, data: parsed.data, text: plainBody(body) });
      else invalid.push(file);
    } catch {
      invalid.push(file);
    }
  }
  return { releases, invalid };
}
