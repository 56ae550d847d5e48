/**
 * Likely variants of one name among the names an archive uses, for the editor filling
 * `names.yaml`: the same words in another order ("Marriott Bridgewater"), with other
 * punctuation, case or courtesy titles ("Mr. Abdullah Abdullah"), with or without initials
 * ("James Brady Press Briefing Room"), one word more or fewer ("James S. Brady Briefing Room"),
 * or a letter or two apart. Only suggestions: an editor decides.
 */
import { defaultSortKey } from '../model/name-forms.ts';

/** A name and how many releases use it. */
export interface NameCount {
  name: string;
  count: number;
}

/** Names that are probably one, most used first, each with why it was grouped with another. */
export interface VariantGroup {
  names: (NameCount & { reason?: string })[];
}

/** The words of a name, lower case, without punctuation and courtesy titles. */
function wordsOf(name: string): string[] {
  return (
    defaultSortKey(name)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Levenshtein distance, or `limit + 1` once it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The reasons two names are probably one, plainest first. */
const REASONS = [
  'the same words, in another order or with other punctuation, case or titles',
  'the same but for initials',
  'one word more or fewer',
  'a letter or two apart',
];

/** Why two names are probably one (one of `REASONS`), or `undefined`. */
export function variantReason(a: string, b: string): string | undefined {
  const [wa, wb] = [wordsOf(a), wordsOf(b)];
  if (wa.length === 0 || wb.length === 0) return undefined;
  if ([...wa].sort().join(' ') === [...wb].sort().join(' '))
    return 'the same words, in another order or with other punctuation, case or titles';
  // Initials written out on one side only: "James S. Brady" and "James Brady", but not
  // "George W. Bush" and "George H. W. Bush", two people.
  const full = (words: string[]) => words.filter((word) => word.length > 1);
  const initials = (words: string[]) => words.filter((word) => word.length === 1).length;
  if (
    full(wa).length > 1 &&
    Math.min(initials(wa), initials(wb)) === 0 &&
    [...full(wa)].sort().join(' ') === [...full(wb)].sort().join(' ')
  ) {
    return 'the same but for initials';
  }
  // One whole word more: "James S. Brady (Press) Briefing Room"; an initial more is not enough.
  const [small, large] = full(wa).length < full(wb).length ? [full(wa), full(wb)] : [full(wb), full(wa)];
  if (small.length >= 3 && large.length === small.length + 1 && small.every((word) => large.includes(word)))
    return 'one word more or fewer';
  const [la, lb] = [a.toLowerCase(), b.toLowerCase()];
  if (Math.min(la.length, lb.length) >= 8 && editDistance(la, lb) <= 2) return 'a letter or two apart';
  return undefined;
}

/** Groups of names that are probably variants of one another; names alone are left out. */
export function likelyVariants(names: readonly NameCount[]): VariantGroup[] {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, string>();
  // Names are compared with those of a similar length only where spelling is the link; word
  // links need a shared word, so each name meets only the names sharing one of its words.
  const byWord = new Map<string, number[]>();
  names.forEach(({ name }, i) => {
    for (const word of new Set(wordsOf(name))) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push(i);
    }
  });
  const compared = new Set<string>();
  const consider = (i: number, j: number) => {
    const key = i < j ? `${i} ${j}` : `${j} ${i}`;
    if (i === j || compared.has(key)) return;
    compared.add(key);
    const reason = variantReason(names[i]!.name, names[j]!.name);
    if (!reason) return;
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) parent[ri] = rj;
    // The less used name carries the reason it joined the group.
    const minor = names[i]!.count < names[j]!.count ? i : j;
    if (!reasons.has(minor)) reasons.set(minor, reason);
  };
  for (const members of byWord.values()) {
    if (members.length > 200) continue; // a word as common as "the" links nothing by itself
    for (const i of members) for (const j of members) if (i < j) consider(i, j);
  }
  const byLength = names.map((_, i) => i).sort((i, j) => names[i]!.name.length - names[j]!.name.length);
  for (let x = 0; x < byLength.length; x++) {
    for (let y = x + 1; y < byLength.length; y++) {
      const [i, j] = [byLength[x]!, byLength[y]!];
      if (names[j]!.name.length - names[i]!.name.length > 2) break;
      consider(i, j);
    }
  }
  const groups = new Map<number, number[]>();
  names.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()]
    .filter((members) => members.length > 1)
    .map((members) => {
      const ordered = members.sort(
        (i, j) => names[j]!.count - names[i]!.count || names[i]!.name.localeCompare(names[j]!.name),
      );
      return {
        names: ordered.map((i, k) => {
          if (k === 0) return { ...names[i]! };
          // Said against the member it is most plainly a variant of: the main name if it can be.
          const partners = ordered.filter((j) => j !== i);
          const best = partners
            .map((j) => ({ j, reason: variantReason(names[i]!.name, names[j]!.name) }))
            .filter((x): x is { j: number; reason: string } => x.reason !== undefined)
            .sort(
              (x, y) =>
                Number(x.j !== ordered[0]) - Number(y.j !== ordered[0]) ||
                REASONS.indexOf(x.reason) - REASONS.indexOf(y.reason) ||
                ordered.indexOf(x.j) - ordered.indexOf(y.j),
            )[0];
          const reason = best
            ? best.j === ordered[0]
              ? best.reason
              : `${best.reason}, as "${names[best.j]!.name}"`
            : reasons.get(i);
          return { ...names[i]!, ...(reason ? { reason } : {}) };
        }),
      };
    })
    .sort((a, b) => b.names[0]!.count - a.names[0]!.count);
}
