import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, listFiles } from '../../../src/model/check-content.ts';
import { runImport } from '../../../src/importer/run.ts';
import { temporaryPath } from '../../../src/model/write-file.ts';
import { mountTmpfs } from '../../support/files.ts';
import { runImportCommand } from '../../support/import.ts';
import { CORPUS_DIR, ROOT, SEED_FILE, tempDir } from '../../support/site.ts';

const SEED_RELEASE = 'releases/2026/01/2026-01-26-remarks-by-nato-secretary-general-mark-rutte.mdx';
const SEED_ARGS = ['--venue', 'European Parliament', '--type', 'remarks'];

describe('the import command', () => {
  it('produces exactly the seed release that content/ holds, and re-importing it there changes nothing', async () => {
    const dir = await tempDir('import-seed');
    const first = await runImportCommand(['--content', dir, ...SEED_ARGS, SEED_FILE]);
    expect(first.code).toBe(0);
    expect(await readFile(join(dir, SEED_RELEASE), 'utf8')).toBe(
      await readFile(join(ROOT, 'content', SEED_RELEASE), 'utf8'),
    );

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
    expect(conflict.stdout).toContain(
      'the input differs from the release already in the archive; use --force to overwrite it',
    );
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
    expect(result.stdout).toMatch(
      /^Dry run, nothing written: Would import 40, unchanged 0, conflicts 0, failed 0, skipped 1\.$/m,
    );
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
        JSON.stringify({
          title: 'Good',
          speaker: 'A. Speaker',
          date: '2016-05-01',
          venue: '',
          text: 'Fine.',
          source_url: '',
        }),
        '{"title": "Broken", ',
        JSON.stringify({ title: 'No date', speaker: 'A. Speaker', date: '', venue: '', text: 'Text.', source_url: '' }),
        JSON.stringify({
          title: 'Bad date',
          speaker: 'A. Speaker',
          date: '2016-02-31',
          venue: '',
          text: 'Text.',
          source_url: '',
        }),
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
      `failed    ${join(inputs, 'speeches.jsonl')}:3: no date: expected a "date" field written YYYY-MM-DD (or YYYY-MM, or YYYY)`,
      `failed    ${join(inputs, 'speeches.jsonl')}:4: impossible date "2016-02-31": expected a real day written YYYY-MM-DD`,
    ]) {
      expect(
        failures.some((line) => line.startsWith(expected)),
        expected,
      ).toBe(true);
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
    for (const option of [
      '--content',
      '--dry-run',
      '--force',
      '--speaker',
      '--role',
      '--venue',
      '--type',
      '--organisation',
    ]) {
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

  it('leaves only whole files when it is killed part way through a large import', { timeout: 120_000 }, async () => {
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
    expect(rest.stdout).toMatch(
      new RegExp(`^Imported ${1723 - written.length}, unchanged ${written.length}, conflicts 0, failed 0\\.$`, 'm'),
    );
  });
});

describe('a destination that cannot be written', () => {
  it('says once that a --content naming a file, or a read-only folder, cannot be written, and stops', async () => {
    const dir = await tempDir('import-unwritable');
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'Notes.\n');
    const onFile = await runImportCommand(['--content', file, SEED_FILE]);
    expect(onFile.code).toBe(1);
    expect(onFile.stdout).toBe(
      `Nothing imported: ${file} is a file: expected a content folder (one that holds releases/, or none yet).\n`,
    );
    expect(onFile.stderr).toBe('');
    expect(await readFile(file, 'utf8')).toBe('Notes.\n');

    const readOnly = await mountTmpfs('1m', { readOnly: true });
    const onReadOnly = await runImportCommand(['--content', readOnly, join(CORPUS_DIR, 'wire')]);
    expect(onReadOnly.code).toBe(1);
    expect(onReadOnly.stdout).toBe(
      `Nothing imported: cannot write into ${readOnly}: the file system is read-only (EROFS).\n`,
    );
    expect(onReadOnly.stderr).toBe('');
  });

  it('gives one line per release a full disk refuses, the closing counts and exit 1, with no stack trace', async () => {
    const full = await mountTmpfs('96k');
    const result = await runImportCommand(['--content', full, join(CORPUS_DIR, 'wire')]);
    expect(result.code).toBe(1);
    const failed = result.stdout.split('\n').filter((line) => line.startsWith('failed'));
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed)
      expect(line).toMatch(/^failed {4}\S+\.mdx ← \S+\.txt: cannot write: the disk is full \(ENOSPC\)$/);
    const imported = result.stdout.split('\n').filter((line) => line.startsWith('imported'));
    expect(imported.length + failed.length).toBe(40);
    expect(result.stdout).toContain(
      `Imported ${imported.length}, unchanged 0, conflicts 0, failed ${failed.length}, skipped 1.`,
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
    // What was written is whole; no temporary file is left.
    const { releases, problems } = await checkContent(join(full, 'releases'));
    expect(problems).toEqual([]);
    expect(releases.size).toBe(imported.length);
    expect((await readdir(full, { recursive: true })).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temporary file an import that was killed mid-write left behind', async () => {
    const dir = await tempDir('import-leftover');
    const folder = join(dir, 'releases/2016/01');
    await mkdir(folder, { recursive: true });
    const ended = spawn('true');
    await new Promise((resolve) => ended.on('close', resolve));
    const leftover = temporaryPath(join(folder, '2016-01-06-a.mdx'), ended.pid!);
    await writeFile(leftover, '---\ntitle: "Half a rel');
    const result = await runImportCommand(['--content', dir, SEED_FILE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`removed   ${leftover}: a temporary file left by an import that was stopped`);
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('bad input in JSON Lines and in text', () => {
  it('reports fields of the wrong type with their line and field, never changing or dropping them', async () => {
    const dir = await tempDir('import-types');
    const record = { title: 'Title', speaker: 'A. Speaker', date: '2020-05-01', text: 'Text.' };
    const lines = [
      { ...record, title: 12345 },
      { ...record, venue: {} },
      { ...record, date: 20200501 },
      { ...record, speaker: 42 },
      { ...record, source_url: ['https://example.org'] },
    ].map((line) => JSON.stringify(line));
    await writeFile(join(dir, 'records.jsonl'), `${lines.join('\n')}\n`);
    const result = await runImportCommand(['--content', join(dir, 'content'), join(dir, 'records.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('failed'))).toEqual([
      `failed    ${join(dir, 'records.jsonl')}:1: title: expected text, got the number 12345`,
      `failed    ${join(dir, 'records.jsonl')}:2: venue: expected text, got a mapping`,
      `failed    ${join(dir, 'records.jsonl')}:3: date: expected a date written YYYY-MM-DD, in quotes, got the number 20200501`,
      `failed    ${join(dir, 'records.jsonl')}:4: speaker: expected text, got the number 42`,
      `failed    ${join(dir, 'records.jsonl')}:5: source_url: expected text, got a list`,
    ]);
    expect(result.stdout).toContain('Imported 0, unchanged 0, conflicts 0, failed 5.');
  });

  it('shows terminal control sequences in its messages as escapes, never raw', async () => {
    const dir = await tempDir('import-escapes');
    const hostile = '\u001b]0;owned\u0007\u001b[31mRed\u009b2J words';
    await writeFile(
      join(dir, 'records.jsonl'),
      `${JSON.stringify({ speaker: 'A. Speaker', date: '2020-05-01', text: hostile })}\n`,
    );
    const result = await runImportCommand(['--content', join(dir, 'content'), join(dir, 'records.jsonl')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'no title: titled from its first words, "\\x1b]0;owned\\x07\\x1b[31mRed\\x9b2J words"',
    );
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('progress', () => {
  it('draws a bar on a terminal for large batches and prints plain lines otherwise', { timeout: 60_000 }, async () => {
    const dir = await tempDir('import-progress');
    const out: string[] = [];
    const err: string[] = [];
    const terminal = { isTTY: true, columns: 100, write: (text: string) => err.push(text) };
    const lines = { write: (text: string) => out.push(text) };
    await runImport(
      {
        inputs: [join(CORPUS_DIR, 'whitehouse-2016.jsonl')],
        contentDir: dir,
        dryRun: true,
        force: false,
        defaults: {},
      },
      { out: lines as never, err: terminal as never },
    );
    // eslint-disable-next-line no-control-regex -- the bar's own escape codes
    expect(err.join('')).toMatch(/\r\x1b\[2K\[#+\.*\] \d+\/1723 planning/);
    // Output going to a file or pipe still gets a line per release.
    expect(out.filter((line) => line.startsWith('would import'))).toHaveLength(1723);
    const onTerminal: string[] = [];
    await runImport(
      {
        inputs: [join(CORPUS_DIR, 'whitehouse-2016.jsonl')],
        contentDir: dir,
        dryRun: true,
        force: false,
        defaults: {},
      },
      { out: { isTTY: true, write: (text: string) => onTerminal.push(text) } as never, err: terminal as never },
    );
    // The fields the archive leaves out are told even on a terminal, once for the file.
    expect(onTerminal).toEqual([
      `note      ${join(CORPUS_DIR, 'whitehouse-2016.jsonl')}: fields the archive does not read, left out: mixed_authorship (225 lines), pd_basis (1723 lines)\n`,
      'Dry run, nothing written: Would import 1723, unchanged 0, conflicts 0, failed 0.\n',
    ]);
    const plain: string[] = [];
    await runImport(
      { inputs: [join(CORPUS_DIR, 'wire')], contentDir: dir, dryRun: true, force: false, defaults: {} },
      {
        out: { write: (text: string) => plain.push(text) } as never,
        err: { write: (text: string) => plain.push(text) } as never,
      },
    );
    expect(plain.join('')).not.toContain('\r');
    expect(plain.filter((line) => line.startsWith('would import'))).toHaveLength(40);
  });
});
