/**
 * A worker thread of the render pool (`render-pool.ts`): renders each release it is sent into
 * the body store and answers with what is wrong with its body, if anything.
 */
import { parentPort } from 'node:worker_threads';
import { BodyError, renderBody } from '../model/render-body.ts';
import { readReleaseSource } from '../model/release-file.ts';
import { BodyStore } from './body-store.ts';
import type { WorkerTask } from './render-pool.ts';

let store: BodyStore | undefined;

parentPort?.on('message', ({ file, source, key, dir }: WorkerTask) => {
  let problem: string | undefined;
  try {
    if (store?.dir !== dir) store = new BodyStore(dir);
    const { body } = readReleaseSource(source);
    // Problems name the line a person editing the file sees.
    const firstLine = source.slice(0, source.length - body.length).split('\n').length;
    store.write(key, renderBody(body, firstLine));
  } catch (error) {
    problem = error instanceof BodyError ? error.message : `could not be rendered: ${(error as Error).message}`;
  }
  parentPort?.postMessage({ file, problem });
});
