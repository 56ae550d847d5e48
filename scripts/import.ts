/**
 * `npm run import -- [options] <file|folder>...`: imports wire-service texts and JSON Lines files
 * of releases into the archive's content folder as MDX, checked by the site's own schema first.
 * Run `npm run import -- --help` for the options.
 */
import { parseArgs } from 'node:util';
import { runImport, terminalSafe, usage, writeProblem, type ImportOptions } from '../src/importer/run.ts';
import { RELEASE_TYPES, type ReleaseType } from '../src/model/schema.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage()}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string', default: process.env.ARCHIVE_CONTENT_DIR || 'content' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      speaker: { type: 'string' },
      role: { type: 'string' },
      venue: { type: 'string' },
      type: { type: 'string' },
      organisation: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail((error as Error).message);
}

const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(usage());
  process.exit(0);
}
if (positionals.length === 0) fail('Nothing to import: name at least one file or folder.');
if (values.type !== undefined && !(values.type in RELEASE_TYPES)) {
  fail(`--type "${values.type}" is not a known type: expected one of ${Object.keys(RELEASE_TYPES).join(', ')}`);
}
for (const name of ['speaker', 'role', 'venue', 'organisation'] as const) {
  if (values[name] !== undefined && values[name].trim() === '') fail(`--${name} must not be empty`);
}

const options: ImportOptions = {
  inputs: positionals,
  contentDir: values.content,
  dryRun: values['dry-run'],
  force: values.force,
  defaults: Object.fromEntries(
    Object.entries({
      speaker: values.speaker,
      role: values.role,
      venue: values.venue,
      type: values.type as ReleaseType | undefined,
      organisation: values.organisation,
    }).filter(([, value]) => value !== undefined),
  ),
};

try {
  const summary = await runImport(options, { out: process.stdout, err: process.stderr });
  process.exitCode = summary.failed > 0 || summary.conflicts > 0 ? 1 : 0;
} catch (error) {
  // Whatever went wrong beyond one release: said in a line, never as a stack trace.
  process.stderr.write(`${terminalSafe(`The import stopped: ${writeProblem(error)}`)}\n`);
  process.exitCode = 1;
}
