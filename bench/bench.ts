/**
 * `npm run bench [-- --sizes=1000,full,10000] [--huge] [--no-baselines] [--no-browser]`: builds
 * archives of N releases from the shared corpus, brought in by the import command, and measures
 * what issues #7 and #25 budget: import and build times (the model, the pages, the search index),
 * seconds per 1,000 releases, peak memory of the whole process tree, the size of the site and of
 * its index, its files and megabytes per release against hosts' limits; then publishes into the
 * built archive, one change after another (`publish.ts`). On the full corpus, in Chromium (unless
 * `--no-browser`), the bytes the first and later searches transfer, keystroke-to-results time,
 * the page's longest busy stretch while typing, and a release page's weight. Unless
 * `--no-baselines`, the same releases built by a plain Astro project, Eleventy (`baselines.ts`)
 * and Hugo (`hugo.ts`), each publishing one new release after its cold build; and on the full
 * corpus the archive's search page against Pagefind's Default UI (`search-side-by-side.ts`).
 * Writes bench/results.json and bench/RESULTS.md. Never part of the tests: timings belong here.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { mkdtemp } from 'node:fs/promises';
import { launchBrowser } from '../tests/support/browser.ts';
import { serve } from '../tests/support/serve.ts';
import { settled } from '../tests/support/search-page.ts';
import { cacheDir } from '../src/env.ts';
import {
  fileKind,
  keystrokeMs,
  LATER,
  QUERIES,
  scaleReport,
  searchAtScale,
  type SearchAtScale,
} from './search-scale.ts';
import { CORPUS_DIR, ROOT, SEED_FILE } from '../tests/support/site.ts';
import { folderSize, measured, servedBytes } from './measure.ts';
import { archivePublishes, newestDayRelease, readSummary, type ArchivePublish } from './publish.ts';
import { archivePublishTable, hostsTable, stackPublishTable } from './publish-report.ts';
import { searchSideBySide, type SearchSideBySide } from './search-side-by-side.ts';
import { buildTable, searchTable } from './side-by-side-report.ts';
import { runStack, STACKS, type StackKey, type StackRun } from './stacks.ts';

const args = process.argv.slice(2);
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,full,10000').split(',');
if (args.includes('--huge')) sizes.push('100000');
const withBaselines = !args.includes('--no-baselines');
const withBrowser = !args.includes('--no-browser');

/**
 * JSON Lines of N releases, in files of 10,000 lines in `dir`: the corpus's real texts, reused
 * with distinct titles, dates and sources.
 */
async function syntheticCorpus(dir: string, n: number): Promise<void> {
  const rows = [];
  for (const name of ['whitehouse-2016.jsonl', 'miller-center.jsonl']) {
    for (const line of (await readFile(join(CORPUS_DIR, name), 'utf8')).split('\n')) {
      if (line.trim()) rows.push(JSON.parse(line) as Record<string, string>);
    }
  }
  await mkdir(dir, { recursive: true });
  const PART = 10000;
  for (let start = 0; start < n; start += PART) {
    const out: string[] = [];
    for (let i = start; i < Math.min(n, start + PART); i++) {
      const row = { ...rows[i % rows.length]! };
      const copy = Math.floor(i / rows.length);
      if (copy > 0) {
        const [year, month, day] = row['date']!.split('-').map(Number) as [number, number, number];
        const shifted = 1000 + ((year - 1000 + copy * 37) % 1999);
        row['date'] = `${shifted}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
        row['title'] = `${row['title'] || 'Untitled'} (copy ${copy})`;
        row['source_url'] = `${row['source_url']}#copy-${copy}`;
      }
      out.push(JSON.stringify(row));
    }
    await writeFile(join(dir, `part-${String(start / PART).padStart(3, '0')}.jsonl`), `${out.join('\n')}\n`);
  }
}

interface SizeResult {
  n: string;
  releases: number;
  importSeconds: number;
  buildSeconds: number;
  /** Reading and checking the release files and rendering their bodies (the build's model stage). */
  modelSeconds: number;
  /** Astro making the pages, as it says; the search index is made at the same time. */
  pagesSeconds: number;
  /** The search index, made beside the pages. */
  indexSeconds: number;
  indexParts: { made: number; total: number };
  secondsPer1000: number;
  peakMiB: number;
  site: { bytes: number; files: number };
  index: { bytes: number; files: number };
  /** Publishes into the built archive, in sequence (`publish.ts`). */
  publishes?: ArchivePublish[] | undefined;
  /** The same releases built by the other stacks; a stack absent was not run (Hugo not installed). */
  baselines?: Partial<Record<StackKey, StackRun>> | undefined;
}

