/**
 * The components an editor can write in a release body: `<Figure>`, `<Quote>`, `<Note>`,
 * `<Attachment>` and `<Video>`, with literal attribute values only. They are read here as data and
 * rendered by the archive; nothing of the file is compiled or run. A quote and a note become HTML
 * here; a figure, an attachment and a video become items the page puts in (`media.ts`), as only
 * the page can reach Astro's image service and knows a file's size and address.
 */
import type { Element, ElementContent } from 'hast';
import type { Parent, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { formatDate, isCalendarDate } from './dates.ts';
import { MEDIA_TAG, readReference, type MediaItem } from './media.ts';

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

/**
 * A component on its way to HTML: `toHast` wraps its children, once they are HTML themselves.
 * remark-rehype turns it over with the handler `componentHandler`.
 */
export interface ComponentNode extends Parent {
  type: 'releaseComponent';
  toHast(children: ElementContent[]): Element;
}

declare module 'mdast' {
  interface RootContentMap {
    releaseComponent: ComponentNode;
  }
}

/** The names of the components, as messages list them. */
export const COMPONENT_NAMES = ['Figure', 'Quote', 'Note', 'Attachment', 'Video'] as const;

type ComponentName = (typeof COMPONENT_NAMES)[number];

/** The attributes each component takes: text in quotes, or a flag written alone. */
const ATTRIBUTES: Record<ComponentName, Record<string, 'text' | 'flag'>> = {
  Figure: { src: 'text', alt: 'text', caption: 'text', credit: 'text', decorative: 'flag' },
  Quote: { cite: 'text' },
  Note: { kind: 'text', date: 'text' },
  Attachment: { href: 'text', title: 'text' },
  Video: { href: 'text', title: 'text', poster: 'text' },
};

/** The kinds of note, with the label a reader sees. */
export const NOTE_KINDS = { correction: 'Correction', update: 'Update', editor: "Editor's note" } as const;

/** Whether a name is one of the archive's components. */
export function isComponent(name: string | null): name is ComponentName {
  return (COMPONENT_NAMES as readonly (string | null)[]).includes(name);
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function startOf(node: { position?: { start: { line: number; column: number } } | undefined }, offset: number) {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + offset, column: start.column };
}

/** Reads a component's attributes as written, refusing code, unknown names and repeats. */
function readAttributes(node: JsxElement, name: ComponentName, offset: number) {
  const allowed = ATTRIBUTES[name];
  const values = new Map<string, { value: string | true; line: number; column: number }>();
  for (const attribute of node.attributes) {
    const { line, column } = startOf(attribute.position ? attribute : node, offset);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      throw new BodyError(
        line,
        column,
        `<${name} {${attribute.value}}> is code, which a release cannot run: write each attribute as name="value"`,
      );
    }
    const kind = allowed[attribute.name];
    if (!kind) {
      throw new BodyError(
        line,
        column,
        `<${name}> has no attribute ${attribute.name}: expected ${Object.keys(allowed).join(', ')}`,
      );
    }
    if (values.has(attribute.name)) throw new BodyError(line, column, `<${name}> gives ${attribute.name} twice`);
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      throw new BodyError(
        line,
        column,
        `<${name} ${attribute.name}={${value.value}}>: an {expression} is code, which a release cannot run: write the value in quotes, ${attribute.name}="…"`,
      );
    }
    if (kind === 'flag' && value !== null) {
      throw new BodyError(line, column, `<${name}>: ${attribute.name} is written alone, with no value`);
    }
    if (kind === 'text' && value === null) {
      throw new BodyError(line, column, `<${name}>: ${attribute.name} needs a value in quotes, ${attribute.name}="…"`);
    }
    values.set(attribute.name, { value: value ?? true, line, column });
  }
  const at = startOf(node, offset);
  return {
    /** A text attribute's value; a required one must be there, and no given one may be empty. */
    text(attribute: string, required?: string): string | undefined {
      const found = values.get(attribute);
      if (found === undefined) {
        if (required) throw new BodyError(at.line, at.column, `<${name}> needs ${attribute}="…" (${required})`);
        return undefined;
      }
      const text = String(found.value);
      if (text.trim() === '') {
        throw new BodyError(found.line, found.column, `<${name}>: ${attribute} is empty; write it, or leave it out`);
      }
      return text;
    },
    flag(attribute: string): boolean {
      return values.has(attribute);
    },
    /** Where an attribute was written, or the element when it was not. */
    at(attribute: string) {
      return values.get(attribute) ?? at;
    },
  };
}

