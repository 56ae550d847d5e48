import type { APIContext } from 'astro';
import { attachmentResponse, releaseAttachments } from '../../site/media.ts';
import { getReleases } from '../../site/releases.ts';

// The documents releases attach, copied beside their pages: releases/2026/02/04/<slug>/original.pdf.
export async function getStaticPaths() {
  return (await getReleases()).flatMap((release) =>
    releaseAttachments(release).map(({ path, file, folder }) => ({
      params: { attachment: path.replace(/^releases\//, '').replace(/\.pdf$/, '') },
      props: { file, folder },
    })),
  );
}

export function GET({ props }: APIContext<{ file: string; folder: string }>) {
  return attachmentResponse(props.folder, props.file);
}
