/**
 * The site's Content Security Policy: scripts and styles only from the site's own files, no
 * inline script and no `eval`. Pagefind compiles its WebAssembly (`'wasm-unsafe-eval'`) and may
 * start a worker. Every page carries the policy in a `<meta>` tag; `_headers` gives it, with
 * what only a header can say, to hosts that read such a file (Netlify, Cloudflare Pages).
 */

/** The directives a `<meta>` tag can carry. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy as one header or meta value. */
export function contentSecurityPolicy(headerOnly = false): string {
  return [...CSP_DIRECTIVES, ...(headerOnly ? ["frame-ancestors 'none'"] : [])].join('; ');
}

/** A `_headers` file applying the policy, and a few safe defaults, to every page. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${contentSecurityPolicy(true)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