function secondsIn(output: string, pattern: RegExp): number {
  return Number(pattern.exec(output)?.[1] ?? NaN);
}

/** Astro's own figure for making the pages: `12.59s`, or `1m 25s` past a minute, or `980ms`. */
function astroSeconds(output: string): number {
  const time = /page\(s\) built in (?:(\d+)m\s+)?([\d.]+)(ms|s)/.exec(stripVTControlCharacters(output));
  if (!time) return NaN;
  const [, minutes = '0', amount = '0', unit] = time;
  return Number(minutes) * 60 + Number(amount) / (unit === 'ms' ? 1000 : 1);
}

async function benchSize(n: string, work: string): Promise<SizeResult & { out: string; content: string }> {
  const content = join(work, `content-${n}`);
  const out = join(work, `dist-${n}`);
  // The full corpus is the shared corpus and the seed release, whose page is weighed below.
  let inputs = [CORPUS_DIR, SEED_FILE];
  if (n !== 'full') {
    inputs = [join(work, `corpus-${n}`)];
    await syntheticCorpus(inputs[0]!, Number(n));
  }
  const node = process.execPath;
  // The importer plans a whole import before writing it: 100,000 releases outgrow Node's default heap.
  const imported = await measured(
    [node, '--max-old-space-size=16384', 'scripts/import.ts', '--content', content, ...inputs],
    {},
  );
  if (imported.code !== 0) throw new Error(`import of ${n} failed:\n${imported.output.slice(-2000)}`);
  const releases = Number(/Imported (\d+)/.exec(imported.output)?.[1] ?? 0);
  const env = { ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: out };
  const built = await measured([node, 'scripts/build.ts'], env);
  if (built.code !== 0) throw new Error(`build of ${n} failed:\n${built.output.slice(-3000)}`);
  const summary = readSummary(built.output);
  return {
    n,
    out,
    content,
    releases,
    importSeconds: imported.seconds,
    buildSeconds: built.seconds,
    modelSeconds: secondsIn(built.output, /^Read [\d,]+ releases? in ([\d.]+) s/m),
    pagesSeconds: astroSeconds(built.output),
    indexSeconds: secondsIn(built.output, /^Indexed [\d,]+ releases? for search .* in ([\d.]+) s\.$/m),
    indexParts: { made: summary.made, total: summary.total },
    secondsPer1000: (built.seconds / releases) * 1000,
    peakMiB: built.peakMiB,
    site: await folderSize(out),
    index: await folderSize(join(out, 'pagefind')),
  };
}

/** Search and page weight in Chromium, on a built site. */
async function browserFigures(out: string) {
  const server = await serve(out);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  // Every file the page asks for, by path. Sizes are taken from the files themselves, as a host
  // that compresses text serves them: text files gzipped, Pagefind's index files and its WebAssembly
  // as they are (they are compressed already).
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const sizeOf = (path: string) => servedBytes(out, path);
  const bytesOf = async (paths: string[]) => {
    let total = 0;
    for (const path of new Set(paths)) total += await sizeOf(path);
    return total;
  };
  // What the first search loads, by kind of file (all of them Pagefind's).
  const byKind = async (paths: string[]) => {
    const kinds: Record<string, number> = {};
    for (const path of new Set(paths))
      kinds[fileKind(path)] = (kinds[fileKind(path)] ?? 0) + (await sizeOf(path)) / 1024;
    return kinds;
  };
  const pagefindSince = (from: number) => requested.slice(from).filter((path) => path.startsWith('/pagefind/'));
  const box = () => page.getByRole('searchbox', { name: 'Search words' });
  await page.goto(`${server.url}/search/`);
  await settled(page);
  await box().fill('health care');
  await settled(page);
  const firstSearchBytes = await bytesOf(pagefindSince(0));
  const firstSearchKinds = await byKind(pagefindSince(0));
  const later: number[] = [];
  for (const query of LATER) {
    const from = requested.length;
    await box().fill(query);
    await settled(page);
    later.push(await bytesOf(pagefindSince(from)));
  }
  const latencies: number[] = [];
  for (const query of QUERIES) latencies.push(await keystrokeMs(page, query));
  latencies.sort((a, b) => a - b);
  // How long the page stops answering keys while a reader types common words, key by key.
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({
      type: 'longtask',
    });
  });
  let longestTaskMs = 0;
  for (const phrase of ['the people of the united states', 'we have to make sure that the']) {
    await box().fill('');
    await settled(page);
    await box().pressSequentially(phrase);
    await settled(page);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    longestTaskMs = Math.max(longestTaskMs, ...tasks);
  }
  // The seed's page: the files a reader's browser loads for it, gzipped.
  const seedPath = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';
  const from = requested.length;
  await page.goto(`${server.url}${seedPath}`);
  await page.waitForLoadState('networkidle');
  const loaded = requested.slice(from);
  const html = await readFile(join(out, seedPath, 'index.html'), 'utf8');
  await browser.close();
  await server.close();
  const gz = (text: string) => gzipSync(text).length;
  return {
    firstSearchKiB: firstSearchBytes / 1024,
    firstSearchKiBByKind: firstSearchKinds,
    laterSearchKiB: { max: Math.max(...later) / 1024, each: later.map((b) => b / 1024) },
    keystrokeToResultsMs: { median: (latencies[9]! + latencies[10]!) / 2, all: latencies },
    longestTaskWhileTypingMs: longestTaskMs,
    releasePage: {
      htmlGzipKiB: gz(html) / 1024,
      htmlWithoutTextGzipKiB: gz(html.replace(/<div class="paragraph">[\s\S]*?<\/p><\/div>/g, '')) / 1024,
      cssGzipKiB: (await bytesOf(loaded.filter((p) => p.endsWith('.css')))) / 1024,
      jsGzipKiB: (await bytesOf(loaded.filter((p) => p.endsWith('.js')))) / 1024,
    },
  };
}

