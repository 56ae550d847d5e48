/**
 * A release body, from MDX to what the pages need: its HTML and its paragraphs as plain text,
 * both from one parse.
 *
 * Release bodies are parsed as MDX (remark-parse with remark-mdx) and run through the site's
 * remark and rehype plugins (`markdown.ts`), so they read exactly as `@astrojs/mdx` would show
 * them. They are rendered here, once per release and cached by content, rather than compiled into
 * a JavaScript module each: for an archive of thousands of releases that compilation was most of
 * the build's time and memory. Everything this module imports makes up the renderer's fingerprint
 * (`src/build/renderer-key.ts`), so keep it to what rendering needs.
 *
 * A release is text, so what needs compiling has no place in one: `{expressions}`,
 * `import`/`export` and JSX elements are reported, with their line, as problems; except the
 * archive's own components (`components.ts`), which are read as data, and Markdown images, which
 * are figures. What only the page can show (images, attachments, videos) is left as a placeholder
 * for it, with the item in `media`; notes are taken out of the text, to be shown at its top.
 */
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Definition, Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import {
  BodyError,
  componentParagraph,
  isComponent,
  imageParagraph,
  mediaPlaceholder,
  misplacedComponent,
  readComponent,
  unknownElement,
  type ComponentNode,
} from './components.ts';
import { rehypePlugins, remarkPlugins } from './markdown.ts';
import type { MediaItem } from './media.ts';
import { MAX_PARAGRAPH_CHARACTERS } from './release-file.ts';

export { BodyError } from './components.ts';

/** What a page shows of a release body. */
export interface RenderedBody {
  /** The text as HTML, paragraphs numbered, with a placeholder for each of `media`. */
  html: string;
  /** The text of each top-level paragraph, escapes undone and character references decoded. */
  paragraphs: string[];
  /** The body's notes (`<Note>`) as HTML, shown at the top of the release; absent when none. */
  notes?: string;
  /** The figures, attachments and videos the page puts in, in order; absent when none. */
  media?: MediaItem[];
}

const handlers: NonNullable<ToHastOptions['handlers']> = {
  releaseComponent: (state, node: ComponentNode) => node.toHast(state.wrap(state.all(node), true)),
};

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);
const toHtml = unified().use(remarkRehype, { handlers }).use(rehypePlugins).use(rehypeStringify);

const EXPECTED = 'a release is text: write \\{, \\< or \\\\ for a literal {, < or \\';

const CODE_NODES: Record<string, (node: RootContent) => string> = {
  mdxjsEsm: () => `an import or export statement cannot be shown: ${EXPECTED}`,
  mdxFlowExpression: () => `an {expression} cannot be shown: ${EXPECTED}`,
  mdxTextExpression: () => `an {expression} cannot be shown: ${EXPECTED}`,
  mdxJsxFlowElement: (node) => jsxProblem(node),
  mdxJsxTextElement: (node) => jsxProblem(node),
  image: () => IMAGE_ALONE,
  imageReference: () => IMAGE_ALONE,
};

const IMAGE_ALONE =
  'an image stands in a paragraph of its own, at the top level of the body: put it on a line of its own, with blank lines around it';

function jsxProblem(node: RootContent): string {
  const name = (node as { name?: string | null }).name ?? null;
  return isComponent(name) ? misplacedComponent(name) : unknownElement(name);
}

/** The schemes a link in a body may use; a path on the site has none. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Why a link's address cannot be published, or `undefined`: one that runs (`javascript:`,
 * `vbscript:`) or carries a document of its own (`data:`) is refused, as `<Video>` refuses them.
 * The scheme is read as a browser reads it (WHATWG URL: tabs and newlines dropped, case folded),
 * so `java&#9;script:` is caught too.
 */
export function linkProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://archive.invalid/');
  } catch {
    return `a link to "${url}" is not an address: write an http(s) or mailto: address, or a path on the site`;
  }
  if (LINK_SCHEMES.has(parsed.protocol)) return undefined;
  return `a link to ${parsed.protocol} cannot be published: a link goes to an http(s), mailto: or tel: address, or a path on the site`;
}

/**
 * The body's top-level nodes with the archive's components and paragraphs of images read: each
 * becomes a node that turns into HTML, or a placeholder for a media item, which goes to `media`.
 */
function readTopLevel(mdast: MdastRoot, offset: number, media: MediaItem[]): RootContent[] {
  const place = (item: MediaItem) => mediaPlaceholder(media.push(item) - 1);
  const definitions = new Map<string, Definition>();
  visit(mdast, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const resolve = (node: RootContent) => {
    if (node.type === 'image') return node;
    const definition = node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    return definition && { url: definition.url, title: definition.title, alt: (node as { alt?: string | null }).alt };
  };
  return mdast.children.flatMap((node): RootContent[] => {
    if (node.type === 'mdxJsxFlowElement') return [readComponent(node, offset, place)];
    if (node.type !== 'paragraph') return [node];
    const component = componentParagraph(node.children);
    if (component) return [readComponent(component, offset, place)];
    return imageParagraph(node.children, offset, resolve)?.map(place) ?? [node];
  });
}

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
  // Code is refused wherever it is, in document order, before anything is read as a component.
  visit(mdast, (node) => {
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const start = node.position?.start ?? { line: 1, column: 1 };
      throw new BodyError(start.line + offset, start.column, CODE_NODES[node.type]!(node as RootContent));
    }
  });
  // Links and their definitions, used or not, go nowhere a browser would run or unpack.
  visit(mdast, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const problem = linkProblem(node.url);
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (problem) throw new BodyError(start.line + offset, start.column, problem);
  });
  const media: MediaItem[] = [];
  mdast.children = readTopLevel(mdast, offset, media);
  // What is left of JSX and images stands where nothing can be shown.
  visit(mdast, (node) => {
    const problem = CODE_NODES[node.type];
    if (problem) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      throw new BodyError(start.line + offset, start.column, problem(node as RootContent));
    }
  });
  const paragraphs = mdast.children.filter((node) => node.type === 'paragraph').map((node) => toString(node));
  const hast = toHtml.runSync(mdast) as HastRoot;
  const isNote = (node: HastContent) =>
    node.type === 'element' &&
    Array.isArray(node.properties.className) &&
    node.properties.className.includes('release-note');
  const notes = hast.children.filter(isNote);
  hast.children = hast.children.filter((node) => !isNote(node));
  return {
    html: toHtml.stringify(hast),
    paragraphs,
    ...(notes.length > 0 ? { notes: toHtml.stringify({ type: 'root', children: notes }) } : {}),
    ...(media.length > 0 ? { media } : {}),
  };
}
