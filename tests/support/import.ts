/** Running the import command as a user does. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site.ts';

/** What the command printed and how it ended. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import -- <args>` (the script itself, on this Node) and collects its output. */
export function runImportCommand(
  args: string[],
  options: { cwd?: string; onStdout?: (text: string) => void } = {},
): Promise<CommandResult> & { kill(): void } {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(stdout);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CommandResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return Object.assign(done, { kill: () => child.kill('SIGKILL') });
}
