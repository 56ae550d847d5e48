/**
 * A release's text as plain paragraphs, read from its MDX body the way the page shows it
 * (escapes undone, character references decoded), for the JSON export, feed summaries and page
 * descriptions.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The text of each top-level paragraph of an MDX body. */
export function plainParagraphs(body: string): string[] {
  const tree = parser.parse(body) as Root;
  return tree.children.filter((node) => node.type === 'paragraph').map((node) => toString(node));
}

/** The opening words of a text, at most `maxLength` characters, cut at a word. */
export function openingWords(paragraphs: readonly string[], maxLength = 200): string {
  const text = paragraphs.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const end = cut.lastIndexOf(' ');
  return `${cut.slice(0, end > maxLength / 2 ? end : maxLength).replace(/[\s,;:.–—-]+$/, '')}…`;
}
