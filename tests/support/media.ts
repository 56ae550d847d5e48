/**
 * Small real files for releases with media, made by the tests: PNG images, an SVG, a PDF, and a
 * release that uses every component and an image.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG of `width` × `height` pixels: a sky fading to a horizon, and a band of ground, in two
 * colours of `hue` (0–360), so that it reads as a picture and its resized copies can be told apart
 * from blank ones.
 */
export function png(width: number, height: number, hue = 210): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlacing
  const rows: Buffer[] = [];
  // HSL at 60 % saturation to RGB.
  const colour = (h: number, light: number) => {
    const a = 0.6 * Math.min(light, 1 - light);
    const f = (n: number) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const ground = y > height * 0.7;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = ground
        ? colour((hue + 120) % 360, 0.3 + 0.1 * Math.sin(x / 9))
        : colour(hue, 0.45 + (0.35 * y) / height);
      row.set([r!, g!, b!], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small SVG chart of `width` × `height`. */
export function svg(width = 320, height = 160): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#f6f5f1"/>`,
    `<rect x="20" y="60" width="60" height="${height - 80}" fill="#0b4f9c"/>`,
    `<rect x="120" y="30" width="60" height="${height - 50}" fill="#c4400c"/>`,
    `<rect x="220" y="90" width="60" height="${height - 110}" fill="#55555f"/>`,
    '</svg>',
  ].join('');
}

/** A one-page PDF that says `text`: a real document, some 600 bytes. */
export function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The release with media, as a test archive holds it: its permalink (no base) and file. */
export const MEDIA_RELEASE = {
  permalink: '/releases/2026/02/04/ministers-agree-on-air-defence/',
  file: 'releases/2026/02/2026-02-04-ministers-agree-on-air-defence.mdx',
  folder: 'releases/2026/02/2026-02-04-ministers-agree-on-air-defence',
};

/** The text of the release with media: every component, a Markdown image, and updates. */
export const MEDIA_RELEASE_SOURCE = `---
title: "Defence ministers agree on air defence"
slug: "ministers-agree-on-air-defence"
date: 2026-02-04
type: "press-release"
speaker: "NATO - North Atlantic Treaty Organisation"
organisation: "NATO - North Atlantic Treaty Organisation"
venue: "NATO Headquarters"
updates:
  - date: 2026-02-05
    note: "Added the photograph of the meeting."
  - date: 2026-02-06
    note: "Corrected the figure for Poland."
---

<Figure
  src="./ministers.png"
  alt="Defence ministers seated around the round table of the North Atlantic Council"
  caption="The ministers at the table before the session on air defence."
  credit="Photo: NATO"
/>

Defence ministers met at NATO Headquarters on Wednesday and agreed to pool their orders for air defence systems.

<Note kind="correction" date="2026-02-06">
  An earlier version gave the figure for Poland as 4 batteries; it is 6.
</Note>

Poland will receive 6 batteries in the first round, the Baltic states 3 each.

<Quote cite="Mark Rutte, NATO Secretary General">
  Every ally is safer when we buy together.
</Quote>

![A bar chart of the batteries ordered by each ally](./2026-02-04-ministers-agree-on-air-defence/orders.svg "Orders by ally, first round.")

<Attachment href="./original.pdf" title="The press release as distributed" />

<Video href="https://www.youtube.com/watch?v=nato-air-defence" title="The press conference after the meeting" poster="./2026-02-04-ministers-agree-on-air-defence/still.png" />

The next meeting is in June.
`;

/** Writes the release with media and its files into a content folder. */
export async function writeMediaRelease(contentDir: string): Promise<void> {
  const at = (path: string) => join(contentDir, path);
  await mkdir(at(MEDIA_RELEASE.folder), { recursive: true });
  await writeFile(at(MEDIA_RELEASE.file), MEDIA_RELEASE_SOURCE);
  await writeFile(join(dirname(at(MEDIA_RELEASE.file)), 'ministers.png'), png(1600, 900));
  await writeFile(join(dirname(at(MEDIA_RELEASE.file)), 'original.pdf'), pdf('Defence ministers agree on air defence'));
  await writeFile(at(`${MEDIA_RELEASE.folder}/orders.svg`), svg());
  await writeFile(at(`${MEDIA_RELEASE.folder}/still.png`), png(960, 540, 20));
}
