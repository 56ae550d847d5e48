/**
 * How a feed looks when opened in a browser rather than a feed reader: an XSLT stylesheet that
 * turns the RSS into a page saying what a feed is, with the latest releases linked. Feed readers
 * ignore it. It uses only the site's stylesheets, no inline style or script, so the Content
 * Security Policy holds; every value is copied as text (`xsl:value-of`), never as markup.
 */
import { getIdentity } from '../site/identity.ts';
import { href } from '../site/releases.ts';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function GET(): Promise<Response> {
  const { name } = await getIdentity();
  const xsl = `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
        <link rel="stylesheet" href="${escape(href('feed-style.css'))}"/>
        <link rel="stylesheet" href="${escape(href('theme.css'))}"/>
      </head>
      <body>
        <header class="bar"><a href="${escape(href())}">${escape(name)}</a></header>
        <main>
          <p class="kicker">RSS feed</p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p class="about">This is a feed: copy its address into a feed reader to follow new releases. <xsl:value-of select="/rss/channel/description"/></p>
          <p><a><xsl:attribute name="href"><xsl:value-of select="/rss/channel/link"/></xsl:attribute>Read them on the site</a></p>
          <ol class="items">
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a></h2>
                <p class="meta"><xsl:value-of select="dc:date"/> · <xsl:value-of select="dc:creator"/></p>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
  return new Response(xsl, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
