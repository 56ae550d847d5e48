/**
 * The archive's vocabulary: every word the search index holds, with the number of releases that
 * hold it, written beside Pagefind's files at build time. Pagefind answers a query word that no
 * indexed word starts with by matching the longest shorter word it has loaded (`rutte` finds
 * "R-UT", `helthcare` finds "H."), so its answer depends on what earlier searches loaded; the
 * search page asks the vocabulary instead whether a word is there, and which close words are.
 *
 * Words are cut and normalised as Pagefind cuts and normalises them before stemming: at
 * whitespace, letters and digits only, lower case, without diacritics, and each part of two
 * letters or more of a word joined by hyphens or other marks. The vocabulary is split into one
 * file per first character, so a page fetches only the files of the words it asks about.
 */

/** The folder of the vocabulary's files, inside the first part's bundle. */
export const WORDS_FOLDER = 'words/';

/**
 * The vocabulary's file of the words more than half the releases hold, each with its uses in the
 * whole archive (`VocabularyBuilder.common`): `{ "the": 484628, "of": 285160, … }`. Its name is
 * longer than any file of words by first character (`wordsFile`).
 */
export const COMMON_WORDS_FILE = `${WORDS_FOLDER}common.json`;

/**
 * What a file of the vocabulary holds: each word with its number of releases, and, in an index
 * of several parts, the parts holding it, as a hexadecimal bit mask (bit k for part k), where
 * that is not all of them.
 */
export type WordsFile = Record<string, number | [number, string]>;

/** A word of the vocabulary: how many releases hold it, and which parts (`undefined`: all). */
export interface WordEntry {
  word: string;
  count: number;
  parts: bigint | undefined;
}

const MARK = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}_]+/gu;

/** A word as Pagefind normalises it: letters, digits and `_`, lower case, without diacritics. */
export function normalWord(raw: string): string {
  return raw.toLowerCase().normalize('NFD').replace(MARK, '').replace(NOT_WORD, '');
}

/** The words Pagefind indexes for one piece of text between spaces: itself, and its parts. */
function indexedForms(token: string): string[] {
  const whole = normalWord(token);
  const forms = whole ? [whole] : [];
  const parts = token
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .map(normalWord)
    .filter(Boolean);
  if (parts.length > 1) for (const part of parts) if (part.length > 1) forms.push(part);
  return forms;
}

/** The words of a text, as Pagefind indexes them (before stemming). */
export function textWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(/\s+/)) if (token) for (const form of indexedForms(token)) words.add(form);
  return words;
}

/** The file of the vocabulary that holds the words starting as `word` does (a normal word). */
export function wordsFile(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 95);
  const name = /^[a-z0-9]$/.test(first) ? first : `u${first.codePointAt(0)!.toString(16)}`;
  return `${WORDS_FOLDER}${name}.json`;
}

/** Whether a UTF-16 code unit is white space, as `\s` has it. */
function isSpace(code: number): boolean {
  return code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 160 &&
        (code === 160 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
}

/** How many pieces of text `VocabularyBuilder` remembers the words of. */
const TOKENS_KEPT = 20_000;

/** A word being counted: its uses, releases holding it, the last one counted, and the parts holding it. */
interface Counted {
  uses: number;
  count: number;
  page: number;
  parts: number[];
}

/** Counts words page by page, part by part, and writes them as the vocabulary's files. */
export class VocabularyBuilder {
  readonly #words = new Map<string, Counted>();
  /** Each piece of text met, with the words it gives: texts repeat their words, and working them out is most of the time. */
  readonly #tokens = new Map<string, Counted[]>();
  #page = 0;

  /** Counts in the words of one page (`pageTexts`) of part `part` (from 0). */
  addPage(texts: readonly string[], part: number): void {
    const page = ++this.#page;
    for (const text of texts) {
      // Pieces between spaces, found without a regular expression: this loop runs for every word of the archive.
      let start = -1;
      for (let i = 0; i <= text.length; i++) {
        const space = i === text.length || isSpace(text.charCodeAt(i));
        if (!space) {
          if (start === -1) start = i;
          continue;
        }
        if (start === -1) continue;
        const token = text.slice(start, i);
        start = -1;
        let words = this.#tokens.get(token);
        if (!words) {
          // Only a cache: kept small, as the indexer's heap is (`src/build/build-command.ts`).
          if (this.#tokens.size >= TOKENS_KEPT) this.#tokens.clear();
          this.#tokens.set(token, (words = indexedForms(token).map((form) => this.#word(form))));
        }
        for (const word of words) {
          word.uses++;
          if (word.page === page) continue;
          word.page = page;
          word.count++;
          // Pages come part after part, so a part is new to a word when it is not its last.
          if (word.parts.at(-1) !== part) word.parts.push(part);
        }
      }
    }
  }

  #word(form: string): Counted {
    let word = this.#words.get(form);
    if (!word) this.#words.set(form, (word = { uses: 0, count: 0, page: 0, parts: [] }));
    return word;
  }

  /**
   * The words more than half the releases hold, each with its uses: those that narrow a search
   * least, and whose part of the index, which grows with the uses, is the largest to fetch
   * (`src/search/words.ts`).
   */
  common(): Record<string, number> {
    const common: Record<string, number> = {};
    for (const [word, { uses, count }] of this.#words) if (count > this.#page / 2) common[word] = uses;
    return common;
  }

  /** The vocabulary's files by path (`wordsFile`), for an index of `parts` parts. */
  files(parts: number): Map<string, WordsFile> {
    const files = new Map<string, WordsFile>();
    for (const word of [...this.#words.keys()].sort()) {
      const path = wordsFile(word);
      let file = files.get(path);
      if (!file) files.set(path, (file = {}));
      const { count, parts: holding } = this.#words.get(word)!;
      const mask = holding.reduce((sum, part) => sum | (1n << BigInt(part)), 0n);
      file[word] = holding.length === parts ? count : [count, mask.toString(16)];
    }
    return files;
  }
}

/** The entries of a vocabulary file. */
export function readWordsFile(file: WordsFile): WordEntry[] {
  return Object.entries(file).map(([word, value]) =>
    typeof value === 'number'
      ? { word, count: value, parts: undefined }
      : { word, count: value[0], parts: BigInt(`0x${value[1]}`) },
  );
}
