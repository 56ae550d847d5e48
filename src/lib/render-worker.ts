/**
 * A worker thread of the render pool (`render-pool.ts`): renders the release files it is sent
 * into the body cache and answers with each file's problem, if any.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { renderFileInto, type RenderTask } from './render-task.ts';

parentPort?.on('message', (task: RenderTask) => {
  let problem: string | undefined;
  try {
    problem = renderFileInto(task, readFileSync(task.file, 'utf8'));
  } catch (error) {
    problem = `could not be rendered: ${(error as Error).message}`;
  }
  parentPort?.postMessage({ file: task.file, problem });
});
