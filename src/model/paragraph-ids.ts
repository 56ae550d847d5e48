/**
 * A rehype plugin that numbers a release's paragraphs: each top-level paragraph gets the id
 * `p-N` and, before it, a link to itself showing N. Readers link to and cite a paragraph by
 * number; search results link to it. The link sits beside the paragraph, not inside it, so the
 * paragraph's text stays exactly the release's text, and search does not index the numbers.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The id of the Nth paragraph (1-based). */
export function paragraphId(n: number): string {
  return `p-${n}`;
}

function numberLink(n: number): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['paragraph-link'],
      href: `#${paragraphId(n)}`,
      ariaLabel: `Paragraph ${n}: link, copy or cite`,
      dataPagefindIgnore: '',
    },
    children: [{ type: 'text', value: String(n) }],
  };
}

/** Gives every top-level paragraph an id and a numbered link to itself. */
export function rehypeParagraphIds() {
  return (tree: Root) => {
    let n = 0;
    const children: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') {
        n++;
        node.properties = { ...node.properties, id: paragraphId(n) };
        const block: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['paragraph'] },
          children: [numberLink(n), node as ElementContent],
        };
        children.push(block);
      } else {
        children.push(node);
      }
    }
    tree.children = children;
  };
}
