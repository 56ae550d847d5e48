import type { APIContext } from 'astro';
import { exportRelease, jsonResponse } from '../../site/export.ts';
import { releaseCard } from '../../site/media.ts';
import { releasePath } from '../../model/permalink.ts';
import { changedPaths } from '../../site/page-keys.ts';
import { absoluteUrl, getReleases, releaseRoute, releaseText, type Release } from '../../site/releases.ts';

export async function getStaticPaths() {
  const paths = (await getReleases()).map((release) => ({
    params: { release: releaseRoute(release) },
    props: { release },
  }));
  return changedPaths(paths, ({ params }) => `releases/${params.release}.json`);
}

export async function GET({ props: { release }, site }: APIContext<{ release: Release }>) {
  const permalink = absoluteUrl(releasePath(release.data), site);
  return jsonResponse(exportRelease(release.data, permalink, releaseText(release), await releaseCard(release, site)));
}
