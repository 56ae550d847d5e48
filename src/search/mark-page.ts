/**
 * Marks the words a reader searched for when a release is opened from search
 * (`?highlight=coalition+of+the+willing`), and scrolls to the first match, or to the first
 * match in the paragraph the address names (`#p-12`).
 */
import { highlightPatterns, idFromHash } from './highlight.ts';

function markAll(root: Element, pattern: RegExp): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const node of nodes) {
    const text = node.data;
    const parts: (string | HTMLElement)[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match[0] === '') continue;
      parts.push(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      parts.push(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    parts.push(text.slice(last));
    node.replaceWith(...parts);
  }
  return marks;
}

const query = new URLSearchParams(location.search).get('highlight')?.trim();
const remarks = document.querySelector('.release .remarks');
if (query && remarks) {
  const { phrase, words, quoted } = highlightPatterns(query);
  // Unquoted words that also appear together are marked together; otherwise word by word.
  let marks = phrase ? markAll(remarks, phrase) : [];
  if (words && (quoted || marks.length === 0)) marks = [...marks, ...markAll(remarks, words)];
  const target = location.hash ? document.getElementById(idFromHash(location.hash)) : null;
  const note = document.createElement('p');
  note.className = 'highlight-note';
  note.setAttribute('role', 'status');
  note.textContent =
    marks.length === 0
      ? `“${query}” is not in the text as written.`
      : `${marks.length} ${marks.length === 1 ? 'match' : 'matches'} for “${query}” marked. `;
  const clear = document.createElement('a');
  clear.href = `${location.pathname}${location.hash}`;
  clear.textContent = 'Remove marks';
  note.append(clear);
  remarks.before(note);
  // The paragraph the address names keeps the reader's place; otherwise the first match does.
  const first = target ? marks.find((mark) => target.contains(mark)) : marks[0];
  first?.scrollIntoView({ block: 'center' });
}
