/**
 * An archive's logo (`logo:` in `site.yaml`), in PNG and in SVG: it builds, stands in the header
 * at the height of the name's line in its own proportions, on a phone and a desktop, light and
 * dark (screenshots saved to test-artifacts/screenshots/ for review); the PNG is published as it
 * is, the SVG as the sanitiser writes it. A logo that is a link, or an SVG with a script, stops the
 * build, naming site.yaml.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { serve } from '../support/serve.ts';
import { ROOT, buildOrThrow, buildSite, tempDir } from '../support/site.ts';

/** An emblem of 3:1: a blue band with a white rule and three bars, as an archive's logo might be. */
const LOGO_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">',
  '<rect width="120" height="40" rx="6" fill="#0b4f9c"/>',
  '<rect x="8" y="8" width="6" height="24" fill="#ffffff"/>',
  '<rect x="20" y="14" width="6" height="18" fill="#ffffff"/>',
  '<rect x="32" y="20" width="6" height="12" fill="#ffffff"/>',
  '<rect x="48" y="18" width="62" height="4" rx="2" fill="#f2c94c"/>',
  '</svg>',
].join('');

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A copy of the project's content folder with `site.yaml` naming `logo`, written with `bytes`. */
async function contentWithLogo(logo: string, bytes: string | Buffer): Promise<string> {
  const content = join(await tempDir('logo-content'), 'content');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  await writeFile(join(content, 'site.yaml'), `name: Press Release Archive\nlogo: ${logo}\n`);
  await writeFile(join(content, logo), bytes);
  return content;
}

describe.each([
  ['png', async () => sharp(Buffer.from(LOGO_SVG)).resize(240, 80).png().toBuffer()],
  ['svg', async () => Buffer.from(LOGO_SVG)],
] as const)('a %s logo', (kind, make) => {
  let out: string;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await make();
    const content = await contentWithLogo(`logo.${kind}`, bytes);
    out = join(await tempDir('logo-out'), 'dist');
    await buildOrThrow({ contentDir: content, outDir: out, env: { ARCHIVE_SITE: 'https://example.org' } });
  });

  it('is published under brand/, the PNG as it is, the SVG as the sanitiser writes it', async () => {
    const published = await readFile(join(out, `brand/logo.${kind}`));
    // The drawing holds nothing the sanitiser takes out, so its text comes back unchanged.
    expect(published.toString(kind === 'svg' ? 'utf8' : 'base64')).toBe(
      kind === 'svg' ? LOGO_SVG : bytes.toString('base64'),
    );
  });

  it('stands in the header in its proportions, on a phone and a desktop, light and dark', async () => {
    const folder = join(ROOT, 'test-artifacts/screenshots');
    await mkdir(folder, { recursive: true });
    const site = await serve(out);
    try {
      for (const [device, options] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ ...options, colorScheme });
          const page = await context.newPage();
          await page.goto(`${site.url}/`);
          const logo = page.locator('.site-header img');
          await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
          const shown = await logo.evaluate((img: HTMLImageElement) => ({
            src: img.getAttribute('src'),
            natural: img.naturalWidth,
            width: img.getBoundingClientRect().width,
            height: img.getBoundingClientRect().height,
          }));
          expect(shown.src).toBe(`/brand/logo.${kind}`);
          expect(shown.natural).toBeGreaterThan(0);
          // 28 pixels tall on a desktop; on a phone at most 3.5rem wide, giving way to the name.
          expect(shown.width).toBe(device === 'desktop' ? 84 : 56);
          expect(shown.height).toBeCloseTo(shown.width / 3, 1);
          await page.screenshot({
            path: join(folder, `logo-${kind}-${device}-${colorScheme}.png`),
            clip: { x: 0, y: 0, width: options.viewport.width, height: 120 },
          });
          await context.close();
        }
      }
    } finally {
      await site.close();
    }
  });
});

describe('a logo that is not what it says', () => {
  it.each([
    ['a symbolic link', 'logo.png', 'is a symbolic link: the build reads only regular files inside the content folder'],
    ['an SVG with a script', 'logo.svg', 'holds what a published image cannot: <script>'],
    ['a JPEG named .png', 'logo.png', 'is a JPEG image, not the PNG its name says'],
  ])('stops the build when it is %s, naming site.yaml and the field', async (what, logo, message) => {
    const content = await contentWithLogo(logo, '');
    const file = join(content, logo);
    if (what === 'a symbolic link') {
      await rm(file);
      await symlink('/etc/passwd', file);
    } else if (what === 'an SVG with a script') {
      await writeFile(file, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    } else {
      await writeFile(file, await sharp(Buffer.from(LOGO_SVG)).jpeg().toBuffer());
    }
    const out = join(await tempDir('bad-logo-out'), 'dist');
    const { code, output } = await buildSite({ contentDir: content, outDir: out });
    expect(code).not.toBe(0);
    expect(output).toContain(`${content}/site.yaml: logo: ${logo} ${message}`);
    expect(output).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]);
  });
});
