/**
 * The address that opens a release from search with the query marked (`highlight.ts` finds the
 * words on the page). A module of its own so that the search page and release pages share no
 * script chunk.
 */

/** A release's address that opens it with `query` marked, and at a paragraph if given. */
export function highlightUrl(url: string, query: string, fragment = ''): string {
  const trimmed = query.trim();
  const search = trimmed ? `?${new URLSearchParams({ highlight: trimmed })}` : '';
  return `${url}${search}${fragment ? `#${fragment}` : ''}`;
}