/** The stacks of a size that were built, by name, for the side-by-side table; a stack not run has none. */
function stacksOf(r: SizeResult) {
  return STACKS.map(([key, name]) => [name, r.baselines?.[key]?.result] as const);
}

/** The lines of bench/RESULTS.md on publishing into each size's archive, and in the other stacks. */
function publishReport(results: SizeResult[]): string[] {
  const published = results.filter((r) => r.publishes);
  if (published.length === 0) return [];
  const lines = [
    '## Publishing into a built archive',
    '',
    'After its cold build, each archive took four publishes in turn (`bench/publish.ts`): a build with nothing',
    "changed; one new release on the archive's newest day (it joins the newest month, as a press office's release",
    'of today does); a one-word correction of the release in the middle of the archive (its first word of five',
    'letters or more became "amended"); one new release on the first day of the month after the newest. Files',
    'and bytes are from the publish list (`.archive-publish.json`), MB are 10⁶ bytes; index parts from the',
    "build's last line.",
    '',
  ];
  for (const r of published) {
    const cold = {
      releases: r.releases,
      seconds: r.buildSeconds,
      peakMiB: r.peakMiB,
      site: r.site,
      parts: r.indexParts,
    };
    lines.push(...archivePublishTable(cold, r.publishes!));
    const today = r.publishes!.find((p) => p.scenario.startsWith('one new release on the newest day'));
    const stacks = STACKS.flatMap(([key, name]) => {
      const run = r.baselines?.[key];
      return run ? run.publishes.map((publish) => ({ name, coldSeconds: run.result.seconds, publish })) : [];
    });
    if (!today || stacks.length === 0) continue;
    lines.push(
      `The same new release (\`${today.file}\`) into the ${r.releases.toLocaleString('en')} releases of each stack, each build followed by`,
      "`pagefind --site` over the whole site (Pagefind cannot add a page to an index); a stack's files are counted by",
      'their bytes, before and after:',
      '',
      ...stackPublishTable({ cold, publish: today }, stacks),
    );
  }
  return lines;
}

