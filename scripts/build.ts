/**
 * `npm run build [-- --full] [--allow-empty] [astro build options]`: builds the site into the
 * output folder (`ARCHIVE_OUT_DIR`, default `dist/`), search index included, remaking only what
 * changed since the previous build unless `--full`, and puts it in place only when the whole build
 * has succeeded (`src/build/build-command.ts`). `astro build` hands over to it.
 */
import { basePath, contentDir, outDir, searchPartWords, siteUrl } from '../src/env.ts';
import { buildArchive } from '../src/build/build-command.ts';

const args = process.argv.slice(2);
const allowEmpty = args.includes('--allow-empty') || process.env.ARCHIVE_ALLOW_EMPTY === '1';
const full = args.includes('--full');

// A bad setting is told before anything is built.
try {
  searchPartWords();
  siteUrl();
  basePath();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const code = await buildArchive(
  {
    content: contentDir(),
    out: outDir(),
    allowEmpty,
    full,
    astroArgs: args.filter((arg) => arg !== '--allow-empty' && arg !== '--full'),
    env: process.env,
  },
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
process.exit(code);
