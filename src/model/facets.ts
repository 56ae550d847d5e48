/**
 * Addresses for the values releases are grouped by (speakers, organisations, venues): readable
 * slugs that stay put. A value's slug depends only on the value, unless two values make the same
 * slug; then all but the first (in a fixed order) get a short hash of their own text appended.
 */
import { slugify } from './permalink.ts';

/** A short, stable hash of a text (FNV-1a, 32 bits, base 36). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Slugs for a set of values, each unique among them. */
export function facetSlugs(values: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const value of sorted) {
    const base = slugify(value, 60);
    let slug = base && !taken.has(base) ? base : `${base || 'name'}-${shortHash(value)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${base || 'name'}-${shortHash(value)}-${n}`;
    taken.add(slug);
    slugs.set(value, slug);
  }
  return slugs;
}
