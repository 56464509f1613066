/**
 * The body of a log cleaner thread (Kafka's CleanerThread): it receives a CleaningTask (the segments' read-only
 * descriptors and a snapshot of the log state), runs compactSegments, which writes the cleaned copies to their
 * own directories (cleaned-segment.ts), and sends the plan back; the main thread does the swaps. It never touches
 * a segment of the log, so terminating it at any moment loses only the pass (load drops unswapped copies).
 *
 * Messages in: { id, task }; out: { id, plan } or { id, error: { name, message } }.
 */
import { parentPort } from 'node:worker_threads';
import { compactSegments, type CleaningTask } from './log-cleaner.ts';

const port = parentPort;
if (!port) throw new Error('cleaner-worker.ts runs as a worker thread');

port.on('message', (message: { id: number; task: CleaningTask }) => {
  compactSegments(message.task).then(
    (plan) => port.postMessage({ id: message.id, plan }),
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
