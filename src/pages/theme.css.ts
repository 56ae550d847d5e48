/**
 * The archive's accent colour (`site.yaml`) as a stylesheet of its own: the Content Security
 * Policy allows no inline style, and the colour is the archive's, not the code's. In dark mode,
 * the accent lightened until it reads on the dark background.
 */
import { lightened } from '../model/identity.ts';
import { getIdentity } from '../site/identity.ts';

export async function GET(): Promise<Response> {
  const { accent } = await getIdentity();
  const css = `:root{--accent:${accent}}@media (prefers-color-scheme:dark){:root{--accent:${lightened(accent)}}}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
