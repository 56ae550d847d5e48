import type { APIContext } from 'astro';
import { FEED_LENGTH } from '../site/feeds.ts';
import { exportPeriods, jsonResponse } from '../site/export.ts';
import { getIdentity } from '../site/identity.ts';
import { absoluteUrl, getReleases } from '../site/releases.ts';
import { releaseSummaryJson } from '../site/export-list.ts';

// The archive's data: how many releases it has, its latest, and a file per period listing them all
// (`releases/<period>.json`), so that publishing a release rewrites one period's file, not a list of
// every release.
export async function GET({ site }: APIContext) {
  const releases = await getReleases();
  return jsonResponse({
    title: (await getIdentity()).name,
    count: releases.length,
    periods: exportPeriods(releases).map(([period, group]) => ({
      period,
      count: group.length,
      url: absoluteUrl(`releases/${period}.json`, site),
    })),
    latest: releases.slice(0, FEED_LENGTH).map((release) => releaseSummaryJson(release.data, site)),
  });
}
