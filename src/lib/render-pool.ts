/**
 * Renders release bodies on every core: parsing is most of a cold build's work, and each body is
 * independent of the others. Workers take the next file as they finish one, so a long speech
 * does not hold up the rest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderTask } from './render-task.ts';

/** Renders every task; resolves to the problems found, by file. */
export async function renderAll(tasks: readonly RenderTask[]): Promise<Map<string, string>> {
  const problems = new Map<string, string>();
  if (tasks.length === 0) return problems;
  let taken = 0;
  const size = Math.min(availableParallelism(), tasks.length, 8);
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
      const next = () => {
        const task = tasks[taken++];
        if (task) worker.postMessage(task);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', ({ file, problem }: { file: string; problem?: string }) => {
        if (problem) problems.set(file, problem);
        next();
      });
      worker.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: size }, run));
  return problems;
}
