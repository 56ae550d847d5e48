/**
 * One archive from several sources: the wire copies of White House releases and the records of
 * them in a JSON Lines collection become one release each, rows that repeat a text are one
 * release, every text still reads as its input, and the duplicate report finds the copies the
 * importer could not merge because their wording differs (`overlaps.tsv`).
 */
import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../src/model/check-content.ts';
import { releasePath } from '../../src/model/permalink.ts';
import { readReleaseSource } from '../../src/model/release-file.ts';
import { releaseSchema, type ReleaseData } from '../../src/model/schema.ts';
import { normaliseText } from '../../src/model/text.ts';
import { releaseParagraphs } from '../support/html.ts';
import { CORPUS_DIR, ROOT } from '../support/site.ts';

interface Row {
  title: string;
  date: string;
  text: string;
  source_url: string;
  duplicate_of?: string;
}

const { content, out, importOutput } = inject('corpusSite');

async function rows(file: string): Promise<Row[]> {
  return (await readFile(join(CORPUS_DIR, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

describe('releases from several sources', () => {
  let releases: ReleaseData[];

  beforeAll(async () => {
    releases = [];
    for (const file of await listFiles(join(content, 'releases'))) {
      releases.push(releaseSchema.parse(readReleaseSource(await readFile(file, 'utf8')).data));
    }
  });

  it('gives each wire copy of a collection record no page of its own: its text is that record’s page', async () => {
    const manifest = (await readFile(join(CORPUS_DIR, 'wire/manifest.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as { file: string; date: string; source_url: string; title: string; tapp_title: string },
      );
    expect(manifest).toHaveLength(40);
    for (const entry of manifest) {
      const onDate = releases.filter((release) => release.date === entry.date && release.source === entry.source_url);
      expect(onDate, entry.file).toHaveLength(1);
      const release = onDate[0]!;
      // The title without the collection's prefix; the import said what it merged.
      expect(release.title, entry.file).toBe(entry.title);
      expect(importOutput).toContain(`← ${join(CORPUS_DIR, 'wire', entry.file)}: the same text as`);
      // The page's text is the wire text too, but for quote and dash styles and spacing.
      // Organisation, header and title lines first; the body runs to the Disclaimer heading.
      const wire = (await readFile(join(CORPUS_DIR, 'wire', entry.file), 'utf8'))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const body = wire.slice(3, wire.indexOf('Disclaimer'));
      const page = releaseParagraphs(await readFile(join(out, releasePath(release), 'index.html'), 'utf8'));
      expect(normaliseText(page.join(' ')), entry.file).toBe(normaliseText(body.join(' ')));
    }
    // No other release shares a wire copy's date and title.
    for (const entry of manifest) {
      expect(
        releases.filter((release) => release.date === entry.date && release.title.endsWith(entry.title)),
      ).toHaveLength(1);
    }
  });

  it('keeps one release of each row marked duplicate_of, and says so in the import', async () => {
    const miller = await rows('miller-center.jsonl');
    const duplicates = miller.filter((row) => row.duplicate_of);
    expect(duplicates).toHaveLength(5);
    for (const row of duplicates) {
      const original = miller.find((other) => other.source_url === row.duplicate_of)!;
      expect(
        releases.filter(
          (release) =>
            release.date === row.date && [row.source_url, original.source_url].includes(release.source ?? ''),
        ),
      ).toHaveLength(1);
      const line = miller.indexOf(row) + 1;
      expect(importOutput).toMatch(
        new RegExp(`^unchanged .* ← ${join(CORPUS_DIR, 'miller-center.jsonl')}:${line}: the same text as `, 'm'),
      );
    }
  });

  it('lists, in the duplicate report, the speeches overlaps.tsv names that both collections hold', async () => {
    const overlaps = (await readFile(join(CORPUS_DIR, 'overlaps.tsv'), 'utf8'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t'));
    const held = new Set(releases.map((release) => release.source));
    const both = overlaps.filter(([, a, , , , b]) => held.has(a) && held.has(b));
    expect(both.length).toBeGreaterThan(0);
    const report = spawnSync(process.execPath, [join(ROOT, 'scripts/duplicates.ts'), '--content', content], {
      encoding: 'utf8',
    });
    expect(report.status).toBe(0);
    for (const [, a, , , , b] of both) {
      const [one, other] = [a, b].map((source) => releases.find((release) => release.source === source)!);
      const pair = new RegExp(
        `${one!.date} .*\\n.*(${one!.slug}|${other!.slug})\\.mdx.*\\n.*(${one!.slug}|${other!.slug})\\.mdx`,
      );
      expect(report.stdout).toMatch(pair);
    }
    expect(report.stdout).toMatch(/^\d+ pairs of nearly identical releases among \d+\.$/m);
  });

  it('has no release file that shares its date and text with another', async () => {
    const seen = new Map<string, string>();
    for (const file of await readdir(join(content, 'releases'), { recursive: true })) {
      if (!file.endsWith('.mdx')) continue;
      const { data, body } = readReleaseSource(await readFile(join(content, 'releases', file), 'utf8'));
      const key = `${(data as ReleaseData).date} ${normaliseText(body)}`;
      expect(seen.get(key), file).toBeUndefined();
      seen.set(key, file);
    }
  });
});
