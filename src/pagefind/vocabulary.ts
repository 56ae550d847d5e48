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

/** How many pieces of text `PartVocabulary` remembers the words of. */
const TOKENS_KEPT = 20_000;

/** A word being counted in a part: its uses, the releases holding it, and the last one counted. */
interface Counted {
  uses: number;
  count: number;
  page: number;
}

/**
 * The words of one part of the index: how many releases it has, and each word with the number of
 * its releases holding it and its uses, `[count, uses]`. The build keeps it beside the part, so that
 * the vocabulary of an archive whose parts did not all change is made without reading their texts.
 */
export interface PartWords {
  pages: number;
  words: Record<string, [number, number]>;
}

/** Counts the words of one part's releases, page by page. */
export class PartVocabulary {
  readonly #words = new Map<string, Counted>();
  /** Each piece of text met, with the words it gives: texts repeat their words, and working them out is most of the time. */
  readonly #tokens = new Map<string, Counted[]>();
  #page = 0;

  /** Counts in the words of one page (`pageTexts`). */
  addPage(texts: readonly string[]): void {
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
        }
      }
    }
  }

  #word(form: string): Counted {
    let word = this.#words.get(form);
    if (!word) this.#words.set(form, (word = { uses: 0, count: 0, page: 0 }));
    return word;
  }

  /** What was counted, words in order. */
  words(): PartWords {
    const words: PartWords['words'] = {};
    for (const word of [...this.#words.keys()].sort()) {
      const { count, uses } = this.#words.get(word)!;
      words[word] = [count, uses];
    }
    return { pages: this.#page, words };
  }
}

/**
 * The words more than half the releases of all `parts` hold, each with its uses: those that narrow
 * a search least, and whose part of the index, which grows with the uses, is the largest to fetch
 * (`src/search/words.ts`).
 */
export function commonWords(parts: readonly PartWords[]): Record<string, number> {
  const pages = parts.reduce((sum, part) => sum + part.pages, 0);
  // A word more than half the releases hold is held by more than half of some part's: only such
  // words are added up, part by part, rather than every word of the archive.
  const candidates = new Set<string>();
  for (const part of parts) {
    for (const [word, [count]] of Object.entries(part.words)) if (count > part.pages / 2) candidates.add(word);
  }
  const common: Record<string, number> = {};
  for (const word of [...candidates].sort()) {
    let count = 0;
    let uses = 0;
    for (const part of parts) {
      const entry = part.words[word];
      if (entry) {
        count += entry[0];
        uses += entry[1];
      }
    }
    if (count > pages / 2) common[word] = uses;
  }
  return common;
}

/**
 * The vocabulary's files by path (`wordsFile`) for `parts`, newest first: each word with its
 * releases in all of them, and, where not all hold it, which do as a bit mask (bit k for
 * `parts[k]`). With `first` set, bit 0 stands for a part that is not among `parts` (the head,
 * `headFiles`), and the bits of `parts` start at 1.
 */
export function vocabularyFiles(parts: readonly PartWords[], first = 0): Map<string, WordsFile> {
  const words = new Map<string, { count: number; mask: bigint; holding: number }>();
  parts.forEach((part, k) => {
    const bit = 1n << BigInt(k + first);
    for (const [word, [count]] of Object.entries(part.words)) {
      const entry = words.get(word);
      if (entry) {
        entry.count += count;
        entry.mask |= bit;
        entry.holding++;
      } else words.set(word, { count, mask: bit, holding: 1 });
    }
  });
  const files = new Map<string, WordsFile>();
  for (const word of [...words.keys()].sort()) {
    const path = wordsFile(word);
    let file = files.get(path);
    if (!file) files.set(path, (file = {}));
    const { count, mask, holding } = words.get(word)!;
    file[word] = holding === parts.length ? count : [count, mask.toString(16)];
  }
  return files;
}

/** How many files the head's words are split into (`headFile`). */
export const HEAD_FILES = 4;

/**
 * The file of the head's words (`headFiles`) that holds the words starting as `word` does. The
 * head, the part of the newest releases, is where a new release goes: its words are apart from
 * the others' so that publishing one release rewrites these few files, not the whole vocabulary.
 */
export function headFile(word: string): string {
  return `${WORDS_FOLDER}head-${(word.codePointAt(0) ?? 0) % HEAD_FILES}.json`;
}

/** The head part's words in `HEAD_FILES` files by path (`headFile`), each word with its releases. */
export function headFiles(head: PartWords): Map<string, WordsFile> {
  const files = new Map<string, WordsFile>(
    Array.from({ length: HEAD_FILES }, (_, n) => [`${WORDS_FOLDER}head-${n}.json`, {}]),
  );
  for (const [word, [count]] of Object.entries(head.words)) files.get(headFile(word))![word] = count;
  return files;
}

/** Counts words page by page, part by part (`PartVocabulary`), and writes them as the vocabulary's files. */
export class VocabularyBuilder {
  readonly #parts: PartVocabulary[] = [];

  /** Counts in the words of one page (`pageTexts`) of part `part` (from 0). */
  addPage(texts: readonly string[], part: number): void {
    while (this.#parts.length <= part) this.#parts.push(new PartVocabulary());
    this.#parts[part]!.addPage(texts);
  }

  /** The words more than half the releases hold, with their uses (`commonWords`). */
  common(): Record<string, number> {
    return commonWords(this.#parts.map((part) => part.words()));
  }

  /** The vocabulary's files by path (`wordsFile`), for an index of `parts` parts. */
  files(parts: number): Map<string, WordsFile> {
    const counted = this.#parts.map((part) => part.words());
    while (counted.length < parts) counted.push({ pages: 0, words: {} });
    return vocabularyFiles(counted);
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

/**
 * The entries of the vocabulary from a file of all parts but the head (`sealed`) and, where the
 * head is apart, the head's words of the same first character (`head`): one entry a word, its
 * releases added up, the head as part 0, in an index of `parts` parts.
 */
export function mergedEntries(sealed: readonly WordEntry[], head: WordsFile | undefined, parts: number): WordEntry[] {
  if (!head) return [...sealed];
  // "All parts" in the file of all but the head: every part but part 0.
  const allSealed = ((1n << BigInt(parts)) - 1n) & ~1n;
  const merged = new Map<string, WordEntry>(
    sealed.map((entry) => [entry.word, { ...entry, parts: entry.parts ?? allSealed }]),
  );
  for (const [word, count] of Object.entries(head)) {
    if (typeof count !== 'number') continue;
    const entry = merged.get(word);
    if (entry) merged.set(word, { word, count: entry.count + count, parts: (entry.parts ?? 0n) | 1n });
    else merged.set(word, { word, count, parts: 1n });
  }
  const all = (1n << BigInt(parts)) - 1n;
  return [...merged.values()]
    .map((entry) => (entry.parts === all ? { ...entry, parts: undefined } : entry))
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}
