/**
 * A worker thread of the render pool (`render-pool.ts`): renders each release it is sent into
 * the body store and answers with what is wrong with its body, if anything.
 */
import { parentPort } from 'node:worker_threads';
import { BodyError, renderBody } from '../model/render-body.ts';
import { readReleaseSource } from '../model/release-file.ts';
import { BodyStore } from './body-store.ts';
import type { WorkerTask } from './render-pool.ts';

parentPort?.on('message', async ({ file, source, key, dir }: WorkerTask) => {
  let problem: string | undefined;
  try {
    const { body } = readReleaseSource(source);
    // Problems name the line a person editing the file sees.
    const firstLine = source.slice(0, source.length - body.length).split('\n').length;
    await new BodyStore(dir).write(key, renderBody(body, firstLine));
  } catch (error) {
    problem = error instanceof BodyError ? error.message : `could not be rendered: ${(error as Error).message}`;
  }
  parentPort?.postMessage({ file, problem });
});
