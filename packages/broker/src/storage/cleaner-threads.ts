/**
 * The log cleaner's threads (Kafka's LogCleaner with log.cleaner.threads CleanerThreads): worker threads that
 * run compactSegments off the event loop that serves requests. Each runs one task at a time; tasks wait in
 * order for a free thread. Threads are started on first use and do not keep the process alive. A thread that
 * dies is replaced; its task fails. close() terminates them, failing the tasks in progress (a worker never
 * writes the data directory, so nothing is left half done).
 */
import { Worker } from 'node:worker_threads';
import type { CleaningPlan, CleaningTask } from './log-cleaner.ts';

const ENTRY = new URL('./cleaner-worker-entry.mjs', import.meta.url);

interface Job {
  id: number;
  task: CleaningTask;
  resolve: (plan: CleaningPlan | null) => void;
  reject: (error: Error) => void;
}

interface CleanerThread {
  worker: Worker;
  job: Job | null;
}

/** A failure reported by a cleaner thread, with the name and message of the error it caught. */
export class CleanerThreadError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export class CleanerThreads {
  private readonly threads: CleanerThread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {}

  run(task: CleaningTask): Promise<CleaningPlan | null> {
    if (this.closed) return Promise.reject(new Error('the cleaner threads are closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.job === null);
      if (!thread && this.threads.length < this.size) thread = this.spawn();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      thread.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private spawn(): CleanerThread {
    const worker = new Worker(ENTRY, { name: 'log-cleaner' });
    const thread: CleanerThread = { worker, job: null };
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; plan?: CleaningPlan | null; error?: { name: string; message: string } }) => {
        const job = thread.job;
        if (!job || job.id !== message.id) return;
        thread.job = null;
        worker.unref();
        if (message.error) job.reject(new CleanerThreadError(message.error.name, message.error.message));
        else job.resolve(message.plan ?? null);
        this.dispatch();
      },
    );
    const died = (error: Error) => {
      const at = this.threads.indexOf(thread);
      if (at < 0) return;
      this.threads.splice(at, 1);
      thread.job?.reject(error);
      thread.job = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`cleaner thread exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the cleaner threads are closed'));
    const threads = this.threads.splice(0);
    for (const thread of threads) {
      thread.job?.reject(new Error('the cleaner thread was stopped'));
      thread.job = null;
    }
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }
}
