/**
 * `npm run audit`: fails when `npm audit --omit=dev` reports a high or critical vulnerability in
 * what the built site and its build depend on. Where the registry's audit service cannot be
 * reached (some mirrors refuse it), it says so plainly and fails, rather than passing unchecked.
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
let report: { message?: string; statusCode?: number; metadata?: { vulnerabilities?: Record<string, number> } };
try {
  report = JSON.parse(run.stdout) as typeof report;
} catch {
  process.stderr.write(`npm audit gave no report:\n${run.stdout}${run.stderr}`);
  process.exit(2);
}
if (!report.metadata?.vulnerabilities) {
  process.stderr.write(
    `npm audit could not check the dependencies: ${report.message ?? 'no vulnerability counts in its report'}\n`,
  );
  process.exit(2);
}
const { high = 0, critical = 0, ...others } = report.metadata.vulnerabilities;
const summary = Object.entries({ critical, high, ...others })
  .map(([level, n]) => `${n} ${level}`)
  .join(', ');
process.stdout.write(`npm audit --omit=dev: ${summary}\n`);
process.exit(high + critical > 0 ? 1 : 0);
