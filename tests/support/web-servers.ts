/**
 * Debian's nginx and Apache serving a built site on a loopback port, configured as the README
 * tells a host to: each with its own configuration, pid file and logs in a temporary folder, in
 * the foreground, stopped by the test that started it.
 */
import { spawn } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, tempDir } from './site.ts';

/** Where Debian installs nginx and Apache (`.ci/run` installs them when they are missing). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const APACHE = process.env.APACHE_PATH ?? '/usr/sbin/apache2';

/** Apache's modules, as Debian installs them. */
const APACHE_MODULES = '/usr/lib/apache2/modules';

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

/** A running server: its address and how to stop it. */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Runs `command` in the foreground until it answers on `url`; an exit on the way says why. */
async function startServer(command: string, args: string[], url: string): Promise<RunningServer> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${command} did not start:\n${output}`);
    const answered = await fetch(`${url}/`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (tries > 200) throw new Error(`${command} did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts nginx serving `root`, with `directives` in its `server` block. */
export async function startNginx(root: string, directives: readonly string[]): Promise<RunningServer> {
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
  return startServer(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], `http://127.0.0.1:${port}`);
}

/**
 * Starts Apache serving `root`, with `htaccess` as the site's `.htaccess` (written into it), as a
 * shared host would read it. Apache's workers run as `nobody`, so the folders down to `root` are
 * opened to them.
 */
export async function startApache(root: string, htaccess: readonly string[]): Promise<RunningServer> {
  const prefix = await tempDir('apache');
  const port = await freePort();
  for (let dir = root; dir.startsWith(`${tmpdir()}/`); dir = dirname(dir)) await chmod(dir, 0o755);
  await writeFile(join(root, '.htaccess'), `${htaccess.join('\n')}\n`);
  const config = [
    ...['mpm_event', 'authz_core', 'headers', 'mime', 'dir'].map(
      (module) => `LoadModule ${module}_module ${APACHE_MODULES}/mod_${module}.so`,
    ),
    `ServerRoot ${prefix}`,
    `DefaultRuntimeDir ${prefix}`,
    `PidFile ${join(prefix, 'apache.pid')}`,
    `ErrorLog ${join(prefix, 'error.log')}`,
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    'User nobody',
    'Group nogroup',
    'TypesConfig /etc/mime.types',
    'AddType application/wasm .wasm',
    'AddType application/xml .xsl',
    `DocumentRoot ${root}`,
    'DirectoryIndex index.html',
    'ErrorDocument 404 /404.html',
    `<Directory ${root}>`,
    '  Require all granted',
    '  AllowOverride FileInfo',
    '</Directory>',
  ].join('\n');
  await writeFile(join(prefix, 'apache.conf'), `${config}\n`);
  return startServer(APACHE, ['-f', join(prefix, 'apache.conf'), '-DFOREGROUND'], `http://127.0.0.1:${port}`);
}
