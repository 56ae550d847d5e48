/** Parsing the feeds and sitemaps a build writes, failing on XML that is not well-formed. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

/** Parses XML after checking it is well-formed; throws with the parser's complaint otherwise. */
export function parseXml(text: string): Record<string, any> {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    throw new Error(`not well-formed XML: ${(error as Error).message}`);
  }
  return parser.parse(text) as Record<string, any>;
}

/** The items of an RSS feed, as link and calendar date (`YYYY-MM-DD` in UTC). */
export function feedItems(text: string): { title: string; link: string; date: string; creator: string }[] {
  const rss = parseXml(text)['rss'];
  return (rss.channel.item ?? []).map((item: Record<string, string>) => ({
    title: String(item['title']),
    link: item['link']!,
    date: new Date(item['pubDate']!).toISOString().slice(0, 10),
    creator: String(item['dc:creator']),
  }));
}
