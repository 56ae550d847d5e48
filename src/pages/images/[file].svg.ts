import type { APIContext } from 'astro';
import { releaseSvgs, type PublishedSvg } from '../../site/media.ts';

// The SVG images releases show, as the sanitiser wrote them back: images/<name>.<hash>.svg.
export async function getStaticPaths() {
  return (await releaseSvgs()).map((svg) => ({
    params: { file: svg.path.replace(/^images\//, '').replace(/\.svg$/, '') },
    props: { svg },
  }));
}

export function GET({ props }: APIContext<{ svg: PublishedSvg }>) {
  return new Response(props.svg.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
