/**
 * `astro build` hands over to the build command (`src/build/build-command.ts`), so that there is
 * one way to build: the output folder checked, the search index made once Astro's process has
 * ended, the site swapped in whole. The build command runs Astro itself with
 * `ARCHIVE_STAGING_DIR` set, which this integration leaves alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { STAGING_VARIABLE } from '../../build/build-command.ts';
import { PROJECT_ROOT, searchPartWords } from '../../env.ts';

/** Astro's own arguments that the build command sets itself. */
function passedOn(args: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') i++;
    else if (!args[i]!.startsWith('--root=')) kept.push(args[i]!);
  }
  return kept;
}

/** The integration: hands `astro build` over to the build command; checks settings for every command. */
export default function buildCommand(): AstroIntegration {
  return {
    name: 'archive:build-command',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // A bad setting is told before anything is built or served.
        searchPartWords();
        if (command !== 'build' || process.env[STAGING_VARIABLE]) return;
        const args = passedOn(process.argv.slice(process.argv.indexOf('build') + 1));
        const { status } = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts'), ...args], {
          stdio: 'inherit',
        });
        process.exit(status ?? 1);
      },
    },
  };
}
