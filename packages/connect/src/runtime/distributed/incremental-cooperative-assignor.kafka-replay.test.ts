/**
 * Differential test against Kafka's own IncrementalCooperativeAssignor: 80 random rebalance scenarios (members
 * joining and leaving, connectors added, resized and deleted, time passing, failed and stale rounds, max delays
 * of 0, 1, 1000 and 300000 ms) replayed here and by Kafka's class (testdata/KafkaReplay.java.txt says how),
 * compared line for line: delays, and every member's assigned and revoked connectors and tasks, in order.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ConnectorTaskId } from './connect-protocol.ts';
import {
  IncrementalCooperativeAssignor,
  type ConnectorsAndTasks,
} from './incremental-cooperative-assignor.ts';
import { javaHashMapOrder } from './java-collections.ts';

const taskList = (tasks: readonly ConnectorTaskId[] | undefined): string =>
  `[${(tasks ?? []).map((t) => `${t.connector}-${t.task}`).join(',')}]`;
const connectorList = (connectors: readonly string[] | undefined): string =>
  `[${(connectors ?? []).join(',')}]`;

/** Replays a scenario script as KafkaReplay.java does and prints the same report. */
function replay(script: string): string {
  const out: string[] = [];
  let now = 1_000_000;
  let assignor: IncrementalCooperativeAssignor | null = null;
  let connectors = new Map<string, number>();
  let members = new Map<string, ConnectorsAndTasks>();
  let generation = 1000;
  for (const line of script.split('\n').map((l) => l.trim())) {
    const words = line.split(' ');
    switch (words[0]) {
      case 'scenario':
        out.push(line);
        connectors = new Map();
        members = new Map();
        generation = 1000;
        now = 1_000_000;
        break;
      case 'maxDelay':
        assignor = new IncrementalCooperativeAssignor({ now: () => now }, Number(words[1]));
        break;
      case 'connectors':
        connectors = new Map(words.slice(1).map((pair) => [pair.split(':')[0]!, Number(pair.split(':')[1])]));
        break;
      case 'members': {
        const wanted = words.slice(1);
        for (const member of [...members.keys()]) if (!wanted.includes(member)) members.delete(member);
        for (const member of wanted)
          if (!members.has(member)) members.set(member, { connectors: [], tasks: [] });
        break;
      }
      case 'sleep':
        now += Number(words[1]);
        break;
      case 'sleepDelay':
        now += assignor!.scheduledDelay;
        break;
      case 'rebalance': {
        generation++;
        const lastCompleted = line.includes('mismatch') ? generation - 2 : generation - 1;
        const ordered = new Map(
          javaHashMapOrder([...members.keys()]).map((member) => {
            const work = members.get(member)!;
            return [member, { connectors: [...work.connectors], tasks: [...work.tasks] }];
          }),
        );
        const config = {
          offset: 618,
          connectors: () => [...connectors.keys()],
          tasks: (connector: string) =>
            Array.from({ length: connectors.get(connector) ?? 0 }, (_, task) => ({ connector, task })),
        };
        const result = assignor!.computeAssignment(config, lastCompleted, generation, ordered);
        out.push(`delay ${assignor!.scheduledDelay}`);
        const workers = new Set<string>();
        for (const map of Object.values(result))
          for (const worker of (map as Map<string, unknown>).keys()) workers.add(worker);
        for (const worker of [...workers].sort()) {
          out.push(
            `${worker} +c=${connectorList(result.newlyAssignedConnectors.get(worker))}` +
              ` +t=${taskList(result.newlyAssignedTasks.get(worker))}` +
              ` -c=${connectorList(result.newlyRevokedConnectors.get(worker))}` +
              ` -t=${taskList(result.newlyRevokedTasks.get(worker))}`,
          );
        }
        if (line.includes('fail')) break;
        for (const worker of workers) {
          const work = members.get(worker) ?? { connectors: [], tasks: [] };
          const revokedConnectors = new Set(result.newlyRevokedConnectors.get(worker) ?? []);
          const revokedTasks = new Set(
            (result.newlyRevokedTasks.get(worker) ?? []).map((t) => `${t.connector}-${t.task}`),
          );
          const nextConnectors = work.connectors.filter((c) => !revokedConnectors.has(c));
          for (const c of result.newlyAssignedConnectors.get(worker) ?? [])
            if (!nextConnectors.includes(c)) nextConnectors.push(c);
          const nextTasks = work.tasks.filter((t) => !revokedTasks.has(`${t.connector}-${t.task}`));
          for (const t of result.newlyAssignedTasks.get(worker) ?? []) {
            if (!nextTasks.some((x) => x.connector === t.connector && x.task === t.task)) nextTasks.push(t);
          }
          members.set(worker, { connectors: nextConnectors, tasks: nextTasks });
        }
        break;
      }
      default:
        break;
    }
  }
  return `${out.join('\n')}\n`;
}

describe("IncrementalCooperativeAssignor against Kafka's", () => {
  it('decides exactly as Kafka does in 80 random rebalance scenarios', () => {
    const read = (name: string): string =>
      readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
    const expected = read('icr-scenarios.kafka-output.txt').split('\n');
    const actual = replay(read('icr-scenarios.txt')).split('\n');
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (actual[i] !== expected[i]) {
        const scenario = expected.slice(0, i + 1).findLast((l) => l.startsWith('scenario')) ?? '';
        assert.equal(actual[i], expected[i], `first difference at output line ${i + 1}, in ${scenario}`);
      }
    }
  });
});
