/**
 * Debian's nginx serving a built site on a loopback port, as the README tells a host to: its own
 * configuration, pid file, logs and temporary files in a temporary folder, in the foreground.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, tempDir } from './site.ts';

/** Where Debian installs nginx (`apt-get install nginx`; `.ci/run` does so when it is missing). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The README's lines for a host's configuration, by server: `# nginx` or `# Apache` in its snippet. */
export async function readmeSnippet(server: 'nginx' | 'Apache'): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /```text\n(# nginx\n[\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = block.split('\n');
  const start = lines.indexOf(`# ${server}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('# '));
  return start === -1 ? [] : lines.slice(start + 1, end === -1 ? undefined : end).filter(Boolean);
}

/** A free loopback port, as the system hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running nginx: its address and how to stop it. */
export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/** Starts nginx serving `root`, with `directives` in its `server` block. */
export async function startNginx(root: string, directives: readonly string[]): Promise<RunningNginx> {
  const prefix = await tempDir('nginx');
  const port = await freePort();
  const config = [
    // Run as root (CI is), the workers would be `nobody`, who cannot read a private temporary folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')};`,
    'events {}',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  types { application/wasm wasm; application/xml xsl; }',
    `  access_log ${join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(prefix, kind)};`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    '    error_page 404 /404.html;',
    ...directives.map((line) => `    ${line}`),
    '  }',
    '}',
  ].join('\n');
  await writeFile(join(prefix, 'nginx.conf'), `${config}\n`);
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers; an nginx that exits has said why.
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start:\n${output}`);
    const answered = await fetch(`${url}/`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (tries > 200) throw new Error(`nginx did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