/** A path that must name a file of a kind beside the release, made the path it names. */
function reference(
  written: string,
  wanted: 'image' | 'document',
  where: { line: number; column: number },
  name: string,
): string {
  const read = readReference(written, wanted);
  if ('problem' in read) throw new BodyError(where.line, where.column, `<${name}>: ${read.problem}`);
  return read.path;
}

function element(tagName: string, className: string | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className: [className] } : {}, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The placeholder of media item `index` in a rendered body. */
export function mediaPlaceholder(index: number): ComponentNode {
  return {
    type: 'releaseComponent',
    children: [],
    toHast: () => ({ type: 'element', tagName: MEDIA_TAG, properties: { dataIndex: index }, children: [] }),
  };
}

/**
 * Reads a JSX element at the top of a body as one of the archive's components: a media item
 * (given to `place`, which answers with its placeholder) or a node that becomes HTML here. Throws
 * `BodyError` for anything it cannot show, naming the line and column (`offset` lines down).
 */
export function readComponent(
  node: JsxElement,
  offset: number,
  place: (item: MediaItem) => ComponentNode,
): ComponentNode {
  const name = node.name;
  // A component written on one line, `<Quote>…</Quote>`, holds a paragraph's text.
  const children: RootContent[] =
    node.type === 'mdxJsxFlowElement'
      ? node.children
      : node.children.length > 0
        ? [{ type: 'paragraph', children: node.children, ...(node.position ? { position: node.position } : {}) }]
        : [];
  const at = startOf(node, offset);
  if (!isComponent(name)) throw new BodyError(at.line, at.column, unknownElement(name));
  const attributes = readAttributes(node, name, offset);
  const holdsText = name === 'Quote' || name === 'Note';
  if (!holdsText && children.length > 0) {
    throw new BodyError(at.line, at.column, `<${name}> holds nothing between tags: write it as <${name} … />`);
  }
  if (holdsText && children.length === 0) {
    throw new BodyError(at.line, at.column, `<${name}> needs text between <${name}> and </${name}>`);
  }
  switch (name) {
    case 'Figure': {
      const decorative = attributes.flag('decorative');
      const src = reference(
        attributes.text('src', 'the image, e.g. ./photo.jpg')!,
        'image',
        attributes.at('src'),
        name,
      );
      const alt = decorative
        ? undefined
        : attributes.text('alt', 'what the image shows, for readers who cannot see it');
      if (decorative && node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'alt' && a.value)) {
        const where = attributes.at('alt');
        throw new BodyError(where.line, where.column, '<Figure decorative> has no alt text: drop one or the other');
      }
      const caption = attributes.text('caption');
      const credit = attributes.text('credit');
      return place({
        kind: 'figure',
        src,
        alt: alt ?? '',
        ...(caption ? { caption } : {}),
        ...(credit ? { credit } : {}),
        ...at,
      });
    }
    case 'Attachment': {
      const href = attributes.text('href', 'the document, e.g. ./original.pdf')!;
      const title = attributes.text('title', 'what the document is, e.g. The release as distributed')!;
      return place({
        kind: 'attachment',
        href: reference(href, 'document', attributes.at('href'), name),
        title,
        ...at,
      });
    }
    case 'Video': {
      const href = attributes.text('href', 'the address of the video, e.g. https://www.youtube.com/watch?v=…')!;
      if (!/^https?:\/\/[^/\s]+/i.test(href) || !URL.canParse(href)) {
        const where = attributes.at('href');
        throw new BodyError(where.line, where.column, `<Video>: "${href}" is not an http(s) address of a video`);
      }
      const title = attributes.text('title', 'what the video shows')!;
      const poster = attributes.text('poster');
      return place({
        kind: 'video',
        href,
        title,
        ...(poster ? { poster: reference(poster, 'image', attributes.at('poster'), name) } : {}),
        ...at,
      });
    }
    case 'Quote': {
      const cite = attributes.text('cite');
      return {
        type: 'releaseComponent',
        children,
        toHast: (content) =>
          cite
            ? element('figure', 'release-quote', [
                element('blockquote', undefined, content),
                element('figcaption', undefined, [text(cite)]),
              ])
            : element('blockquote', 'release-quote', content),
      };
    }
    case 'Note': {
      const kind = attributes.text('kind', `one of ${Object.keys(NOTE_KINDS).join(', ')}`)!;
      if (!(kind in NOTE_KINDS)) {
        const where = attributes.at('kind');
        throw new BodyError(
          where.line,
          where.column,
          `<Note>: kind "${kind}" is not a kind of note: expected one of ${Object.keys(NOTE_KINDS).join(', ')}`,
        );
      }
      const date = attributes.text('date', 'the day of the note, YYYY-MM-DD')!;
      if (!isCalendarDate(date)) {
        const where = attributes.at('date');
        throw new BodyError(where.line, where.column, `<Note>: date "${date}" is not a day written YYYY-MM-DD`);
      }
      const label = NOTE_KINDS[kind as keyof typeof NOTE_KINDS];
      const time: Element = {
        type: 'element',
        tagName: 'time',
        properties: { dateTime: date },
        children: [text(formatDate(date))],
      };
      const heading = element('p', 'release-note-heading', [
        element('strong', undefined, [text(label)]),
        text(', '),
        time,
      ]);
      return {
        type: 'releaseComponent',
        children,
        toHast: (content) => ({
          type: 'element',
          tagName: 'div',
          properties: { className: ['release-note', `release-note-${kind}`], role: 'note' },
          children: [heading, ...content],
        }),
      };
    }
  }
}

