import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { splitAtMedia } from '../../../src/model/media.ts';
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

describe('links in a release body', () => {
  it('go to http(s), mailto: and tel: addresses and paths on the site', () => {
    const html = renderBody(
      '[a](https://example.org) [b](/releases/) [c](mailto:a@example.org) [d](#p-2) [e](tel:+3225)',
    ).html;
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('href="mailto:a@example.org"');
  });

  it.each([
    ['[a](javascript:alert(1))', 1, 'javascript:'],
    ['[a](JaVaScRiPt&#58;alert(1))', 1, 'javascript:'],
    ['[a](<java\tscript:alert(1)>)', 1, 'javascript:'],
    ['[a](vbscript:msgbox(1))', 1, 'vbscript:'],
    ['Text.\n\n[a][x]\n\n[x]: data:text/html,<script>alert(1)</script>', 5, 'data:'],
    ['Text.\n\n[unused]: javascript:alert(1)', 3, 'javascript:'],
  ])('are refused when they would run or unpack a document: %s', (body, line, scheme) => {
    const problem = problemOf(body, 1);
    expect(problem.line).toBe(line);
    expect(problem.message).toContain(
      `a link to ${scheme} cannot be published: a link goes to an http(s), mailto: or tel: address, or a path on the site`,
    );
  });
});

