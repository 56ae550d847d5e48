/**
 * Text as XML 1.0 can carry it. XML forbids most control characters even as references, so a
 * release whose text holds one (a bell, an escape) would make the whole feed unreadable; in a
 * feed they become U+FFFD. The page itself keeps them.
 */
export function xmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
