/**
 * Plain text on its way into the archive: line ends, paragraphs, and the few characters no web
 * page can show. Nothing here changes a character inside a paragraph.
 */

/** `\r\n` and lone `\r` become `\n`: line ends are layout, not text. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Splits text into paragraphs: every line that is not blank is one paragraph, trimmed of the
 * spaces around it. So blank-line-separated text and one-paragraph-per-line text (as in
 * `whitehouse-2016.jsonl`) both come out paragraph for paragraph, and no line is ever run into
 * another.
 */
export function splitParagraphs(text: string): string[] {
  return normalizeLineEnds(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Why a text cannot be shown exactly on a web page, or `undefined` when it can: HTML parsers drop
 * NUL, and a lone UTF-16 surrogate cannot be written as UTF-8 at all.
 */
export function unshowableText(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return `contains a NUL character (U+0000) at offset ${nul}, which no web page can show`;
  const surrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (surrogate) {
    return `contains a lone surrogate (U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()}) at offset ${surrogate.index}, which is not a character`;
  }
  return undefined;
}

/** A title made from the first words of a text, for releases that have none. */
export function titleFromWords(paragraphs: readonly string[], maxWords = 10): string {
  const words = paragraphs.join(' ').split(/\s+/).filter(Boolean);
  const title = words.slice(0, maxWords).join(' ');
  return words.length > maxWords ? `${title}…` : title;
}

/**
 * Text as two copies of a release are compared: curly and straight quotes, the kinds of dash and
 * all spacing made alike, since sources differ in them and in nothing a reader would call text.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]|--/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Characters a name must not hold: controls, and the invisible marks that reorder or hide text
 * (a right-to-left override makes "Mark \u202eettuR" read "Mark Rutte"). Text in a release's body
 * keeps them; a name, a title or a file name, which readers compare by eye, does not.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** Whether a text holds a character a reader cannot see (`HIDDEN`). */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** A text with its hidden characters written as escapes (`\u202e`), so a message shows them. */
export function showHidden(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, 'gu'), (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML or XML text or attribute value: `&`, `<`, `>` and both quotes escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
