import type { APIContext } from 'astro';
import { SITE_TITLE } from '../consts.ts';
import { jsonResponse } from '../lib/export.ts';
import { releasePath } from '../lib/permalink.ts';
import { absoluteUrl, getReleases } from '../lib/releases.ts';

export async function GET({ site }: APIContext) {
  const releases = await getReleases();
  return jsonResponse({
    title: SITE_TITLE,
    count: releases.length,
    releases: releases.map(({ data }) => ({
      ...data,
      permalink: absoluteUrl(releasePath(data), site),
      json: absoluteUrl(releasePath(data).replace(/\/$/, '.json'), site),
    })),
  });
}
