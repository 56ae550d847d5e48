/**
 * SVG images, checked before anything publishes them. An SVG is a document that can hold scripts,
 * event handlers, HTML (`<foreignObject>`), references to other hosts and entities; opened at its
 * own address on a host that sends no Content Security Policy, its scripts would run on the
 * archive's origin. So every SVG goes through DOMPurify (on jsdom's XML parser), its CSS through
 * css-tree, and the site publishes what the sanitiser writes back, never the file's own bytes.
 *
 * An SVG the sanitiser would have to change is refused rather than published changed: a figure
 * is not altered on its way to the page, and the person who sent it learns what it holds. Only
 * comments and editors' own markup (Inkscape's, Illustrator's namespaces) go quietly.
 */
import { parse as parseCss, walk as walkCss } from 'css-tree';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** At-rules a stylesheet in an SVG may hold: none of them loads anything. */
const AT_RULES = new Set(['media', 'supports', 'keyframes', '-webkit-keyframes']);

/** CSS functions that load a resource, besides `url()`. */
const LOADING_FUNCTIONS = new Set([
  'image',
  'image-set',
  '-webkit-image-set',
  'cross-fade',
  '-webkit-cross-fade',
  'element',
  'src',
  'paint',
]);

/** Attributes a browser reads as CSS values, and so may hold `url()`. */
const CSS_ATTRIBUTES = new Set([
  'style',
  'fill',
  'stroke',
  'filter',
  'mask',
  'clip-path',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
]);

/**
 * What in a piece of CSS could load something or run: a `url()` to anything but an element of
 * the same SVG (`url(#gradient)`), `@import` and other at-rules but media, supports and keyframes,
 * functions that load images, and CSS that does not parse cleanly (a browser might read it
 * otherwise than the check did).
 */
export function cssProblems(css: string, context: 'stylesheet' | 'declarationList' | 'value'): string[] {
  const problems: string[] = [];
  const ast = parseCss(css, {
    context,
    parseCustomProperty: true,
    onParseError: () => problems.push('CSS that does not parse cleanly'),
  });
  walkCss(ast, (node) => {
    if (node.type === 'Url' && !node.value.startsWith('#')) problems.push(`CSS loading url(${node.value})`);
    else if (node.type === 'Atrule' && !AT_RULES.has(node.name.toLowerCase())) problems.push(`CSS @${node.name}`);
    else if (node.type === 'Function' && (LOADING_FUNCTIONS.has(node.name.toLowerCase()) || node.name.includes('\\')))
      problems.push(`CSS ${node.name}()`);
    else if (node.type === 'Raw' && node.value.includes('(')) problems.push('CSS that does not parse cleanly');
  });
  return [...new Set(problems)];
}

let purifier: { purify: DOMPurify; window: JSDOM['window'] } | undefined;

/** One DOMPurify on one jsdom window for the process: making a window takes a tenth of a second. */
function sanitiser() {
  if (purifier) return purifier;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purifier = { purify, window };
  return purifier;
}

/** Whether a node DOMPurify removed is one that only an editor reads, dropped without harm. */
function harmless(node: Node | null | undefined, name: string | undefined, namespace: string | null): boolean {
  if (node?.nodeType === 8) return true; // a comment
  if (name === 'metadata' || name?.startsWith('xmlns')) return true;
  // Inkscape's, Sodipodi's and Adobe's own elements and attributes, in their own namespaces.
  return (
    namespace !== null && namespace !== SVG_NS && namespace !== XLINK_NS && !/^http:\/\/www\.w3\.org\//.test(namespace)
  );
}

/** An SVG that may be published: the sanitiser's text, and the size it is shown at, in pixels. */
export interface CheckedSvg {
  svg: string;
  width: number;
  height: number;
}

/** A length as an SVG's root states it, in pixels: a number, or a number of `px`. */
function pixels(value: string | null): number | undefined {
  const number = value === null ? NaN : Number(value.trim().replace(/px$/, ''));
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * The size an SVG is shown at, as browsers take it: its `width` and `height`, one of them from
 * the other and the `viewBox`'s proportions, or the `viewBox`'s own; else 300 × 150.
 */
function sizeOf(svg: Element): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const ratio = box.length === 4 && box[2]! > 0 && box[3]! > 0 ? box[2]! / box[3]! : undefined;
  const width = pixels(svg.getAttribute('width'));
  const height = pixels(svg.getAttribute('height'));
  if (width && height) return { width, height };
  if (ratio && width) return { width, height: width / ratio };
  if (ratio && height) return { width: height * ratio, height };
  if (ratio) return { width: box[2]!, height: box[3]! };
  return { width: width ?? 300, height: height ?? 150 };
}

