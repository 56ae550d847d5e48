/**
 * Reads a wire service's plain-text release, in the layout of the seed:
 *
 *     NATO - North Atlantic Treaty Organisation
 *     01/26/2026 | Press release | Distributed by Public on 01/26/2026 14:06
 *     Remarks by NATO Secretary General Mark Rutte
 *     <paragraphs>
 *     [Disclaimer]
 *     <the distributor's notice: "… published this content on … Distributed via …">
 *
 * with or without blank lines between the header lines, with or without a time stamp, with a
 * byte-order mark, CRLF line ends or trailing spaces, and any document type in the middle field.
 */
import { MONTH_NAMES, isReleaseDate } from '../model/dates.ts';
import { normalizeLineEnds, splitParagraphs } from '../model/text.ts';

/** What a wire text states. */
export interface WireRelease {
  organisation: string;
  /** The release date, `YYYY-MM-DD`, or `YYYY-MM` or `YYYY` where the header gives no more. */
  date: string;
  /** The document type as the middle field names it, e.g. "Press release". */
  documentType: string;
  distributor: {
    name: string;
    /** The distributor's own time stamp, exactly as printed. */
    timestamp?: string;
    notice?: string;
  };
  title: string;
  paragraphs: string[];
}

/** A text that is not a wire release, with the reason. */
export class WireFormatError extends Error {
  override name = 'WireFormatError';
}

const HEADER =
  /^([A-Za-z]*\s*[\d/, ]*\d{4})\s*\|\s*([^|]*?)\s*\|\s*Distributed\s+(?:by|via)\s+(.+?)(?:\s+on\s+(\d{1,2}\/\d{1,2}\/\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?))?\s*$/;

const NOTICE = /published this content on|is solely responsible for the information/i;

/** The distributor's name as its notice spells it ("Distributed via Public Technologies (PUBT), …"). */
function noticeDistributor(notice: string): string | undefined {
  return /Distributed (?:via|by) (.+?)(?:,\s*unedited|\s+on\s+\w+\s+\d|[,.]\s)/.exec(notice)?.[1]?.trim();
}

/**
 * The release date a wire header gives, as much of it as it gives: `01/26/2026` (a day),
 * `09/2015` or `September 2015` (a month), `2015` (a year).
 */
export function wireDate(field: string): string {
  const text = field.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let date: string | undefined;
  let match;
  if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) date = `${match[3]}-${pad(match[1]!)}-${pad(match[2]!)}`;
  else if ((match = /^(\d{1,2})\/(\d{4})$/.exec(text))) date = `${match[2]}-${pad(match[1]!)}`;
  else if ((match = /^([A-Za-z]+)\s+(\d{4})$/.exec(text))) {
    const month = MONTH_NAMES.findIndex((name) => name.toLowerCase() === match![1]!.toLowerCase());
    if (month !== -1) date = `${match[2]}-${pad(String(month + 1))}`;
  } else if (/^\d{4}$/.test(text)) date = text;
  if (!date || !isReleaseDate(date)) {
    throw new WireFormatError(
      `impossible date "${text}" in the header (expected MM/DD/YYYY, or MM/YYYY or YYYY when the wire gives no day)`,
    );
  }
  return date;
}

/** Parses a wire text; throws `WireFormatError` saying what is missing. */
export function parseWire(source: string): WireRelease {
  const lines = normalizeLineEnds(source.replace(/^\uFEFF/, ''))
    .split('\n')
    .map((line) => line.trim());
  const nonBlank = lines.flatMap((line, index) => (line ? [index] : []));
  const [orgLine, headerLine, titleLine] = nonBlank;
  if (orgLine === undefined || headerLine === undefined) {
    throw new WireFormatError(
      'no wire header: expected an organisation line, then a line such as "01/26/2026 | Press release | Distributed by …"',
    );
  }
  const header = HEADER.exec(lines[headerLine]!);
  if (!header) {
    throw new WireFormatError(
      `no wire header: line ${headerLine + 1} should read like "01/26/2026 | Press release | Distributed by …", not "${lines[headerLine]!.slice(0, 80)}"`,
    );
  }
  const [, dateField, documentType, headerDistributor, timestamp] = header;
  const date = wireDate(dateField!);
  if (titleLine === undefined) throw new WireFormatError('no title after the header');

  const rest = lines.slice(titleLine + 1);
  let body = rest;
  let notice: string | undefined;
  const disclaimer = rest.findIndex((line) => /^disclaimer:?$/i.test(line));
  if (disclaimer !== -1) {
    body = rest.slice(0, disclaimer);
    notice = splitParagraphs(rest.slice(disclaimer + 1).join('\n')).join('\n');
  } else {
    const last = rest.findLastIndex((line) => line !== '');
    if (last !== -1 && NOTICE.test(rest[last]!)) {
      body = rest.slice(0, last);
      notice = rest[last];
    }
  }
  const paragraphs = splitParagraphs(body.join('\n'));
  if (paragraphs.length === 0) throw new WireFormatError('no text after the title');

  const distributor: WireRelease['distributor'] = {
    name: (notice && noticeDistributor(notice)) || headerDistributor!.trim(),
  };
  if (timestamp) distributor.timestamp = timestamp;
  if (notice) distributor.notice = notice;
  return {
    organisation: lines[orgLine]!,
    date,
    documentType: documentType!,
    distributor,
    title: lines[titleLine]!,
    paragraphs,
  };
}
