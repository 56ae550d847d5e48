/**
 * The tables of bench/RESULTS.md on publishing (`publish.ts`) and on what a site takes on a host:
 * each size's publishes into the archive, one new release in each stack, and the site's files and
 * megabytes per release against static hosts' limits. Plain functions of the figures, tested.
 */
import type { BaselinePublish } from './baselines.ts';
import type { ArchivePublish } from './publish.ts';

/** A static host's limits on one site: its bytes (10⁹ a GB, the stricter reading), its files. */
export interface Host {
  name: string;
  bytes?: number;
  files?: number;
}

/** The hosts issue 25 names, with the limits they publish. */
export const HOSTS: readonly Host[] = [
  { name: 'GitHub Pages (1 GB)', bytes: 1e9 },
  { name: 'Cloudflare Pages free (20,000 files)', files: 20_000 },
  { name: 'Cloudflare Pages paid (100,000 files)', files: 100_000 },
  { name: 'GitLab Pages (1 GB, 200,000 files)', bytes: 1e9, files: 200_000 },
];

/** How much of a host's limits a site takes (the larger share), and how many releases fit at its rate. */
export function hostFit(site: { bytes: number; files: number }, releases: number, host: Host) {
  const share = Math.max(host.bytes ? site.bytes / host.bytes : 0, host.files ? site.files / host.files : 0);
  return { share, fits: share <= 1, releases: share > 0 ? Math.floor(releases / share) : Infinity };
}

/** The archive's cold build, the first row of the publish table. */
export interface ColdBuild {
  releases: number;
  seconds: number;
  peakMiB: number;
  site: { bytes: number; files: number };
  parts: { made: number; total: number };
}

/** A stack's publish of the new release, with the seconds of its own cold build. */
export interface StackPublish {
  name: string;
  coldSeconds: number;
  publish: BaselinePublish;
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => f(bytes / 1e6, 2);

/** The archive's publishes of one size: its cold build, then each change in the order made. */
export function archivePublishTable(cold: ColdBuild, publishes: readonly ArchivePublish[]): string[] {
  const lines = [
    `${n(cold.releases)} releases, built cold, then each change in turn on the same content folder:`,
    '',
    '| | s | × cold | peak MiB | files added / changed / removed | MB added or changed | index parts made |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| cold build | ${f(cold.seconds)} | 1.00 | ${f(cold.peakMiB, 0)} | ${n(cold.site.files)} / 0 / 0 | ${mb(cold.site.bytes)} | ${cold.parts.made} of ${cold.parts.total} |`,
  ];
  for (const p of publishes) {
    const what = p.file ? `${p.scenario} (\`${p.file}\`)` : p.scenario;
    if (p.failed) {
      lines.push(`| ${what} | failed | | | | | |`);
      continue;
    }
    lines.push(
      `| ${what} | ${f(p.seconds)} | ${f(p.seconds / cold.seconds, 2)} | ${f(p.peakMiB, 0)} | ${n(p.files.added)} / ${n(p.files.changed)} / ${n(p.files.removed)} | ${mb(p.bytes)} | ${p.parts.made} of ${p.parts.total} |`,
    );
  }
  lines.push('');
  for (const p of publishes.filter((p) => p.failed)) {
    lines.push(`The build after "${p.scenario}" failed:`, '', '```text', p.failed!, '```', '');
  }
  return lines;
}

/** One new release, the same file, published by the archive and by each stack beside it. */
export function stackPublishTable(
  archive: { cold: ColdBuild; publish: ArchivePublish },
  stacks: readonly StackPublish[],
) {
  const { cold, publish } = archive;
  const lines = [
    '| | s | × its cold build | of which Pagefind s | peak MiB | files added / changed / removed | MB added or changed | its index page lists it |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    `| archive | ${f(publish.seconds)} | ${f(publish.seconds / cold.seconds, 2)} | – (${publish.parts.made} of ${publish.parts.total} parts, beside its pages) | ${f(publish.peakMiB, 0)} | ${n(publish.files.added)} / ${n(publish.files.changed)} / ${n(publish.files.removed)} | ${mb(publish.bytes)} | ${publish.listed ? 'yes' : 'no'} |`,
  ];
  for (const { name, coldSeconds, publish: p } of stacks) {
    const label = `${name}, ${p.how}`;
    if (p.failed) {
      lines.push(`| ${label} | failed | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${label} | ${f(p.seconds)} | ${f(p.seconds / coldSeconds, 2)} | ${f(p.pagefindSeconds)} | ${f(p.peakMiB, 0)} | ${n(p.changes.added)} / ${n(p.changes.changed)} / ${n(p.changes.removed)} | ${mb(p.changes.bytes)} | ${p.listed ? 'yes' : 'no'} |`,
    );
  }
  lines.push('');
  for (const { name, publish: p } of stacks.filter(({ publish }) => publish.failed)) {
    lines.push(`${name}, ${p.how}, failed:`, '', '```text', p.failed!, '```', '');
  }
  return lines;
}

/** The site's files and megabytes per release at each size, and what each host's limits take of it. */
export function hostsTable(sizes: readonly { releases: number; site: { bytes: number; files: number } }[]): string[] {
  const lines = [
    `| releases | files | MB | files / release | MB / release | ${HOSTS.map((host) => host.name).join(' | ')} |`,
    `|---:|---:|---:|---:|---:|${HOSTS.map(() => '---|').join('')}`,
  ];
  for (const { releases, site } of sizes) {
    const cells = HOSTS.map((host) => {
      const fit = hostFit(site, releases, host);
      return `${fit.fits ? 'fits' : 'too large'}: ${f(fit.share * 100, 0)}% (up to ${n(fit.releases)} releases)`;
    });
    lines.push(
      `| ${n(releases)} | ${n(site.files)} | ${mb(site.bytes)} | ${f(site.files / releases, 2)} | ${f(site.bytes / 1e6 / releases, 3)} | ${cells.join(' | ')} |`,
    );
  }
  lines.push('');
  return lines;
}