/** Writes what has been measured so far to bench/results.json and bench/RESULTS.md. */
async function report(
  results: SizeResult[],
  browser: Awaited<ReturnType<typeof browserFigures>> | undefined,
  search: SearchSideBySide | undefined,
  scale: SearchAtScale[] = [],
): Promise<string> {
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const date = new Date().toISOString();
  await writeFile(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ date, machine, sizes: results, browser, searchSideBySide: search, searchAtScale: scale }, null, 2)}\n`,
  );
  const f = (x: number, d = 1) => x.toFixed(d);
  const lines = [
    '# Benchmark results',
    '',
    `${date}, ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}. Produced by \`npm run bench\`.`,
    '',
    '| N | import s | build s | of which: model s | then pages s | and beside them, index s | index parts | s / 1,000 | peak MiB | site MiB (files) | index MiB (files) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.releases} | ${f(r.importSeconds)} | ${f(r.buildSeconds)} | ${f(r.modelSeconds)} | ${f(r.pagesSeconds)} | ${f(r.indexSeconds)} | ${r.indexParts.total} | ${f(r.secondsPer1000)} | ${f(r.peakMiB, 0)} | ${f(r.site.bytes / 2 ** 20)} (${r.site.files}) | ${f(r.index.bytes / 2 ** 20)} (${r.index.files}) |`,
    ),
    '',
    '"model" is reading and checking the release files and rendering their bodies; then Astro makes the pages (its',
    'own figure) while the search index is made beside them.',
    '',
  ];
  if (browser) {
    lines.push(
      'On the full corpus, in Chromium:',
      '',
      `- first search transfers ${f(browser.firstSearchKiB)} KiB (${Object.entries(browser.firstSearchKiBByKind)
        .map(([kind, kib]) => `${kind} ${f(kib)}`)
        .join(', ')}); later searches at most ${f(browser.laterSearchKiB.max)} KiB`,
      "  (text files gzipped, as a host that compresses text serves them; Pagefind's index files and WebAssembly as they are)",
      `- keystroke to rendered results: median ${f(browser.keystrokeToResultsMs.median)} ms of 20 queries`,
      `- typing common words key by key, the page's longest busy stretch (long task): ${f(browser.longestTaskWhileTypingMs, 0)} ms`,
      `- release page (gzip): HTML ${f(browser.releasePage.htmlGzipKiB)} KiB (${f(browser.releasePage.htmlWithoutTextGzipKiB)} KiB without the text), CSS ${f(browser.releasePage.cssGzipKiB)} KiB, JS ${f(browser.releasePage.jsGzipKiB)} KiB`,
      '',
    );
  }
  lines.push(...publishReport(results));
  lines.push(
    '## Site per release, and hosts',
    '',
    "The site of each size after its cold build (every file, the build's own lists included): its files and MB (10⁶",
    "bytes) per release, and the share of each host's limits it takes (GB read as 10⁹ bytes), with how many releases",
    'would fit at the same rate:',
    '',
    ...hostsTable(results),
  );
  const compared = results.filter((r) => r.baselines);
  if (compared.length > 0) {
    lines.push(
      '## Side by side: archive / plain Astro / Eleventy / Hugo',
      '',
      'The same releases built by a plain Astro project, by Eleventy and by Hugo, each with Pagefind run on its output',
      '(`bench/README.md` says what each leaves out). Peak memory is of the whole process tree; s / 1,000 is per release',
      "page built; the text check compares a few release pages' paragraphs with the archive's.",
      '',
    );
    for (const r of compared) lines.push(...buildTable(r, stacksOf(r)));
    const hugo = compared.map((r) => r.baselines?.hugo?.result.version).find(Boolean);
    if (hugo) lines.push(`Hugo: ${hugo}.`, '');
  }
  if (search) {
    lines.push(
      "On the full corpus, in Chromium, the archive's search page and Pagefind's Default UI on the plain Astro baseline",
      '(each on a page of its own, in a fresh browser; a later search counts the files it fetched that the page had not fetched before):',
      '',
      ...searchTable(search),
    );
  }
  lines.push(...scaleReport(scale));
  await writeFile(join(ROOT, 'bench/RESULTS.md'), lines.join('\n'));
  return lines.join('\n');
}

const work = await mkdtemp(join(tmpdir(), 'archive-bench-'));
const results: SizeResult[] = [];
let browser: Awaited<ReturnType<typeof browserFigures>> | undefined;
let search: SearchSideBySide | undefined;
const scale: SearchAtScale[] = [];
try {
  for (const n of sizes) {
    process.stdout.write(`N = ${n}: importing and building…\n`);
    const { out, content, ...result } = await benchSize(n, work);
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (withBrowser && n === 'full') browser = await browserFigures(out);
    if (withBrowser && (n === 'full' || Number(n) >= 10000)) scale.push(await searchAtScale(out, result.releases));
    const today = await newestDayRelease(content);
    if (withBaselines) {
      result.baselines = {};
      for (const [key, name] of STACKS) {
        process.stdout.write(`N = ${n}: building the ${name} baseline, then publishing one release into it…\n`);
        const run = await runStack(key, content, out, work, today, async (site) => {
          if (key === 'astro' && n === 'full' && withBrowser) search = await searchSideBySide(out, site.out);
        });
        if (run) result.baselines[key] = run;
        process.stdout.write(`${JSON.stringify(run ?? null)}\n`);
      }
    }
    process.stdout.write(`N = ${n}: publishing into the archive…\n`);
    result.publishes = await archivePublishes(content, out, today);
    process.stdout.write(`${JSON.stringify(result.publishes)}\n`);
    await rm(out, { recursive: true, force: true });
    await rm(cacheDir(content), { recursive: true, force: true });
    // Written after every size, so that a size that fails leaves the figures of the others.
    await report(results, browser, search, scale);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
process.stdout.write(await report(results, browser, search, scale));
