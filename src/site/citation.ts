/**
 * Ready citations of a release in the Chicago, APA and BibTeX styles. Pure: the page passes the
 * release's data and its absolute permalink.
 */
import { MONTH_NAMES, parseCalendarDate } from '../model/dates.ts';
import { slugify } from '../model/permalink.ts';
import { typeLabel, type ReleaseData } from '../model/schema.ts';

/** The fields a citation uses. */
export type Citable = Pick<
  ReleaseData,
  'title' | 'date' | 'speaker' | 'role' | 'venue' | 'organisation' | 'type' | 'distributor'
>;

const PARTICLES = new Set([
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
]);

/** Whether the speaker is the issuing organisation rather than a person. */
function isOrganisation(release: Citable): boolean {
  return release.speaker === release.organisation || !/\s/.test(release.speaker.trim());
}

/** "Mark Rutte" → { family: "Rutte", given: "Mark" }; "Ursula von der Leyen" → "von der Leyen". */
export function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  const suffix = /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(words.at(-1) ?? '') && words.length > 2;
  if (suffix) start = Math.max(1, start - 1);
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

function chicagoAuthor(release: Citable): string {
  if (isOrganisation(release)) return release.speaker;
  const { family, given } = splitName(release.speaker);
  return given ? `${family}, ${given}` : family;
}

function apaAuthor(release: Citable): string {
  if (isOrganisation(release)) return release.speaker;
  const { family, given } = splitName(release.speaker);
  const initials = given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ');
  return initials ? `${family}, ${initials}` : family;
}

function longDate(date: string): { year: number; month: string; day: number } {
  const parts = parseCalendarDate(date)!;
  return { year: parts.year, month: MONTH_NAMES[parts.month - 1]!, day: parts.day };
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** Chicago (notes and bibliography), bibliography form. */
export function chicago(release: Citable, url: string): string {
  const { year, month, day } = longDate(release.date);
  const parts = [
    sentence(chicagoAuthor(release)),
    `“${release.title.replace(/[.]$/, '')}.”`,
    sentence([typeLabel(release.type), release.venue, `${month} ${day}, ${year}`].filter(Boolean).join(', ')),
  ];
  if (release.organisation && release.organisation !== release.speaker) parts.push(sentence(release.organisation));
  if (release.distributor) parts.push(sentence(`Distributed by ${release.distributor.name}`));
  parts.push(`${url}.`);
  return parts.join(' ');
}

/** APA, 7th edition. */
export function apa(release: Citable, url: string): string {
  const { year, month, day } = longDate(release.date);
  const parts = [
    `${apaAuthor(release)} (${year}, ${month} ${day}).`,
    `${release.title.replace(/[.]$/, '')} [${typeLabel(release.type)}].`,
  ];
  if (release.venue) parts.push(sentence(release.venue));
  if (release.organisation && release.organisation !== release.speaker) parts.push(sentence(release.organisation));
  if (release.distributor) parts.push(sentence(`Distributed by ${release.distributor.name}`));
  parts.push(url);
  return parts.join(' ');
}

function bibtexText(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`,
  );
}

/** A BibTeX `@misc` entry, keyed by speaker's family name, year and the title's first word. */
export function bibtex(release: Citable, url: string): string {
  const { year, day } = longDate(release.date);
  const monthNumber = parseCalendarDate(release.date)!.month;
  const family = isOrganisation(release) ? release.speaker : splitName(release.speaker).family;
  const key = `${slugify(family).replace(/-/g, '')}${year}${
    slugify(release.title)
      .split('-')
      .find((w) => w.length > 3) ?? ''
  }`;
  const author = isOrganisation(release) ? `{${bibtexText(release.speaker)}}` : bibtexText(chicagoAuthor(release));
  const fields: [string, string][] = [
    ['author', `{${author}}`],
    ['title', `{{${bibtexText(release.title)}}}`],
    ['year', `{${year}}`],
    ['month', ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][monthNumber - 1]!],
    ['day', `{${day}}`],
    ['howpublished', `{${bibtexText([typeLabel(release.type), release.venue].filter(Boolean).join(', '))}}`],
  ];
  if (release.organisation) fields.push(['organization', `{${bibtexText(release.organisation)}}`]);
  if (release.distributor) fields.push(['note', `{Distributed by ${bibtexText(release.distributor.name)}}`]);
  fields.push(['url', `{${url}}`]);
  return `@misc{${key || `release${year}`},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}
