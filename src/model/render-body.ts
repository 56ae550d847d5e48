/**
 * A release body, from MDX to what the pages need: its HTML and its paragraphs as plain text,
 * both from one parse.
 *
 * Release bodies are parsed as MDX (remark-parse with remark-mdx) and run through the site's
 * remark and rehype plugins (`markdown.ts`), so they read exactly as `@astrojs/mdx` would show
 * them. They are rendered here, once per release and cached by content, rather than compiled into
 * a JavaScript module each: for an archive of thousands of releases that compilation was most of
 * the build's time and memory. Everything this module imports makes up the renderer's fingerprint
 * (`src/build/renderer-key.ts`), so keep it to what rendering needs. A release is text, so what needs compiling has no place in one:
 * JSX elements, `{expressions}` and `import`/`export` are reported, with their line, as problems.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypePlugins, remarkPlugins } from './markdown.ts';
import { MAX_PARAGRAPH_CHARACTERS } from './release-file.ts';

/** What a page shows of a release body. */
export interface RenderedBody {
  html: string;
  /** The text of each top-level paragraph, escapes undone and character references decoded. */
  paragraphs: string[];
}

/** A body that cannot be shown as it stands: where, and why. */
export class BodyError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(line: number, column: number, reason: string) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.line = line;
    this.column = column;
  }
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);
const toHtml = unified().use(remarkRehype).use(rehypePlugins).use(rehypeStringify);

const CODE_NODES: Record<string, (node: RootContent) => string> = {
  mdxjsEsm: () => 'an import or export statement cannot be shown',
  mdxFlowExpression: () => 'an {expression} cannot be shown',
  mdxTextExpression: () => 'an {expression} cannot be shown',
  mdxJsxFlowElement: (node) => `a JSX element <${(node as { name?: string | null }).name ?? ''}> cannot be shown`,
  mdxJsxTextElement: (node) => `a JSX element <${(node as { name?: string | null }).name ?? ''}> cannot be shown`,
};

const EXPECTED = 'a release is text: write \\{, \\< or \\\\ for a literal {, < or \\';

/**
 * Renders a release body. `firstLine` is the body's first line in its file, so that problems
 * name the line a person editing the file sees. Throws `BodyError` for a body that is not valid
 * MDX or that holds code.
 */
export function renderBody(body: string, firstLine = 1): RenderedBody {
  const offset = firstLine - 1;
  const long = body.split('\n').findIndex((line) => line.length > MAX_PARAGRAPH_CHARACTERS);
  if (long !== -1) {
    const length = body.split('\n')[long]!.length.toLocaleString('en');
    throw new BodyError(
      long + 1 + offset,
      1,
      `a paragraph of ${length} characters: the archive builds paragraphs of at most ${MAX_PARAGRAPH_CHARACTERS.toLocaleString('en')} characters; break it into paragraphs`,
    );
  }
  let mdast: MdastRoot;
  try {
    mdast = parser.runSync(parser.parse(body)) as MdastRoot;
  } catch (error) {
    const { line, column, reason } = error as { line?: number; column?: number; reason?: string };
    throw new BodyError((line ?? 1) + offset, column ?? 1, `is not valid MDX: ${reason ?? String(error)}`);
  }
  visit(mdast, (node) => {
    const problem = CODE_NODES[node.type];
    if (problem) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      throw new BodyError(start.line + offset, start.column, `${problem(node as RootContent)}: ${EXPECTED}`);
    }
  });
  const paragraphs = mdast.children.filter((node) => node.type === 'paragraph').map((node) => toString(node));
  const hast = toHtml.runSync(mdast) as HastRoot;
  return { html: toHtml.stringify(hast), paragraphs };
}
