/** Parsing the feeds and sitemaps a build writes, failing on XML that is not well-formed. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

/** Parsed XML, which the tests walk freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- its shape is the document's
type Parsed = Record<string, any>;

/** Parses XML after checking it is well-formed; throws with the parser's complaint otherwise. */
export function parseXml(text: string): Parsed {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    throw new Error(`not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
  return parser.parse(text) as Parsed;
}

/** The items of an RSS feed, as link and calendar date (`YYYY-MM-DD` in UTC). */
export function feedItems(text: string): { title: string; link: string; date: string; creator: string }[] {
  const rss = parseXml(text)['rss'];
  return (rss.channel.item ?? []).map((item: Record<string, string>) => ({
    title: String(item['title']),
    link: item['link']!,
    // A release known only by its month or year has no pubDate, and says what is known in dc:date.
    date: item['pubDate'] ? new Date(item['pubDate']).toISOString().slice(0, 10) : String(item['dc:date']),
    creator: String(item['dc:creator']),
  }));
}
