/**
 * The archive's identity, from its content folder's `site.yaml`: its name, what it holds, who
 * keeps it, a logo, an accent colour and the address it is served from. An archive, not the
 * code, decides what it is called; `ARCHIVE_SITE` and `ARCHIVE_BASE` still override the address.
 *
 * ```yaml
 * name: NATO Speeches
 * description: Speeches and remarks of NATO's Secretaries General.
 * organisation: NATO Public Diplomacy Division
 * logo: logo.svg          # a file beside site.yaml
 * accent: "#004990"
 * site: https://speeches.example.org
 * ```
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readYamlFile, type ContentProblem } from './check-content.ts';
import { describeValue } from './schema.ts';

/** The file of a content folder that holds its identity. */
export const IDENTITY_FILE = 'site.yaml';

function text(what: string) {
  return z
    .string({ error: (issue) => `expected text (${what}), got ${describeValue(issue.input)}` })
    .refine((value) => value.trim() !== '', { error: `must not be empty (${what})` });
}

/** The relative luminance of a `#rrggbb` colour (WCAG 2). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours (WCAG 2), from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The accent mixed towards white until it reads, in dark mode, on the lightest background a link
 * sits on there: a search hit's mark (global.css's dark `--mark`), lighter than the page and its boxes.
 */
export function lightened(hex: string, background = '#4a3b00'): string {
  for (let share = 0; share <= 1; share += 0.05) {
    const mixed = `#${[1, 3, 5]
      .map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) + (255 - parseInt(hex.slice(i, i + 2), 16)) * share))
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;
    if (contrast(mixed, background) >= 4.5) return mixed;
  }
  return '#ffffff';
}

/** What `site.yaml` says, each field with its default. */
export const identitySchema = z.strictObject(
  {
    /** The archive's name: in the header, page titles, feeds and citations' publisher. */
    name: text("the archive's name").default('Press Release Archive'),
    /** One sentence on what the archive holds, for the home page, feeds and search engines. */
    description: text('one sentence on what the archive holds').default(
      'Speeches, remarks, statements and press releases: read them, search them, cite them.',
    ),
    /** Who keeps the archive, shown in the footer. */
    organisation: text('who keeps the archive').optional(),
    /** A logo beside the name: an SVG, PNG or WebP file in the content folder, e.g. `logo.svg`. */
    logo: z
      .string({ error: (issue) => `expected a file name, got ${describeValue(issue.input)}` })
      .regex(/^[\w.-]+\.(?:svg|png|webp)$/, {
        error: 'expected the name of an .svg, .png or .webp file beside site.yaml, e.g. logo.svg',
      })
      .optional(),
    /** The colour of links, buttons and focus, `#rrggbb`; it must read on white (4.5:1). */
    accent: z
      .string({ error: (issue) => `expected a colour written #rrggbb, got ${describeValue(issue.input)}` })
      .regex(/^#[0-9a-fA-F]{6}$/, {
        error: 'expected a colour written #rrggbb, e.g. "#0b4f9c" (in quotes: # starts a comment in YAML)',
      })
      .refine((value) => contrast(value, '#ffffff') >= 4.5, {
        error: (issue) =>
          `${String(issue.input)} is too light to read on white (contrast under 4.5:1): expected a darker colour`,
      })
      .default('#0b4f9c'),
    /** The address the site is served from, e.g. `https://speeches.example.org`; `ARCHIVE_SITE` overrides it. */
    site: z
      .url({ protocol: /^https?$/, error: 'expected an absolute http(s) address such as https://speeches.example.org' })
      .optional(),
    /** The path the site lives under, e.g. `/press`; `ARCHIVE_BASE` overrides it. */
    base: z
      .string({ error: (issue) => `expected a path such as /press, got ${describeValue(issue.input)}` })
      .regex(/^\/(?:[A-Za-z0-9._~-]+\/?)*$/, { error: 'expected a path such as /press' })
      .refine((value) => !value.split('/').some((part) => part === '.' || part === '..'), {
        error: 'expected a path such as /press, without . or .. in it',
      })
      .optional(),
  },
  { error: 'expected a mapping with name, description and, optionally, organisation, logo, accent, site and base' },
);

/** An archive's identity after validation. */
export type Identity = z.output<typeof identitySchema>;

/**
 * Reads a content folder's `site.yaml` (synchronously: Astro's config needs its address): the
 * identity, or every problem with the file, each naming the field. Without a file, the defaults.
 */
export function readIdentity(contentDir: string): { data: Identity; problems: ContentProblem[] } {
  return readYamlFile(join(contentDir, IDENTITY_FILE), identitySchema, identitySchema.parse({}));
}
