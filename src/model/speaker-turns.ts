/**
 * A rehype plugin that sets apart a transcript's speaker turns: a paragraph that opens with a
 * name in capitals and a colon ("THE PRESIDENT:", "MR. SPICER:") or with "Q", the usual mark of
 * a reporter's question, gets that opening wrapped in `<span class="turn">`. Only the markup
 * changes: the paragraph's text stays the release's, character for character.
 */
import type { Element, Root, Text } from 'hast';

/** A turn: up to six capitalised words ending in a colon, or Q on its own before the question. */
const TURN = /^(?:(?:[A-Z][A-Z'’.-]*\s+){0,5}[A-Z][A-Z'’.-]*[A-Z.]:|Q(?=[\s.:]))/u;

/** The speaker turn a paragraph's text opens with, or `undefined`. */
export function speakerTurn(text: string): string | undefined {
  return TURN.exec(text)?.[0];
}

/** Wraps the speaker turn at the start of each top-level paragraph in `<span class="turn">`. */
export function rehypeSpeakerTurns() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const first = node.children[0];
      if (first?.type !== 'text') continue;
      const turn = speakerTurn(first.value);
      if (!turn) continue;
      const span: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['turn'] },
        children: [{ type: 'text', value: turn }],
      };
      const rest: Text = { type: 'text', value: first.value.slice(turn.length) };
      node.children.splice(0, 1, span, ...(rest.value ? [rest] : []));
    }
  };
}
