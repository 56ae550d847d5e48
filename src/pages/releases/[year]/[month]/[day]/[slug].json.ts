import type { APIContext } from 'astro';
import { exportRelease, jsonResponse } from '../../../../../lib/export.ts';
import { releasePath } from '../../../../../lib/permalink.ts';
import { absoluteUrl, getReleases, releaseText, type Release } from '../../../../../lib/releases.ts';

export async function getStaticPaths() {
  return (await getReleases()).map((release) => {
    const [year, month, day] = release.data.date.split('-');
    return { params: { year, month, day, slug: release.data.slug }, props: { release } };
  });
}

export function GET({ props: { release }, site }: APIContext<{ release: Release }>) {
  const permalink = absoluteUrl(releasePath(release.data), site);
  return jsonResponse(exportRelease(release.data, permalink, releaseText(release)));
}
