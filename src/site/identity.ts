/**
 * The archive's identity as pages use it (`src/model/identity.ts`): the `site` collection's one
 * entry, loaded from the content folder's `site.yaml` and checked; a bad file fails the build
 * with every problem, its field named. The logo is checked as a release's images are: a regular
 * file inside the content folder, of the kind its name says, an SVG one the sanitiser would
 * publish unchanged; and published as the brand route reads it again (`src/pages/brand/`).
 */
import { join } from 'node:path';
import { getEntry } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { contentDir, displayPath, mediaLimits } from '../env.ts';
import { formatProblems } from '../model/check-content.ts';
import { readContentFile } from '../model/content-files.ts';
import { IDENTITY_FILE, readIdentity, type Identity } from '../model/identity.ts';
import { mediaFileProblem } from '../model/media-file.ts';
import { checkSvg } from '../model/svg.ts';

/** Loads `contentDir/site.yaml` into the `site` collection, its logo checked. */
export function identityLoader(contentDir: string): Loader {
  const file = join(contentDir, IDENTITY_FILE);
  return {
    name: 'site',
    async load({ store, watcher, logger }) {
      const sync = async () => {
        const { data, problems } = readIdentity(contentDir);
        if (data.logo) {
          const problem = await mediaFileProblem(contentDir, join(contentDir, data.logo), mediaLimits());
          if (problem) {
            problems.push({
              file,
              field: 'logo',
              message: `${data.logo} ${problem === 'does not exist' ? `is not in ${displayPath(contentDir)}: expected the logo file beside site.yaml` : problem}`,
            });
          }
        }
        if (problems.length > 0) throw new Error(formatProblems(problems, displayPath));
        store.set({ id: 'site', data });
      };
      await sync();
      watcher?.add(file);
      watcher?.on('all', (_event, path) => {
        if (path === file) sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}

/** The archive's logo as the site publishes it: its address inside the site, bytes and size. */
export interface Logo {
  /** Its path on the site, e.g. `brand/logo.svg`. */
  path: string;
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

/** The logo `site.yaml` names: an SVG as the sanitiser writes it, a PNG or WebP as it is. */
async function readLogo(name: string): Promise<Logo> {
  const root = contentDir();
  const bytes = Uint8Array.from(readContentFile(root, join(root, name)));
  const path = `brand/${name}`;
  if (/\.svg$/i.test(name)) {
    const checked = checkSvg(bytes);
    if ('problem' in checked) throw new Error(`${IDENTITY_FILE}: logo: ${name} ${checked.problem}`);
    const { svg, width, height } = checked;
    return { path, type: 'image/svg+xml', bytes: Uint8Array.from(Buffer.from(svg)), width, height };
  }
  const { default: sharp } = await import('sharp');
  const { width, height } = await sharp(bytes).metadata();
  return { path, type: /\.png$/i.test(name) ? 'image/png' : 'image/webp', bytes, width, height };
}

let identity: Promise<Identity & { logoImage?: Logo | undefined }> | undefined;

/** The archive's identity, and its logo as the site publishes it. */
export function getIdentity(): Promise<Identity & { logoImage?: Logo | undefined }> {
  identity ??= Promise.resolve(getEntry('site', 'site')).then(async (entry) => {
    if (!entry) throw new Error('the site collection has no entry: build again');
    return { ...entry.data, ...(entry.data.logo ? { logoImage: await readLogo(entry.data.logo) } : {}) };
  });
  return identity;
}