describe('a release body with components and images', () => {
  const body = [
    'First.',
    '',
    '<Note kind="correction" date="2026-02-06">',
    '  The figure for Poland was *4*; it is 6.',
    '</Note>',
    '',
    '![Ministers at the table](./photo.png "At the table.")',
    '',
    '<Quote cite="Mark Rutte">We buy together.</Quote>',
    '',
    '<Figure src="./2026-02-04-x/chart.svg" alt="A chart" caption="Orders" credit="NATO" />',
    '',
    '<Attachment href="./original.pdf" title="The original" />',
    '',
    '<Video href="https://video.example.org/v/1" title="The press conference" poster="./still.png" />',
    '',
    '<Figure src="./rule.png" decorative />',
    '',
    'Last.',
  ].join('\n');

  it('keeps numbering only its own paragraphs, and gives the figures, attachment and video to the page in order, with their lines', () => {
    const { html, paragraphs, media } = renderBody(body, 11);
    expect(paragraphs).toEqual(['First.', 'Last.']);
    expect(paragraphTexts(html).filter((text) => text === 'First.' || text === 'Last.')).toEqual(['First.', 'Last.']);
    expect(html).toContain('<p id="p-2">Last.</p>');
    expect(media).toEqual([
      {
        kind: 'figure',
        src: 'photo.png',
        alt: 'Ministers at the table',
        caption: 'At the table.',
        line: 17,
        column: 1,
      },
      {
        kind: 'figure',
        src: '2026-02-04-x/chart.svg',
        alt: 'A chart',
        caption: 'Orders',
        credit: 'NATO',
        line: 21,
        column: 1,
      },
      { kind: 'attachment', href: 'original.pdf', title: 'The original', line: 23, column: 1 },
      {
        kind: 'video',
        href: 'https://video.example.org/v/1',
        title: 'The press conference',
        poster: 'still.png',
        line: 25,
        column: 1,
      },
      { kind: 'figure', src: 'rule.png', alt: '', line: 27, column: 1 },
    ]);
    // Each item has its placeholder where it stands, and nothing else of it is in the HTML.
    expect(splitAtMedia(html).filter((part) => typeof part === 'number')).toEqual([0, 1, 2, 3, 4]);
    expect(html).not.toContain('Ministers at the table');
  });

  it('shows a quote with whom it quotes, and takes notes out of the text to stand at its top', () => {
    const { html, notes } = renderBody(body);
    expect(html).toContain(
      '<figure class="release-quote"><blockquote>\n<p>We buy together.</p>\n</blockquote><figcaption>Mark Rutte</figcaption></figure>',
    );
    expect(html).not.toContain('Poland');
    expect(notes).toBe(
      '<div class="release-note release-note-correction" role="note"><p class="release-note-heading"><strong>Correction</strong>, <time datetime="2026-02-06">6 February 2026</time></p>\n<p>The figure for Poland was <em>4</em>; it is 6.</p>\n</div>',
    );
    expect(renderBody('<Quote>Unattributed.</Quote>').html).toBe(
      '<blockquote class="release-quote">\n<p>Unattributed.</p>\n</blockquote>',
    );
  });

  it('has no media or notes when it shows none', () => {
    expect(Object.keys(renderBody('Text.'))).toEqual(['html', 'paragraphs']);
  });

  it.each([
    ['![](./photo.png)', 'line 9, column 1: an image needs alt text saying what it shows'],
    ['<Figure src="./photo.png" />', 'line 9, column 1: <Figure> needs alt="…" (what the image shows'],
    ['<Figure src="./photo.png" alt="" />', 'line 9, column 27: <Figure>: alt is empty'],
    ['<Figure src="./photo.png" alt="A" decorative />', 'line 9, column 27: <Figure decorative> has no alt text'],
    ['<Figure alt="A" />', 'line 9, column 1: <Figure> needs src="…"'],
    ['<Figure src="./missing-kind" alt="A" />', 'line 9, column 9: <Figure>: "./missing-kind" is not a JPEG, PNG'],
    ['<Figure src="./original.pdf" alt="A" />', 'line 9, column 9: <Figure>: "./original.pdf" is not a JPEG'],
    [
      '<Figure src="https://example.org/a.png" alt="A" />',
      'is an address elsewhere, and the site loads nothing from other hosts',
    ],
    ['<Figure src="/srv/a.png" alt="A" />', 'line 9, column 9: <Figure>: "/srv/a.png" is an absolute path'],
    ['<Figure src="../2025/a.png" alt="A" />', `leads out of the release's folder`],
    ['<Figure src="./my photo.png" alt="A" />', 'expected file and folder names of letters, digits'],
    [
      '<Figure src={photo} alt="A" />',
      'line 9, column 9: <Figure src={photo}>: an {expression} is code, which a release cannot run',
    ],
    ['<Figure {...props} />', 'line 9, column 9: <Figure {...props}> is code'],
    [
      '<Figure src="./a.png" alt="A" width="3" />',
      'line 9, column 31: <Figure> has no attribute width: expected src, alt',
    ],
    ['<Figure src="./a.png" alt="A" alt="B" />', 'line 9, column 31: <Figure> gives alt twice'],
    ['<Figure src="./a.png" alt="A" decorative="yes" />', 'decorative is written alone'],
    ['<Figure src="./a.png" alt="A">Text</Figure>', '<Figure> holds nothing between tags'],
    ['<Quote cite="A"></Quote>', '<Quote> needs text between <Quote> and </Quote>'],
    [
      '<Note kind="erratum" date="2026-02-06">Text.</Note>',
      '<Note>: kind "erratum" is not a kind of note: expected one of correction, update, editor',
    ],
    ['<Note kind="update" date="6 February">Text.</Note>', '<Note>: date "6 February" is not a day written YYYY-MM-DD'],
    ['<Note kind="update">Text.</Note>', '<Note> needs date="…"'],
    ['<Attachment href="./photo.png" title="A" />', '"./photo.png" is not a PDF document'],
    ['<Attachment href="./original.pdf" />', '<Attachment> needs title="…"'],
    [
      '<Video href="javascript:alert(1)" title="A" />',
      '<Video>: "javascript:alert(1)" is not an http(s) address of a video',
    ],
    [
      '<Video href="https://v.example.org/1" title="A" poster="https://v.example.org/1.jpg" />',
      'is an address elsewhere',
    ],
    ['<Chart data="x" />', 'line 9, column 1: a JSX element <Chart> cannot be shown: a release can use <Figure>'],
    ['Text with ![a photo](./photo.png) in it.', 'line 9, column 11: an image stands in a paragraph of its own'],
    ['- ![a photo](./photo.png)', 'line 9, column 3: an image stands in a paragraph of its own'],
    [
      '<Quote>\n  <Figure src="./a.png" alt="A" />\n</Quote>',
      'line 10, column 3: <Figure> stands at the top level of the body',
    ],
    ['Text <Quote>quoted</Quote> more.', 'line 9, column 6: <Quote> stands at the top level of the body'],
  ])('refuses %s, naming its line and column and what is expected', (text, problem) => {
    expect(problemOf(`Text.\n\n${text}`, 7).message).toContain(problem);
  });
});