/**
 * Checks the bytes of an SVG file: the sanitised SVG to publish, or what it holds that cannot be
 * published, each named (`<script>`, `onload=`, `an external reference xlink:href="https://…"`).
 */
export function checkSvg(bytes: Uint8Array): CheckedSvg | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'is not an SVG image: its bytes are not UTF-8 text' };
  }
  const { purify, window } = sanitiser();
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    return {
      problem:
        root.localName === 'parsererror'
          ? 'is not an SVG image: it is not well-formed XML'
          : `is not an SVG image: its root element is <${root.localName}>, expected <svg> in the SVG namespace`,
    };
  }
  const problems: string[] = [];
  if (document.doctype) problems.push('a DOCTYPE (entities and external definitions)');
  for (const node of document.childNodes)
    if (node.nodeType === 7) problems.push(`a processing instruction <?${(node as ProcessingInstruction).target}?>`);
  // DOMPurify drops CDATA sections, and with them a stylesheet written in one: they are text.
  const walker = document.createTreeWalker(root, 0x8 | 0x1 | 0x4);
  const sections: CDATASection[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeType === 4) sections.push(node as CDATASection);
  for (const section of sections) section.replaceWith(document.createTextNode(section.data));
  // Attributes the hooks below refused, told once rather than again as DOMPurify's removals.
  const told = new Set<Attr | null>();
  purify.removeAllHooks();
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if ((name === 'href' || name === 'xlink:href') && !value.startsWith('#')) {
      problems.push(`an external reference ${data.attrName}="${value.slice(0, 60)}"`);
      told.add(node.getAttributeNode(data.attrName));
      data.keepAttr = false;
    } else if (CSS_ATTRIBUTES.has(name)) {
      const found = cssProblems(data.attrValue, name === 'style' ? 'declarationList' : 'value');
      if (found.length > 0) {
        problems.push(...found.map((problem) => `${problem} in ${data.attrName}=`));
        told.add(node.getAttributeNode(data.attrName));
        data.keepAttr = false;
      }
    }
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style') {
      const found = cssProblems(node.textContent ?? '', 'stylesheet');
      if (found.length > 0) {
        problems.push(...found.map((problem) => `${problem} in <style>`));
        node.textContent = '';
      }
    }
  });
  const clean = purify.sanitize(root, {
    USE_PROFILES: { svg: true, svgFilters: true },
    // DOMPurify leaves out <use> for the other files it may name; the hook above keeps it to
    // elements of the same image (`href="#id"`), which is how drawing programs use it.
    ADD_TAGS: ['use'],
    RETURN_DOM: true,
  });
  for (const removed of purify.removed) {
    if ('element' in removed) {
      const element = removed.element as Element;
      // The wrapper DOMPurify puts a node in to sanitise it.
      if (element.localName === 'body' && element.namespaceURI !== SVG_NS) continue;
      if (!harmless(element, element.localName, element.namespaceURI)) problems.push(`<${element.localName}>`);
    } else if (removed.attribute) {
      const { name, namespaceURI } = removed.attribute;
      if (told.has(removed.attribute) || harmless(undefined, name, namespaceURI)) continue;
      problems.push(name.toLowerCase().startsWith('on') ? `an event handler ${name}=` : `the attribute ${name}=`);
    }
  }
  purify.removeAllHooks();
  const svg = clean.firstElementChild;
  if (problems.length > 0 || !svg) {
    const unique = [...new Set(problems)];
    return {
      problem: `holds what a published image cannot: ${unique.join(', ')}; the archive publishes SVG images without scripts, event handlers, <foreignObject>, entities, javascript: addresses or references to other files (save it again without them, or as PNG)`,
    };
  }
  const { width, height } = sizeOf(svg);
  return {
    svg: new window.XMLSerializer().serializeToString(svg),
    width: Math.round(width),
    height: Math.round(height),
  };
}