/** Why an element that is none of the archive's components cannot be shown. */
export function unknownElement(name: string | null): string {
  return `a JSX element <${name ?? ''}> cannot be shown: a release can use ${COMPONENT_NAMES.map((n) => `<${n}>`).join(', ')}, and is otherwise text: write \\< for a literal <`;
}

/** Why a component cannot stand where it is (inside a paragraph, a list or another component). */
export function misplacedComponent(name: ComponentName): string {
  return `<${name}> stands at the top level of the body, on lines of its own, not inside a paragraph, list or other component`;
}

/** The component a paragraph holding nothing else stands for, written on one line: `<Quote>…</Quote>`. */
export function componentParagraph(nodes: readonly RootContent[]): MdxJsxTextElement | undefined {
  const [only, ...rest] = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  return only?.type === 'mdxJsxTextElement' && rest.length === 0 && isComponent(only.name) ? only : undefined;
}

/** The figures a paragraph of Markdown images alone stands for, or `undefined` if it holds more than images. */
export function imageParagraph(
  nodes: readonly RootContent[],
  offset: number,
  resolve: (
    node: RootContent,
  ) => { url: string; title?: string | null | undefined; alt?: string | null | undefined } | undefined,
): MediaItem[] | undefined {
  const images = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  if (images.length === 0 || !images.every((node) => node.type === 'image' || node.type === 'imageReference')) {
    return undefined;
  }
  return images.map((node) => {
    const at = startOf(node, offset);
    const resolved = resolve(node);
    if (!resolved)
      throw new BodyError(at.line, at.column, `![${node.type === 'imageReference' ? node.label : ''}] names no image`);
    const { url, title, alt } = resolved;
    if (!alt?.trim()) {
      throw new BodyError(
        at.line,
        at.column,
        `an image needs alt text saying what it shows, ![The ministers at the table](${url}); an image that shows nothing a reader needs is a <Figure src="${url}" decorative />`,
      );
    }
    let path = url;
    try {
      path = decodeURI(url);
    } catch {
      // Kept as written: the check below says what is wrong with it.
    }
    const read = readReference(path, 'image');
    if ('problem' in read) throw new BodyError(at.line, at.column, read.problem);
    return { kind: 'figure', src: read.path, alt, ...(title ? { caption: title } : {}), ...at };
  });
}
