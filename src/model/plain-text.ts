/** Plain-text helpers for descriptions and feed summaries. */

/** The opening words of a text, at most `maxLength` characters, cut at a word. */
export function openingWords(paragraphs: readonly string[], maxLength = 200): string {
  const text = paragraphs.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const end = cut.lastIndexOf(' ');
  return `${cut.slice(0, end > maxLength / 2 ? end : maxLength).replace(/[\s,;:.–—-]+$/, '')}…`;
}
