/**
 * Ready citations of a release in the Chicago, APA and BibTeX styles. Pure: the page passes the
 * release's data, its absolute permalink, and whether it is issued by an organisation, which is
 * then cited as a corporate author ("U.S. Department of Health and Human Services. 2019. …"),
 * never turned round as if it were a person's name. A date shows what is known: a day, a month
 * or a year.
 */
import { MONTH_NAMES, precisionOf } from '../model/dates.ts';
import { slugify } from '../model/permalink.ts';
import { typeLabel, type ReleaseData } from '../model/schema.ts';

/** The fields a citation uses, and whether the speaker is the issuing organisation. */
export type Citable = Pick<
  ReleaseData,
  'title' | 'date' | 'speaker' | 'role' | 'venue' | 'organisation' | 'type' | 'distributor'
> & { corporate?: boolean | undefined };

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

/** Whether the speaker is cited as a corporate author rather than as a person. */
function isOrganisation(release: Citable): boolean {
  return release.corporate === true || release.speaker === release.organisation || !/\s/.test(release.speaker.trim());
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

/** A date's parts, as far as it is known. */
function dateParts(date: string): {
  year: string;
  month?: string | undefined;
  monthNumber?: number | undefined;
  day?: number | undefined;
} {
  const [year, month, day] = date.split('-');
  const monthNumber = month ? Number(month) : undefined;
  return {
    year: year!,
    month: monthNumber ? MONTH_NAMES[monthNumber - 1] : undefined,
    monthNumber,
    day: precisionOf(date) === 'day' ? Number(day) : undefined,
  };
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * Chicago (notes and bibliography), bibliography form; for a corporate author, author-date
 * form, which puts the year after the organisation's name. With `paragraph`, the citation of
 * that paragraph.
 */
export function chicago(release: Citable, url: string, { paragraph }: { paragraph?: string } = {}): string {
  const { year, month, day } = dateParts(release.date);
  // A paragraph is cited after the date ("…, January 26, 2026, para. 3."), at its own address.
  const para = paragraph ? `para. ${paragraph}` : undefined;
  const when = [month ? (day ? `${month} ${day}, ${year}` : `${month} ${year}`) : year, para]
    .filter(Boolean)
    .join(', ');
  const corporate = isOrganisation(release);
  const parts = corporate
    ? [
        sentence(release.speaker),
        `${year}.`,
        `“${release.title.replace(/[.]$/, '')}.”`,
        sentence([typeLabel(release.type), release.venue, month ? when : para].filter(Boolean).join(', ')),
      ]
    : [
        sentence(chicagoAuthor(release)),
        `“${release.title.replace(/[.]$/, '')}.”`,
        sentence([typeLabel(release.type), release.venue, when].filter(Boolean).join(', ')),
      ];
  if (release.organisation && release.organisation !== release.speaker) parts.push(sentence(release.organisation));
  if (release.distributor) parts.push(sentence(`Distributed by ${release.distributor.name}`));
  parts.push(`${url}${paragraph ? `#p-${paragraph}` : ''}.`);
  return parts.join(' ');
}

/** APA, 7th edition. */
export function apa(release: Citable, url: string): string {
  const { year, month, day } = dateParts(release.date);
  const when = month ? `${year}, ${month}${day ? ` ${day}` : ''}` : year;
  const parts = [
    `${sentence(apaAuthor(release))} (${when}).`,
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
  const { year, monthNumber, day } = dateParts(release.date);
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
    ...(monthNumber
      ? [
          [
            'month',
            ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][monthNumber - 1]!,
          ] as [string, string],
        ]
      : []),
    ...(day ? [['day', `{${day}}`] as [string, string]] : []),
    ['howpublished', `{${bibtexText([typeLabel(release.type), release.venue].filter(Boolean).join(', '))}}`],
  ];
  if (release.organisation) fields.push(['organization', `{${bibtexText(release.organisation)}}`]);
  if (release.distributor) fields.push(['note', `{Distributed by ${bibtexText(release.distributor.name)}}`]);
  fields.push(['url', `{${url}}`]);
  return `@misc{${key || `release${year}`},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}
