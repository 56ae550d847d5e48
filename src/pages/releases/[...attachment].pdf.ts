import type { APIContext } from 'astro';
import { attachmentResponse, mediaFile, releaseAttachments, releaseFolder } from '../../site/media.ts';
import { changedPaths } from '../../site/page-keys.ts';
import { getReleases, type Release } from '../../site/releases.ts';

// The documents releases attach, copied beside their pages: releases/2026/02/04/<slug>/original.pdf.
// The release's stamp, part of each page's key, covers the documents' contents.
export async function getStaticPaths() {
  const paths = (await getReleases()).flatMap((release) =>
    releaseAttachments(release).map(({ path, href }) => ({
      params: { attachment: path.replace(/^releases\//, '').replace(/\.pdf$/, '') },
      props: { release, href },
    })),
  );
  return changedPaths(paths, ({ params }) => `releases/${params.attachment}.pdf`);
}

export function GET({ props }: APIContext<{ release: Release; href: string }>) {
  return attachmentResponse(releaseFolder(props.release), mediaFile(props.release, props.href));
}
