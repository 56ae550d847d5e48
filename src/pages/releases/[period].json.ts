import type { APIContext } from 'astro';
import { exportPeriods, jsonResponse } from '../../site/export.ts';
import { releaseSummaryJson } from '../../site/export-list.ts';
import { changedPaths } from '../../site/page-keys.ts';
import { getReleases, type Release } from '../../site/releases.ts';

// Every release of one period (a year, or a month of a year of many), newest first.
export async function getStaticPaths() {
  const paths = exportPeriods(await getReleases()).map(([period, releases]) => ({
    params: { period },
    props: { period, releases },
  }));
  return changedPaths(paths, ({ params }) => `releases/${params.period}.json`);
}

export function GET({ props, site }: APIContext<{ period: string; releases: Release[] }>) {
  return jsonResponse({
    period: props.period,
    count: props.releases.length,
    releases: props.releases.map((release) => releaseSummaryJson(release.data, site)),
  });
}
