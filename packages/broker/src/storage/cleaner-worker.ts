/**
 * The body of a log cleaner thread (Kafka's CleanerThread): it receives a CleaningTask (the segments' read-only
 * descriptors and a snapshot of the log state), runs compactSegments and sends the plan back; the main thread
 * does the swap. It never writes to the data directory, so terminating it at any moment loses only the pass.
 *
 * Messages in: { id, task }; out: { id, plan } or { id, error: { name, message } }.
 */
import { parentPort } from 'node:worker_threads';
import { compactSegments, type CleaningTask } from './log-cleaner.ts';

const port = parentPort;
if (!port) throw new Error('cleaner-worker.ts runs as a worker thread');

port.on('message', (message: { id: number; task: CleaningTask }) => {
  compactSegments(message.task).then(
    (plan) =>
      port.postMessage(
        { id: message.id, plan },
        plan ? plan.groups.map((g) => g.kept.buffer as ArrayBuffer) : [],
      ),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        error:
          error instanceof Error
            ? { name: error.name, message: error.message }
            : { name: 'Error', message: String(error) },
      }),
  );
});
