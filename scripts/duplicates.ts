/**
 * `npm run duplicates -- [--content <dir>] [--threshold 0.9]`: lists releases of an archive that
 * are probably one release twice (same date, nearly the same text: `src/curation/duplicates.ts`),
 * so that an editor can remove one. Changes nothing. Exit status 0 (1 for a folder it cannot read).
 */
import { parseArgs } from 'node:util';
import { DUPLICATE_THRESHOLD, findDuplicates } from '../src/curation/duplicates.ts';
import { readArchive } from '../src/curation/archive.ts';

try {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: process.env.ARCHIVE_CONTENT_DIR || 'content' },
      threshold: { type: 'string', default: String(DUPLICATE_THRESHOLD) },
    },
  });
  const threshold = Number(values.threshold);
  if (!(threshold > 0 && threshold <= 1))
    throw new Error(`--threshold "${values.threshold}": expected a number above 0 and at most 1, e.g. 0.9`);
  const { releases, invalid } = await readArchive(values.content);
  const pairs = findDuplicates(
    releases.map(({ file, data, text }) => ({ file, date: data.date, title: data.title, text })),
    threshold,
  );
  for (const { a, b, similarity } of pairs) {
    process.stdout.write(
      `${a.date}  ${Math.round(similarity * 100)} % alike\n  ${a.file}  "${a.title}"\n  ${b.file}  "${b.title}"\n`,
    );
  }
  const skipped =
    invalid.length > 0
      ? ` (${invalid.length} files that are not valid releases were left out: the build lists their problems)`
      : '';
  process.stdout.write(
    `${pairs.length === 0 ? 'No' : pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'} of nearly identical releases among ${releases.length}${skipped}.\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
