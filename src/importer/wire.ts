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
import { isCalendarDate } from '../model/dates.ts';
import { normalizeLineEnds, splitParagraphs } from '../model/text.ts';

/** What a wire text states. */
export interface WireRelease {
  organisation: string;
  /** The release date, `YYYY-MM-DD`. */
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
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*\|\s*([^|]*?)\s*\|\s*Distributed\s+(?:by|via)\s+(.+?)(?:\s+on\s+(\d{1,2}\/\d{1,2}\/\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?))?\s*$/;

const NOTICE = /published this content on|is solely responsible for the information/i;

/** The distributor's name as its notice spells it ("Distributed via Public Technologies (PUBT), …"). */
function noticeDistributor(notice: string): string | undefined {
  return /Distributed (?:via|by) (.+?)(?:,\s*unedited|\s+on\s+\w+\s+\d|[,.]\s)/.exec(notice)?.[1]?.trim();
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
  const [, month, day, year, documentType, headerDistributor, timestamp] = header;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isCalendarDate(date)) {
    throw new WireFormatError(`impossible date ${month}/${day}/${year} in the header (expected MM/DD/YYYY)`);
  }
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
