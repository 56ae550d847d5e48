/**
 * Where a release lives, on the site and on disk. Both derive from its date and its fixed slug
 * only, so a title edited later never moves a published release.
 */
import { MAX_SLUG_LENGTH } from './schema.ts';

/** The parts of a release that decide its address. */
export interface ReleaseAddress {
  date: string;
  slug: string;
}

/**
 * The site path of a release, without the base: `releases/2026/01/26/<slug>/`, or as much of the
 * date as is known: `releases/2015/09/<slug>/`, `releases/2015/<slug>/`.
 */
export function releasePath({ date, slug }: ReleaseAddress): string {
  return `releases/${date.split('-').join('/')}/${slug}/`;
}

/**
 * The file of a release inside the content folder, one folder a month (a year, for releases known
 * only by their year): `releases/2026/01/2026-01-26-<slug>.mdx`, `releases/2015/2015-<slug>.mdx`.
 */
export function releaseFilePath({ date, slug }: ReleaseAddress): string {
  const [year, month] = date.split('-');
  return `releases/${year}/${month ? `${month}/` : ''}${date}-${slug}.mdx`;
}

/**
 * Makes a URL slug from a title: ASCII, lower case, words joined by hyphens, cut at a word
 * boundary to at most `MAX_SLUG_LENGTH` characters. Returns '' when nothing usable is left.
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}
