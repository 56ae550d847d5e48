import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { BodyError, renderBody } from '../../../src/model/render-body.ts';
import { escapeMdxText } from '../../../src/model/release-file.ts';

type Node = DefaultTreeAdapterMap['node'];

/** The text of each `<p>` in an HTML fragment, as a browser would show it. */
function paragraphTexts(html: string): string[] {
  const texts: string[] = [];
  const text = (node: Node): string =>
    node.nodeName === '#text'
      ? (node as { value: string }).value
      : 'childNodes' in node
        ? node.childNodes.map(text).join('')
        : '';
  const walk = (node: Node): void => {
    if (node.nodeName === 'p') texts.push(text(node));
    else if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html) as Node);
  return texts;
}

function problemOf(body: string, firstLine?: number): BodyError {
  try {
    renderBody(body, firstLine);
  } catch (error) {
    if (error instanceof BodyError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('a release body', () => {
  const texts = [
    'A *b* {c} <d> & &nbsp; #1',
    '1. Not a list',
    'import x from "y"',
    'www.example.com/a_b]',
    '| not | a table |',
  ];

  it('shows text the importer escaped exactly as written, on the page and as plain text', () => {
    const { html, paragraphs } = renderBody(texts.map(escapeMdxText).join('\n\n'));
    expect(paragraphs).toEqual(texts);
    expect(paragraphTexts(html)).toEqual(texts);
  });

  it('numbers its paragraphs, each with a link to itself', () => {
    const { html } = renderBody('One.\n\nTwo.');
    expect(html).toContain('<p id="p-1">One.</p>');
    expect(html).toContain('<p id="p-2">Two.</p>');
    expect(html).toContain('href="#p-2"');
  });

  it('runs remark-gfm: tables and strikethrough render', () => {
    const { html } = renderBody('| a | b |\n| - | - |\n| 1 | 2 |\n\nSome ~~old~~ text.');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>old</del>');
  });

  it('refuses a paragraph longer than the archive parses in good time, naming its line', () => {
    expect(problemOf(`Short.\n\n${'word '.repeat(400_001)}`, 9).message).toBe(
      'line 11, column 1: a paragraph of 2,000,005 characters: the archive builds paragraphs of at most 2,000,000 characters; break it into paragraphs',
    );
  });

  it('names the line in the file of what cannot be shown, and what to write instead', () => {
    expect(problemOf('Text.\n\nAn {expression} here.', 9)).toMatchObject({ line: 11, column: 4 });
    expect(problemOf('Text.\n\nAn {expression} here.', 9).message).toMatch(
      /^line 11, column 4: an \{expression\} cannot be shown: a release is text: write \\\{/,
    );
    expect(problemOf('<Chart data="x" />').message).toMatch(/a JSX element <Chart> cannot be shown/);
    expect(problemOf('Hello <b>there</b>.').message).toMatch(/a JSX element <b> cannot be shown/);
    expect(problemOf('export const a = 1').message).toMatch(/an import or export statement cannot be shown/);
    expect(problemOf('An expression {that never closes\n', 5).message).toMatch(
      /^line 5, column \d+: is not valid MDX: /,
    );
  });
});
