/** The archive's logo (`logo:` in `site.yaml`), as `src/site/identity.ts` checked and read it. */
import type { APIContext } from 'astro';
import { getIdentity, type Logo } from '../../site/identity.ts';

export async function getStaticPaths() {
  const { logoImage } = await getIdentity();
  return logoImage ? [{ params: { file: logoImage.path.replace(/^brand\//, '') }, props: { logo: logoImage } }] : [];
}

export function GET({ props }: APIContext<{ logo: Logo }>): Response {
  return new Response(props.logo.bytes, { headers: { 'Content-Type': props.logo.type } });
}
