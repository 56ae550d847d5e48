/**
 * The copy of a release page that the search index reads. Pagefind splits words at spaces and
 * counts every piece between spaces as a word, so dashes would stand in a reader's way:
 *
 * - `leaders—but` or `destruction--but` would be one word, and neither `leaders` nor
 *   `destruction` found there: the copy gets a space after such a dash;
 * - in `our process -- that's what`, the lone `--` would count as a word, and the phrase
 *   "process that's what" not be found: the copy hides lone dashes from the index.
 *
 * Pagefind keeps the text it indexed for excerpts, with every kind of space made a plain one, so
 * `leaders— but` there may be the copy's space or the release's own. The copy tells them apart
 * with an invisible word joiner after a dash that the release itself follows with a space (or
 * with the end of its text), and `unparted` gives excerpts back the release's spacing.
 *
 * And each paragraph's id moves to an empty element before it: Pagefind stores every element
 * with an id as an anchor together with the element's text, which for paragraphs would store
 * the release's text twice in what each search result loads. An empty marker gives the same
 * word position with no text (`sub-results.ts` reads the paragraph from the page's text).
 *
 * The page itself is untouched; search excerpts show the text without its lone dashes.
 */

/** Em, en and figure dashes, the horizontal bar, and `--`, after a letter or digit. */
const DASH = String.raw`(?<=[\p{L}\p{N}])(\u2012|\u2013|\u2014|\u2015|--)`;

/** A dash joining two words. */
const JOINING_DASH = new RegExp(String.raw`${DASH}(?=[\p{L}\p{N}])`, 'gu');

/** A dash the release follows with a space, or with the end of a run of text. */
const SPACED_DASH = new RegExp(String.raw`${DASH}(?=\s|$)`, 'gu');

/** What the copy puts after a spaced dash: U+2060 WORD JOINER, which Pagefind keeps. */
const KEPT = '\u2060';

/** A space in an excerpt after a dash between words: the copy's, unless KEPT precedes it. */
const PARTED = new RegExp(String.raw`${DASH}(<\/mark>)? (?=(?:<mark>)?[\p{L}\p{N}])`, 'gu');

/** KEPT after a dash (a word joiner elsewhere is the release's own). */
const KEPT_AFTER_DASH = new RegExp(`${DASH}${KEPT}`, 'gu');

/**
 * Text from the index (plain, or an excerpt with `<mark>`s) as the release has it: without the
 * spaces the copy put after dashes, nor the word joiners it put after the release's own.
 */
export function unparted(text: string): string {
  return text.replace(PARTED, '$1$2').replace(KEPT_AFTER_DASH, '$1');
}

/** Dashes standing alone between spaces. */
const LONE_DASH = /(?<=\s|^)(-{1,3}|[\u2012-\u2015]{1,3})(?=\s|$)/gu;

function indexableText(text: string): string {
  return text
    .replace(SPACED_DASH, `$1${KEPT}`)
    .replace(JOINING_DASH, '$1 ')
    .replace(LONE_DASH, '<span data-pagefind-ignore>$1</span>');
}

/** A numbered paragraph's opening tag, as `paragraph-ids.ts` writes it. */
const PARAGRAPH = /<p id="(p-\d+)">/g;

/**
 * The page as the index reads it: dashes between words part them, lone dashes are skipped,
 * paragraphs are marked by empty elements.
 */
export function indexableHtml(html: string): string {
  // Only the release text changes: what comes before it holds the title and the filters,
  // which results show as they are. Only text between tags changes, never an attribute.
  const start = html.indexOf('data-pagefind-body');
  if (start === -1) return html;
  const body = html
    .slice(start)
    .replace(/>([^<]+)</g, (_, text: string) => `>${indexableText(text)}<`)
    .replace(PARAGRAPH, '<i id="$1"></i><p>');
  return html.slice(0, start) + body;
}
