/**
 * Renders release bodies on every core, into the body store, while the loader is still checking
 * the rest of the folder: parsing is most of a cold build's work, and each body is independent of
 * the others. Each worker holds two tasks, so that it starts the next the moment it finishes one
 * rather than waiting for the loader's thread (busy checking files) to send it; a long speech
 * holds up one task behind it at most. The loader waits while many are queued, so texts are not
 * all held at once.
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
  /** How many tasks each worker holds. */
  readonly #held = new Map<Worker, number>();
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
    while ((this.#queue.length > 0 || this.#holding()) && !this.#failure) await this.#changed();
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    if (this.#failure) throw this.#failure;
    return this.#problems;
  }

  #holding(): boolean {
    return [...this.#held.values()].some((count) => count > 0);
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }

  #start(): void {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    worker.on('message', ({ file, problem }: { file: string; problem?: string }) => {
      if (problem) this.#problems.set(file, problem);
      else this.#rendered++;
      this.#held.set(worker, this.#held.get(worker)! - 1);
      this.#dispatch();
    });
    worker.on('error', (error) => {
      this.#failure = error;
      this.#wake?.();
    });
    this.#workers.push(worker);
    this.#held.set(worker, 0);
  }

  #dispatch(): void {
    for (const worker of this.#workers) {
      while (this.#held.get(worker)! < 2 && this.#queue.length > 0) {
        const message: WorkerTask = { ...this.#queue.shift()!, dir: this.#store.dir };
        worker.postMessage(message);
        this.#held.set(worker, this.#held.get(worker)! + 1);
      }
    }
    this.#wake?.();
  }
}
