/** A minimal static file server for built sites, as a static host would serve them. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** A running server and how to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The headers a `_headers` file gives every path (`/*`), as hosts that read one apply them. */
async function siteHeaders(root: string): Promise<Record<string, string>> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const headers: Record<string, string> = {};
  let all = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(' ')) all = line.trim() === '/*';
    else if (all && line.includes(':')) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}

/**
 * Serves `root` on a free loopback port: `/a/` gives `/a/index.html`, unknown paths `404.html`.
 * With `base` (e.g. `/press`), the site is served under that path, as on a shared host. With
 * `policy: false`, `_headers` is not applied, as on a host that sends no policy of its own.
 */
export async function serve(root: string, base = '', { policy = true } = {}): Promise<Served> {
  const headers = policy ? await siteHeaders(root) : {};
  const server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (base && requested === base) {
      response.writeHead(301, { location: `${base}/` }).end();
      return;
    }
    const path = requested.startsWith(`${base}/`) ? requested.slice(base.length) : '/__outside_the_base__';
    let file = join(root, normalize(path));
    if (!file.startsWith(root)) file = join(root, '404.html');
    if (path.endsWith('/')) file = join(file, 'index.html');
    let status = 200;
    if (!(await isFile(file))) {
      status = 404;
      file = join(root, '404.html');
    }
    response.writeHead(status, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
