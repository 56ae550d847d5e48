/**
 * The script the search page starts as its worker (`WORKER_SCRIPT`, written beside the index by
 * the build): Pagefind's own worker (`pagefind-worker.js`), loaded into it, with one change. Each
 * part of the index is an instance of its own in the worker, and each instance fetches Pagefind's
 * WebAssembly from its part's folder: the same 60 KB, once for every part a search opens. Here a
 * fetch of `wasm.<language>.pagefind` from any folder is answered from one copy beside the worker,
 * fetched once; the parts' folders hold none.
 */

/** The file the search page starts as its worker. */
export const WORKER_SCRIPT = 'archive-worker.js';

/** Pagefind's worker, which `WORKER_SCRIPT` loads. */
export const PAGEFIND_WORKER = 'pagefind-worker.js';

/** The text of `WORKER_SCRIPT`: plain JavaScript, as the browser runs it. */
export const WORKER_SOURCE = `// The archive's search worker: Pagefind's, its WebAssembly fetched once for every part of the index.
"use strict";
(() => {
  const fetched = new Map();
  const fetchOnce = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = new URL(typeof input === "string" ? input : input.url, self.location.href);
    const language = /\\/wasm\\.([^/]+)\\.pagefind$/.exec(url.pathname);
    if (!language) return fetchOnce(input, init);
    const shared = new URL("wasm." + language[1] + ".pagefind", self.location.href).href;
    let bytes = fetched.get(shared);
    if (!bytes) {
      bytes = fetchOnce(shared).then((response) => {
        if (!response.ok) throw new Error(response.status + " fetching " + shared);
        return response.arrayBuffer();
      });
      fetched.set(shared, bytes);
    }
    return bytes.then((buffer) => new Response(buffer.slice(0)));
  };
})();
importScripts("${PAGEFIND_WORKER}");
`;
