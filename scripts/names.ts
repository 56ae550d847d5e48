/**
 * `npm run names -- [--content <dir>]`: lists names of speakers, organisations and venues that are
 * probably one (`src/curation/name-variants.ts`), with how many releases use each, as lines to
 * paste into the archive's `names.yaml`. Names the file maps already count as one. Changes
 * nothing.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArchive } from '../src/curation/archive.ts';
import { likelyVariants, type NameCount } from '../src/curation/name-variants.ts';
import { formatProblems } from '../src/model/check-content.ts';
import { NAMES_FILE, NAME_LISTS, Names, readNames, type NamedField } from '../src/model/names.ts';

try {
  const { values } = parseArgs({
    options: { content: { type: 'string', default: process.env.ARCHIVE_CONTENT_DIR || 'content' } },
  });
  const { data, problems } = await readNames(values.content);
  if (problems.length > 0) throw new Error(formatProblems(problems));
  const names = new Names(data);
  const { releases } = await readArchive(values.content);
  let found = 0;
  const lines: string[] = [];
  for (const [field, list] of Object.entries(NAME_LISTS) as [NamedField, string][]) {
    const counts = new Map<string, number>();
    for (const { data: release } of releases) {
      const value = release[field];
      if (!value) continue;
      const name = names.canonical(field, value);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const groups = likelyVariants([...counts].map(([name, count]): NameCount => ({ name, count })));
    if (groups.length === 0) continue;
    found += groups.length;
    lines.push(`${list}:`);
    for (const group of groups) {
      const [main, ...others] = group.names;
      lines.push(`  - name: ${JSON.stringify(main!.name)} # ${main!.count} releases`, '    variants:');
      for (const other of others)
        lines.push(`      - ${JSON.stringify(other.name)} # ${other.count}${other.reason ? `: ${other.reason}` : ''}`);
    }
  }
  if (found === 0) process.stdout.write(`No likely variants among the names of ${releases.length} releases.\n`);
  else {
    process.stdout.write(
      `${found} ${found === 1 ? 'group' : 'groups'} of names that are probably one. To show each as one name, add what is right of this to ${join(values.content, NAMES_FILE)}:\n\n${lines.join('\n')}\n`,
    );
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
