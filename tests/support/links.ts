/** A link checker over a built site: every internal href, src, srcset and #fragment must resolve. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../src/model/check-content.ts';
import { attribute, findAll, parseHtml } from './html.ts';

/** Where a link leads inside the site: the file it names and the fragment, if any. */
function target(out: string, pagePath: string, link: string, origin: string, base: string) {
  const url = new URL(link, `${origin}${pagePath}`);
  if (url.origin !== origin) return undefined;
  if (!url.pathname.startsWith(base)) return { file: undefined, fragment: '', path: url.pathname };
  const path = decodeURIComponent(url.pathname.slice(base.length));
  const candidates =
    path === '' || path.endsWith('/')
      ? [join(out, path, 'index.html')]
      : [join(out, path), join(out, path, 'index.html')];
  return {
    file: candidates.find((file) => existsSync(file)),
    fragment: decodeURIComponent(url.hash.slice(1)),
    path: url.pathname,
  };
}

/**
 * Checks every internal link of every HTML page under `out` (served at `origin` + `base`).
 * Returns the broken ones as "page → link: why".
 */
export async function brokenLinks(
  out: string,
  origin: string,
  base = '/',
): Promise<{ broken: string[]; checked: number }> {
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set(
        findAll(parseHtml(await readFile(file, 'utf8')), (e) => attribute(e, 'id') !== undefined).map((e) =>
          attribute(e, 'id')!,
        ),
      );
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of (await listFiles(out)).filter((f) => f.endsWith('.html'))) {
    const pagePath = `${base}${file.slice(out.length + 1).replace(/index\.html$/, '')}`;
    const document = parseHtml(await readFile(file, 'utf8'));
    const links = findAll(document, (e) =>
      ['a', 'link', 'script', 'img', 'source', 'iframe', 'form'].includes(e.tagName),
    ).flatMap((e) =>
      ['href', 'src', 'action', 'srcset'].flatMap((name) => {
        const value = attribute(e, name);
        if (value === undefined) return [];
        // A srcset lists candidates, each an address and its width or density.
        return name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
      }),
    );
    for (const link of links) {
      if (/^(?:mailto|tel|javascript|data):/i.test(link)) continue;
      const found = target(out, pagePath, link, origin, base);
      if (!found) continue;
      checked++;
      if (!found.file) {
        broken.push(`${pagePath} → ${link}: no such page`);
      } else if (found.fragment && found.file.endsWith('.html') && !(await idsOf(found.file)).has(found.fragment)) {
        broken.push(`${pagePath} → ${link}: no element with id "${found.fragment}"`);
      }
    }
  }
  return { broken, checked };
}
