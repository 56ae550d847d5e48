/**
 * Release files: MDX with YAML frontmatter. Reading them with dates kept as written, and writing
 * them so that plain text survives the MDX pipeline character for character.
 */
import yaml from 'js-yaml';
import type { ReleaseInput } from './schema.ts';

/**
 * The largest release file the archive takes, in bytes of MDX: releases up to this size build
 * within a few gigabytes of memory (tests/build/large-release.test.ts builds one of 50 MB).
 */
export const MAX_RELEASE_BYTES = 64 * 2 ** 20;

/**
 * The longest paragraph the archive takes, in characters of MDX. Parsing a paragraph with GFM
 * takes time that grows with the square of its length beyond about a million characters (figures
 * in bench/README.md), so a longer one is refused rather than left to stall the build.
 */
export const MAX_PARAGRAPH_CHARACTERS = 2_000_000;

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/**
 * YAML as the archive reads it: the core schema (dates and numbers stay as written), and no
 * anchors or aliases (`&name`, `*name`). An alias repeats a whole part of the file wherever it
 * is named, so a small file could stand for a huge one: 65 KB of them once took half a minute
 * and 2.4 GB to check. Refused at the first anchor, before anything is repeated.
 */
export function loadYaml(text: string): unknown {
  return yaml.load(text, {
    schema: yaml.CORE_SCHEMA,
    listener(event, state) {
      // js-yaml's state names the anchor of the node just read; its types leave it out.
      const { anchor, line } = state as unknown as { anchor?: string | null; line: number };
      if (event === 'close' && anchor) {
        throw new Error(
          `line ${line + 1}: holds the anchor &${anchor}: anchors and aliases (&name, *name) are not read; write each value out`,
        );
      }
    },
  });
}

/** The frontmatter and body of a release file. */
export interface ReleaseSource {
  data: unknown;
  body: string;
}

/**
 * Splits a release file into its frontmatter and body. The YAML is read with the core schema, so
 * `date: 2026-02-30` stays the text that was written (and fails validation) instead of becoming a
 * `Date` that silently rolls over into March. Throws with the YAML error when the frontmatter does
 * not parse, and when there is no frontmatter at all.
 */
export function readReleaseSource(source: string): ReleaseSource {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    throw new Error('has no frontmatter: expected the file to start with a line of three dashes (---)');
  }
  let data: unknown;
  try {
    data = loadYaml(match[1] ?? '') ?? {};
  } catch (error) {
    throw new Error(`frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  return { data, body: source.slice(match[0].length) };
}

const FIELD_ORDER = [
  'title',
  'slug',
  'date',
  'type',
  'speaker',
  'role',
  'organisation',
  'venue',
  'language',
  'source',
  'licence',
  'note',
  'distributor',
  'updates',
] as const;

const DISTRIBUTOR_ORDER = ['name', 'timestamp', 'notice'] as const;

function line(key: string, value: string, indent = ''): string {
  // JSON strings are YAML double-quoted scalars: every character comes back as written.
  return `${indent}${key}: ${JSON.stringify(value)}\n`;
}

/** Writes a release's frontmatter in the archive's fixed field order, every value quoted. */
export function serializeFrontmatter(data: ReleaseInput): string {
  let out = '---\n';
  for (const key of FIELD_ORDER) {
    const value = data[key];
    if (value === undefined) continue;
    if (key === 'language' && value === 'en') continue;
    if (key === 'date') {
      // A year alone would read back as a number: it is quoted.
      out += /^\d{4}$/.test(String(value)) ? line(key, String(value)) : `date: ${String(value)}\n`;
    } else if (typeof value === 'string') {
      out += line(key, value);
    } else if (Array.isArray(value)) {
      out += `${key}:\n`;
      for (const update of value) out += `  - date: ${update.date}\n${line('note', update.note, '    ')}`;
    } else {
      out += `${key}:\n`;
      for (const field of DISTRIBUTOR_ORDER) {
        const fieldValue = value[field];
        if (fieldValue !== undefined) out += line(field, fieldValue, '  ');
      }
    }
  }
  return `${out}---\n`;
}

/**
 * Escapes one paragraph of plain text so that MDX shows it as written: no Markdown, HTML, JSX,
 * expression or ESM syntax can start from it. Backslash escapes cover ASCII punctuation anywhere;
 * block syntax that only counts at the start of a line is neutralised there. GFM's bare links
 * (`https://…`, `www.…`, `name@host`) are broken up too: a bare link swallows the backslashes of
 * escapes inside it, so "…gov]" would show as "…gov\]".
 */
export function escapeMdxText(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_{}[\]<>#|~&@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^import\b/, '&#x69;mport')
    .replace(/^export\b/, '&#x65;xport');
}

/** Writes a whole release file: frontmatter, then each paragraph escaped, a blank line apart. */
export function serializeRelease(data: ReleaseInput, paragraphs: readonly string[]): string {
  const body = paragraphs.map(escapeMdxText).join('\n\n');
  return `${serializeFrontmatter(data)}\n${body}\n`;
}

/**
 * A body as plain text again, near enough to compare with other copies: the escapes
 * `escapeMdxText` adds are undone (Markdown a person wrote by hand stays as written).
 */
export function plainBody(body: string): string {
  return body
    .replace(/&#x69;mport/g, 'import')
    .replace(/&#x65;xport/g, 'export')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
