/** The archive's logo (`logo:` in `site.yaml`), copied from the content folder into the site. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { APIContext } from 'astro';
import { getIdentity } from '../../site/identity.ts';

export async function getStaticPaths() {
  const { logoFile } = await getIdentity();
  return logoFile ? [{ params: { file: basename(logoFile) }, props: { path: logoFile } }] : [];
}

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', webp: 'image/webp' };

export async function GET({ props }: APIContext<{ path: string }>): Promise<Response> {
  const type = TYPES[props.path.split('.').at(-1)!]!;
  return new Response(await readFile(props.path), { headers: { 'Content-Type': type } });
}
