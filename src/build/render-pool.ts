/**
 * Renders release bodies on every core, into the body store, while the loader is still checking
 * the rest of the folder: parsing is most of a cold build's work, and each body is independent of
 * the others. Workers take the next file as they finish one, so a long speech does not hold up
 * the rest; the loader waits while many are queued, so texts are not all held at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyStore } from './body-store.ts';

/** A release to render: its file (for messages), its text, and the key to store it under. */
export interface RenderTask {
  file: string;
  source: string;
  key: string;
}

/** What a worker is sent: a task and the store's folder. */
export interface WorkerTask extends RenderTask {
  dir: string;
}

/** A pool of render workers, started on the first task. */
export class RenderPool {
  readonly #store: BodyStore;
  readonly #size: number;
  readonly #queue: RenderTask[] = [];
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #problems = new Map<string, string>();
  #rendered = 0;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(store: BodyStore, size = Math.min(availableParallelism(), 8)) {
    this.#store = store;
    this.#size = size;
  }

  /** How many bodies have been rendered. */
  get rendered(): number {
    return this.#rendered;
  }

  /** Queues a body; resolves once the queue has room for more. */
  async add(task: RenderTask): Promise<void> {
    this.#queue.push(task);
    if (this.#workers.length < this.#size) this.#start();
    this.#dispatch();
    while (this.#queue.length > 2 * this.#size && !this.#failure) await this.#changed();
  }

  /** Waits for every queued body; gives what is wrong with each body that cannot be shown, by file. */
  async finish(): Promise<Map<string, string>> {
    while (this.#idle.length < this.#workers.length && !this.#failure) await this.#changed();
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    if (this.#failure) throw this.#failure;
    return this.#problems;
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }

  #start(): void {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    worker.on('message', ({ file, problem }: { file: string; problem?: string }) => {
      if (problem) this.#problems.set(file, problem);
      else this.#rendered++;
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on('error', (error) => {
      this.#failure = error;
      this.#wake?.();
    });
    this.#workers.push(worker);
    this.#idle.push(worker);
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const task = this.#queue.shift()!;
      const message: WorkerTask = { ...task, dir: this.#store.dir };
      this.#idle.pop()!.postMessage(message);
    }
    this.#wake?.();
  }
}
