import { cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, listFiles } from '../../src/lib/check-content.ts';
import { runImport } from '../../src/lib/import-run.ts';
import { runImportCommand } from '../support/import.ts';
import { CORPUS_DIR, ROOT, SEED_FILE, tempDir } from '../support/site.ts';

const SEED_RELEASE = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const SEED_ARGS = ['--venue', 'European Parliament', '--type', 'remarks'];

describe('the import command', () => {
  it('produces exactly the seed release that content/ holds, and re-importing it there changes nothing', async () => {
    const dir = await tempDir('import-seed');
    const first = await runImportCommand(['--content', dir, ...SEED_ARGS, SEED_FILE]);
    expect(first.code).toBe(0);
    expect(await readFile(join(dir, SEED_RELEASE), 'utf8')).toBe(await readFile(join(ROOT, 'content', SEED_RELEASE), 'utf8'));

    const copy = await tempDir('content-copy');
    await cp(join(ROOT, 'content'), copy, { recursive: true });
    const again = await runImportCommand(['--content', copy, ...SEED_ARGS, SEED_FILE]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`unchanged ${join(copy, SEED_RELEASE)} ← ${SEED_FILE}`);
    expect(again.stdout).toMatch(/^Imported 0, unchanged 1, conflicts 0, failed 0\.$/m);
  });

  it('reports a changed input as a conflict and leaves the file alone, unless forced', async () => {
    const dir = await tempDir('import-conflict');
    await runImportCommand(['--content', dir, ...SEED_ARGS, SEED_FILE]);
    const before = await readFile(join(dir, SEED_RELEASE), 'utf8');
    const changed = join(dir, 'changed.txt');
    await writeFile(changed, (await readFile(SEED_FILE, 'utf8')).replace('thay division', 'that division'));
    const conflict = await runImportCommand(['--content', dir, ...SEED_ARGS, changed]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain('conflict  ');
    expect(conflict.stdout).toContain('the input differs from the release already in the archive; use --force to overwrite it');
    expect(conflict.stdout).toMatch(/^Imported 0, unchanged 0, conflicts 1, failed 0\.$/m);
    expect(await readFile(join(dir, SEED_RELEASE), 'utf8')).toBe(before);

    const forced = await runImportCommand(['--content', dir, '--force', ...SEED_ARGS, changed]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Imported 0, overwrote 1, unchanged 0, conflicts 0, failed 0\.$/m);
    expect(await readFile(join(dir, SEED_RELEASE), 'utf8')).toBe(before.replace('thay division', 'that division'));
  });

  it('writes nothing on a dry run, and says what it would do', async () => {
    const dir = await tempDir('import-dry');
    const result = await runImportCommand(['--content', dir, '--dry-run', join(CORPUS_DIR, 'wire')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^would import /m);
    expect(result.stdout).toMatch(/^Dry run, nothing written: Would import 40, unchanged 0, conflicts 0, failed 0, skipped 1\.$/m);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports every bad input with its file (and line) and reason, imports the rest, and exits 1', async () => {
    const dir = await tempDir('import-bad');
    const inputs = join(dir, 'inputs');
    await cp(join(CORPUS_DIR, 'wire/001_2016-01-06.txt'), join(inputs, 'good.txt'));
    await writeFile(join(inputs, 'letter.txt'), 'Dear Sir,\n\nThank you.\n');
    await writeFile(join(inputs, 'latin1.txt'), Buffer.from([0x4e, 0x41, 0x54, 0x4f, 0xe9, 0x0a]));
    await symlink(join(dir, 'nowhere.txt'), join(inputs, 'dangling.txt'));
    await writeFile(
      join(inputs, 'speeches.jsonl'),
      [
        JSON.stringify({ title: 'Good', speaker: 'A. Speaker', date: '2016-05-01', venue: '', text: 'Fine.', source_url: '' }),
        '{"title": "Broken", ',
        JSON.stringify({ title: 'No date', speaker: 'A. Speaker', date: '', venue: '', text: 'Text.', source_url: '' }),
        JSON.stringify({ title: 'Bad date', speaker: 'A. Speaker', date: '2016-02-31', venue: '', text: 'Text.', source_url: '' }),
      ].join('\n'),
    );
    const content = join(dir, 'content');
    const result = await runImportCommand(['--content', content, inputs, join(dir, 'missing-folder')]);
    expect(result.code).toBe(1);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('failed'));
    expect(failures).toHaveLength(7);
    for (const expected of [
      `failed    ${join(dir, 'missing-folder')}: no such file or folder`,
      `failed    ${join(inputs, 'dangling.txt')}: cannot be read: ENOENT: no such file or directory`,
      `failed    ${join(inputs, 'latin1.txt')}: is not UTF-8 text`,
      `failed    ${join(inputs, 'letter.txt')}: no wire header: line 3 should read like "01/26/2026 | Press release | Distributed by …", not "Thank you."`,
      `failed    ${join(inputs, 'speeches.jsonl')}:2: not valid JSON: `,
      `failed    ${join(inputs, 'speeches.jsonl')}:3: no date: expected a "date" field written YYYY-MM-DD`,
      `failed    ${join(inputs, 'speeches.jsonl')}:4: impossible date "2016-02-31": expected a real day written YYYY-MM-DD`,
    ]) {
      expect(failures.some((line) => line.startsWith(expected)), expected).toBe(true);
    }
    expect(result.stdout).toMatch(/^Imported 2, unchanged 0, conflicts 0, failed 7\.$/m);
    const { releases, problems } = await checkContent(join(content, 'releases'));
    expect(problems).toEqual([]);
    expect(releases.size).toBe(2);
  });

  it('explains its options, and refuses bad ones with exit status 2', async () => {
    const help = await runImportCommand(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run import -- \[options\] <file\|folder>\.\.\./);
    for (const option of ['--content', '--dry-run', '--force', '--speaker', '--role', '--venue', '--type', '--organisation']) {
      expect(help.stdout).toContain(option);
    }
    const none = await runImportCommand([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Nothing to import: name at least one file or folder\./);
    const badType = await runImportCommand(['--type', 'podcast', SEED_FILE]);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/^--type "podcast" is not a known type: expected one of press-release, speech/);
    const unknown = await runImportCommand(['--colour', 'red', SEED_FILE]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
  });

  it('leaves only whole files when it is killed part way through a large import', async () => {
    const dir = await tempDir('import-kill');
    let killed = false;
    const run = runImportCommand(['--content', dir, join(CORPUS_DIR, 'whitehouse-2016.jsonl')], {
      onStdout: (text) => {
        if (!killed && (text.match(/^imported/gm)?.length ?? 0) >= 200) {
          killed = true;
          run.kill();
        }
      },
    });
    const result = await run;
    expect(killed).toBe(true);
    expect(result.code).toBeNull();
    const written = await listFiles(join(dir, 'releases'));
    expect(written.length).toBeGreaterThanOrEqual(200);
    expect(written.length).toBeLessThan(1723);
    const { releases, problems } = await checkContent(join(dir, 'releases'));
    expect(problems).toEqual([]);
    expect(releases.size).toBe(written.length);
    // Finishing the import afterwards picks up where it stopped.
    const rest = await runImportCommand(['--content', dir, join(CORPUS_DIR, 'whitehouse-2016.jsonl')]);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toMatch(new RegExp(`^Imported ${1723 - written.length}, unchanged ${written.length}, conflicts 0, failed 0\\.$`, 'm'));
  });
});

describe('progress', () => {
  it('draws a bar on a terminal for large batches and prints plain lines otherwise', async () => {
    const dir = await tempDir('import-progress');
    const out: string[] = [];
    const err: string[] = [];
    const terminal = { isTTY: true, columns: 100, write: (text: string) => err.push(text) };
    const lines = { write: (text: string) => out.push(text) };
    await runImport(
      { inputs: [join(CORPUS_DIR, 'whitehouse-2016.jsonl')], contentDir: dir, dryRun: true, force: false, defaults: {} },
      { out: lines as never, err: terminal as never },
    );
    expect(err.join('')).toMatch(/\r\x1b\[2K\[#+\.*\] \d+\/1723 planning/);
    // Output going to a file or pipe still gets a line per release.
    expect(out.filter((line) => line.startsWith('would import'))).toHaveLength(1723);
    const onTerminal: string[] = [];
    await runImport(
      { inputs: [join(CORPUS_DIR, 'whitehouse-2016.jsonl')], contentDir: dir, dryRun: true, force: false, defaults: {} },
      { out: { isTTY: true, write: (text: string) => onTerminal.push(text) } as never, err: terminal as never },
    );
    expect(onTerminal).toEqual(['Dry run, nothing written: Would import 1723, unchanged 0, conflicts 0, failed 0.\n']);
    const plain: string[] = [];
    await runImport(
      { inputs: [join(CORPUS_DIR, 'wire')], contentDir: dir, dryRun: true, force: false, defaults: {} },
      { out: { write: (text: string) => plain.push(text) } as never, err: { write: (text: string) => plain.push(text) } as never },
    );
    expect(plain.join('')).not.toContain('\r');
    expect(plain.filter((line) => line.startsWith('would import'))).toHaveLength(40);
  });
});
