/**
 * A site built from content that tries everything a content folder may still hold: names that
 * are Object.prototype's own (`constructor`, `__proto__`), other scripts and emoji, markup as
 * text, an SVG figure and an SVG logo, percent-encoded redirects. It builds; Chromium opens every
 * page and every SVG at its own address, served with no policy header, and no dialog opens; and
 * nginx, configured with the README's lines, sends the policy as a header.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/site/csp.ts';
import { launchBrowser } from '../support/browser.ts';
import { MEDIA_RELEASE, svg, writeMediaRelease } from '../support/media.ts';
import { readmeSnippet, startApache, startNginx, type RunningServer } from '../support/web-servers.ts';
import { serve } from '../support/serve.ts';
import { buildOrThrow, tempDir, writeReleases, writeFileDeep } from '../support/site.ts';

/** Names that a lookup in a plain object would find on its prototype, and names of other scripts. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', '🇪🇺 Delegation', 'محمود عباس'];

/** Text that is markup, which must stay text. */
const MARKUP = ['<script>alert("text")</script>', '"><img src=x onerror=alert("img")>', '<svg onload=alert("svg")>'];

let out: string;
let browser: Browser;

beforeAll(async () => {
  const content = await tempDir('served-content');
  await writeReleases(
    content,
    NAMES.map((speaker, i) => ({
      data: {
        title: `Remarks by ${speaker}`,
        slug: `remarks-${i + 1}`,
        date: `2026-01-${String(i + 10).padStart(2, '0')}`,
        type: 'remarks',
        speaker,
        venue: NAMES[(i + 1) % NAMES.length]!,
        organisation: NAMES[(i + 2) % NAMES.length]!,
      },
      paragraphs: [`${speaker} spoke.`, ...MARKUP],
    })),
  );
  await writeMediaRelease(content);
  await writeFile(
    join(content, 'names.yaml'),
    'speakers:\n  - { name: constructor, sort: "Builder" }\n  - { name: "__proto__", variants: [proto], sort: "Proto" }\n',
  );
  await writeFile(join(content, 'site.yaml'), 'name: The Archive\nlogo: logo.svg\n');
  await writeFile(join(content, 'logo.svg'), svg(40, 40));
  await writeFile(
    join(content, 'redirects.json'),
    JSON.stringify({
      '/releases/2020/01/01/caf%C3%A9/': MEDIA_RELEASE.permalink,
      '/old/': '/archive/d%C3%A9j%C3%A0/',
    }),
  );
  out = join(await tempDir('served-out'), 'dist');
  await buildOrThrow({ contentDir: content, outDir: out, env: { ARCHIVE_SITE: 'https://example.org' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The built files whose names end in `extension`, as paths on the site. */
async function builtFiles(extension: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(extension))
    .map((entry) => `/${relative(out, join(out, entry)).replace(/index\.html$/, '')}`)
    .sort();
}

/** The dialogs Chromium raises while it opens each address of `site`. */
async function dialogsOpening(site: string, paths: readonly string[]): Promise<string[]> {
  const dialogs: string[] = [];
  const context = await browser.newContext();
  for (const path of paths) {
    // A page each: a redirect page moves on by itself, which would interrupt the next address.
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // The load event comes after every onload and onerror of the document and its elements.
    await page.goto(`${site}${encodeURI(path)}`);
    await page.close();
  }
  await context.close();
  return dialogs;
}

describe('a site built from content of any names and markup', () => {
  it('builds a page and a search filter for names that are Object.prototype’s own, and sorts them by names.yaml', async () => {
    const search = await readFile(join(out, 'search/index.html'), 'utf8');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(search).toContain(`value="${name}"`);
    }
    const speakers = await readFile(join(out, 'speakers/index.html'), 'utf8');
    // "constructor" sorts as "Builder" and "__proto__" as "Proto", both before "hasOwnProperty".
    const order = ['constructor', 'hasOwnProperty', '__proto__', 'toString'].map((name) =>
      speakers.indexOf(`>${name}<`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it(
    'raises no dialog in Chromium on any page or SVG, opened at its own address with no policy header',
    { timeout: 600_000 },
    async () => {
      const pages = await builtFiles('.html');
      const images = await builtFiles('.svg');
      // The logo, the release's figure, and the project's own favicon.
      expect(images.map((path) => path.split('/')[1])).toEqual(['brand', 'favicon.svg', 'images']);
      expect(pages.length).toBeGreaterThan(30);
      const bare = await serve(out, '', { policy: false });
      try {
        expect(await dialogsOpening(bare.url, [...pages, ...images])).toEqual([]);
      } finally {
        await bare.close();
      }
    },
  );

  it('would have raised one for an SVG as it was written, so the check above can fail', async () => {
    const raw = await tempDir('raw-svg');
    await writeFileDeep(
      join(raw, 'chart.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><rect width="9" height="9"/></svg>',
    );
    await writeFileDeep(join(raw, '404.html'), '<p>Not here.</p>');
    const bare = await serve(raw, '', { policy: false });
    try {
      expect(await dialogsOpening(bare.url, ['/chart.svg'])).toEqual([`${bare.url}/chart.svg: 127.0.0.1`]);
    } finally {
      await bare.close();
    }
  });

  it.each([
    ['nginx', (lines: string[]) => startNginx(out, lines)],
    ['Apache', (lines: string[]) => startApache(out, lines)],
  ] as const)(
    'sends the policy as a header from %s with the README’s lines, on pages, images and errors',
    async (server, start) => {
      const lines = await readmeSnippet(server);
      expect(lines).toHaveLength(2);
      const running: RunningServer = await start(lines);
      try {
        const [image] = await builtFiles('.svg');
        for (const [path, status] of [
          ['/', 200],
          [MEDIA_RELEASE.permalink, 200],
          [image!, 200],
          ['/no/such/page/', 404],
        ] as const) {
          const response = await fetch(`${running.url}${path}`);
          expect(response.status, path).toBe(status);
          expect(response.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy(true));
          expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        }
      } finally {
        await running.stop();
      }
    },
  );

  it('writes percent-encoded redirects once: a page at the decoded address, a target encoded once', async () => {
    const old = await readFile(join(out, 'old/index.html'), 'utf8');
    expect(old).toContain('/archive/d%C3%A9j%C3%A0/');
    expect(old).not.toContain('%25');
    const cafe = await readFile(join(out, 'releases/2020/01/01/café/index.html'), 'utf8');
    expect(cafe).toContain(MEDIA_RELEASE.permalink);
  });
});
