/** Reading built pages the way a reader sees them: the text of elements, not the markup. */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  const content = 'content' in node ? node.content : node;
  return 'childNodes' in content ? content.childNodes : [];
}

/** The text content of a node, as `textContent` gives it in a browser. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return children(node).map(textOf).join('');
}

/** Every element below `node` (itself included) that matches `test`, in document order. */
export function findAll(node: Node, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if (isElement(current) && test(current)) found.push(current);
    children(current).forEach(walk);
  };
  walk(node);
  return found;
}

/** The value of an attribute, if the element has it. */
export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Parses a whole HTML document. */
export function parseHtml(html: string): Node {
  return parse(html);
}

/** The paragraphs of a release page's remarks, as text. */
export function releaseParagraphs(html: string): string[] {
  const [body] = findAll(parseHtml(html), (e) => attribute(e, 'class') === 'remarks');
  if (!body) throw new Error('the page has no remarks (an element of class "remarks")');
  return findAll(body, (e) => e.tagName === 'p').map(textOf);
}
