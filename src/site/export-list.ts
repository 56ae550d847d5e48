/** Releases as the archive's lists of data give them (`releases.json` and its periods' files). */
import { releasePath } from '../model/permalink.ts';
import type { ReleaseData } from '../model/schema.ts';
import { absoluteUrl } from './releases.ts';

/** One release in a list: its frontmatter, its permalink, and the address of its own JSON. */
export function releaseSummaryJson(data: ReleaseData, site: URL | undefined) {
  return {
    ...data,
    permalink: absoluteUrl(releasePath(data), site),
    json: absoluteUrl(releasePath(data).replace(/\/$/, '.json'), site),
  };
}
