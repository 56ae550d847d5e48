import type { APIContext } from 'astro';
import { jsonResponse } from '../site/export.ts';
import { releasePath } from '../model/permalink.ts';
import { getIdentity } from '../site/identity.ts';
import { absoluteUrl, getReleases } from '../site/releases.ts';

export async function GET({ site }: APIContext) {
  const releases = await getReleases();
  return jsonResponse({
    title: (await getIdentity()).name,
    count: releases.length,
    releases: releases.map(({ data }) => ({
      ...data,
      permalink: absoluteUrl(releasePath(data), site),
      json: absoluteUrl(releasePath(data).replace(/\/$/, '.json'), site),
    })),
  });
}
