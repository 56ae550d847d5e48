/**
 * What Pagefind reads from a release page (the copy `index-text.ts` makes), read again by the
 * build for the archive's own vocabulary beside the index (`vocabulary.ts`): the texts it
 * indexes. It follows the attributes the release layout writes: `data-pagefind-body` on the
 * release text, `data-pagefind-meta` as `name` (the element's text) or `name[attribute]`.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML text with its character references read. */
function decoded(html: string): string {
  return html.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of HTML, tags read as spaces. */
function htmlText(html: string): string {
  return decoded(html.replace(/<[^>]*>/g, ' '));
}

/** The element that starts at `start` in `html`, up to its end tag (elements of its kind counted). */
function elementAt(html: string, start: number): string {
  const tag = /^<([a-z][\w-]*)/i.exec(html.slice(start))?.[1];
  if (!tag) return '';
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  return html.slice(start);
}

/**
 * The texts Pagefind indexes for a page (the copy `index-text.ts` makes): the text of its
 * `data-pagefind-body` element and the attributes inside it Pagefind indexes
 * (`data-pagefind-index-attrs`), and its metadata (`data-pagefind-meta`), which Pagefind searches
 * too.
 */
export function pageTexts(page: string): string[] {
  const body = page.indexOf('data-pagefind-body');
  if (body === -1) return [];
  const element = elementAt(page, page.lastIndexOf('<', body));
  const texts = [htmlText(element.replace(/<span data-pagefind-ignore>[^<]*<\/span>/g, ' '))];
  // Attributes Pagefind indexes as text (`data-pagefind-index-attrs`): a figure's alt text.
  for (const [tag] of element.matchAll(/<[a-z][^>]*\sdata-pagefind-index-attrs="[^"]*"[^>]*>/gi)) {
    const names = /data-pagefind-index-attrs="([^"]*)"/.exec(tag)![1]!.split(',');
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
      if (value) texts.push(decoded(value));
    }
  }
  for (const { value } of attributeValues(page, 'data-pagefind-meta')) texts.push(value);
  return texts;
}

/** The element's text, or the attribute's value, for each `name` or `name[attribute]` of a list. */
function attributeValues(page: string, attribute: string): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  const marker = `${attribute}="`;
  for (let at = page.indexOf(marker); at !== -1; at = page.indexOf(marker, at + 1)) {
    const start = page.lastIndexOf('<', at);
    const tag = page.slice(start, page.indexOf('>', at) + 1);
    const specs = page.slice(at + marker.length, page.indexOf('"', at + marker.length));
    for (const spec of specs.split(',')) {
      const [, name = '', from] = /^\s*([\w-]+)(?:\[([\w-]+)\])?\s*$/.exec(spec) ?? [];
      if (!name) continue;
      const value = from
        ? decoded(new RegExp(`\\s${from}="([^"]*)"`).exec(tag)?.[1] ?? '')
        : htmlText(elementAt(page, start));
      found.push({ name, value: value.replace(/\s+/g, ' ').trim() });
    }
  }
  return found;
}
