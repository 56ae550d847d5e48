/**
 * Who speaks in a release and what kind it is, as far as its title says. Titles such as
 * "Remarks by NATO Secretary General Mark Rutte" or "Statement by NSC Spokesperson Ned Price on …"
 * name a role and a person; a title that names no person gives neither, and the caller falls back
 * to the organisation. Nothing is guessed beyond what the words say.
 */
import type { ReleaseType } from '../model/schema.ts';

/** A speaker and role read from a title; either may be missing. */
export interface Attribution {
  speaker?: string;
  role?: string;
}

const BY_CLAUSE =
  /^(?:(?:Opening|Closing|Keynote|Joint|Prepared|Video|Written)\s+)?(?:Remarks|Speech|Statement|Address|Keynote|Message|Op-ed|Lecture|Testimony|Toast|Interview|Letter|(?:Press\s+)?Briefing|(?:Press|News)\s+Conference)\s+by\s+(.+)$/i;

/** Where the by-clause stops: "… on Ukraine", "… at the Summit", "… to the Parliament", "…: text". */
const CLAUSE_END =
  /\s+(?:on|at|to|in|before|during|for|after|with|about|regarding|following|upon)\s+|\s*[:;,(–—]\s*|\s+-\s+/i;

/** Words that end a role: whatever follows them is the person's name. */
const ROLE_WORDS = new Set([
  'secretary',
  'general',
  'president',
  'vice-president',
  'minister',
  'chancellor',
  'premier',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'spokespeople',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'director',
  'director-general',
  'ambassador',
  'governor',
  'senator',
  'representative',
  'commissioner',
  'advisor',
  'adviser',
  'admiral',
  'commander',
  'chief',
  'king',
  'queen',
  'prince',
  'princess',
  'mayor',
  'deputy',
  'envoy',
  'administrator',
  'attorney',
  'counsel',
  'judge',
  'justice',
  'speaker',
  'leader',
  'officer',
  'head',
  'rapporteur',
  'high',
  'coordinator',
  'councillor',
  'councilor',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'lady',
  'lord',
  'sir',
  'dame',
  'his',
  'her',
  'excellency',
  'majesty',
  'holiness',
  'pope',
]);

const LOWER_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'ibn',
  'dos',
  'das',
  'y',
]);

const INSTITUTION_WORDS =
  /^(?:Office|Department|Ministry|Council|Committee|Government|Administration|Agency|Commission|Organi[sz]ation|Alliance|House|Union|Nations|States|Secretariat|Delegation|Embassy|Mission|Staff)$/;

const HONORIFIC = /^(?:mr|mrs|ms|dr|prof)\.?$/i;

function isNameWord(word: string): boolean {
  return (
    /^\p{Lu}[\p{L}'’.-]*$/u.test(word) &&
    !/^\p{Lu}{2,}$/u.test(word) &&
    !ROLE_WORDS.has(word.toLowerCase()) &&
    !INSTITUTION_WORDS.test(word)
  );
}

/**
 * Splits "NATO Secretary General Mark Rutte" into role and name: the name is the longest run of
 * capitalised words (and particles such as "von der") at the end that holds no role or
 * institution word; the role is what comes before it.
 */
function splitRoleAndName(words: readonly string[]): { role: string[]; name: string[] } {
  let start = words.length;
  while (start > 0 && (isNameWord(words[start - 1]!) || LOWER_PARTICLES.has(words[start - 1]!))) start--;
  while (start < words.length && LOWER_PARTICLES.has(words[start]!)) start++;
  const name = words.slice(start);
  const capitalised = name.filter((word) => !LOWER_PARTICLES.has(word)).length;
  if (capitalised < 2 || name.length > 5) return { role: [...words], name: [] };
  return { role: words.slice(0, start), name };
}

/** Reads the role and person from a title's by-clause, e.g. "Remarks by … Mark Rutte". */
export function attributionFromTitle(title: string): Attribution {
  const match = BY_CLAUSE.exec(title.trim());
  if (!match) return {};
  const clause = match[1]!.split(CLAUSE_END)[0]!.trim();
  const words = clause.split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'the') words.shift();
  const { role, name } = splitRoleAndName(words);
  const roleWords = role.filter((word) => !HONORIFIC.test(word));
  const attribution: Attribution = {};
  // A role is only a role if it names an office: "by NATO" names the organisation, not a role.
  if (roleWords.some((word) => ROLE_WORDS.has(word.toLowerCase()))) attribution.role = roleWords.join(' ');
  if (name.length > 0) attribution.speaker = name.join(' ');
  return attribution;
}

/** Release types by the words that name them, most specific first. */
const TYPE_WORDS: [RegExp, ReleaseType][] = [
  [/^press release$/i, 'press-release'],
  [/\bpress briefing\b|\bbriefing\b/i, 'press-briefing'],
  [/\bnews conference\b|\bpress conference\b/i, 'news-conference'],
  [/\bfact sheet\b/i, 'fact-sheet'],
  [/\bexecutive order\b/i, 'executive-order'],
  [/\bproclamation\b/i, 'proclamation'],
  [/\bmemorandum\b/i, 'memorandum'],
  [/\breadout\b/i, 'readout'],
  [/\binterview\b/i, 'interview'],
  [/\btranscript\b/i, 'transcript'],
  [/\btestimony\b/i, 'testimony'],
  [/\bremarks\b/i, 'remarks'],
  [/\bstatement\b/i, 'statement'],
  [/\b(?:speech|address|lecture|keynote)\b/i, 'speech'],
  [/\bmessage\b/i, 'message'],
  [/\bletter\b/i, 'letter'],
  [/\b(?:op-ed|article)\b/i, 'article'],
  [/\bpress release\b|\bnews release\b|\bannouncement\b/i, 'press-release'],
];

/** The type a label names, such as a wire's "Press release" or a corpus's "Press Release". */
export function typeFromLabel(label: string): ReleaseType | undefined {
  return TYPE_WORDS.find(([pattern]) => pattern.test(label.trim()))?.[1];
}

/**
 * The type a title's opening words name: "Remarks by …" is remarks, "Statement by …" a
 * statement, "Readout of …" a readout. Only the start counts, so "Statement on the Remarks of …"
 * stays a statement.
 */
export function typeFromTitle(title: string): ReleaseType | undefined {
  const opening = title.trim().split(/\s+(?:by|of|from|on|at|to|in|for|with)\s+/i)[0] ?? '';
  const stripped = opening.replace(/^(?:press release|news release)\s*[-–—:]\s*/i, '');
  if (stripped !== opening) return typeFromTitle(stripped) ?? 'press-release';
  return TYPE_WORDS.find(([pattern]) => pattern.test(stripped))?.[1];
}
