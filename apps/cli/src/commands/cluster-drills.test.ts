import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import { answerDrill, planCluster, type BrokerProcessEntry } from './cluster.ts';

/** Broker entries over fake children that record the signals they get. */
function entries() {
  const layout = planCluster({
    brokers: 2,
    dataDir: '/tmp/d',
    port: 9092,
    host: '127.0.0.1',
    configs: new Map(),
    clusterId: 'c',
  });
  const signals: string[] = [];
  const child = (pid: number) =>
    ({ pid, kill: (signal: string) => signals.push(`${pid}:${signal}`) }) as unknown as ChildProcess;
  const brokers = new Map<number, BrokerProcessEntry>(
    layout.brokers.map((broker) => [
      broker.nodeId,
      {
        broker,
        commandLine: `npx sluice broker ${broker.nodeId}`,
        child: child(100 + broker.nodeId),
        state: 'running',
        lastExit: null,
      },
    ]),
  );
  const started: number[] = [];
  const start = (entry: BrokerProcessEntry) => {
    started.push(entry.broker.nodeId);
    entry.child = child(200 + entry.broker.nodeId);
    entry.state = 'running';
  };
  return { brokers, signals, started, start };
}

test('pause, resume and kill signal the broker process and report its state', () => {
  const { brokers, signals, start } = entries();
  const pause = answerDrill({ type: 'sluice-drill', id: 1, op: 'pause', nodeId: 2 }, brokers, start);
  assert.ok(pause.ok);
  assert.equal(pause.processes.find((p) => p.nodeId === 2)!.state, 'paused');
  // A paused broker that is stopped gets SIGCONT too, so it can act on the SIGTERM.
  answerDrill({ type: 'sluice-drill', id: 2, op: 'stop', nodeId: 2 }, brokers, start);
  answerDrill({ type: 'sluice-drill', id: 3, op: 'kill', nodeId: 1 }, brokers, start);
  assert.deepEqual(signals, ['102:SIGSTOP', '102:SIGTERM', '102:SIGCONT', '101:SIGKILL']);
});

test('start runs only an exited broker; signals need a running one; unknown brokers are refused', () => {
  const { brokers, started, start } = entries();
  const running = answerDrill({ type: 'sluice-drill', id: 1, op: 'start', nodeId: 1 }, brokers, start);
  assert.deepEqual(running, {
    type: 'sluice-drill',
    id: 1,
    ok: false,
    error: 'broker 1 is already running (pid 101)',
  });
  brokers.get(1)!.child = null;
  brokers.get(1)!.state = 'exited';
  const kill = answerDrill({ type: 'sluice-drill', id: 2, op: 'kill', nodeId: 1 }, brokers, start);
  assert.equal(kill.ok, false);
  const restarted = answerDrill({ type: 'sluice-drill', id: 3, op: 'start', nodeId: 1 }, brokers, start);
  assert.ok(restarted.ok);
  assert.deepEqual(started, [1]);
  assert.equal(restarted.processes[0]!.pid, 201);
  const unknown = answerDrill({ type: 'sluice-drill', id: 4, op: 'stop', nodeId: 9 }, brokers, start);
  assert.deepEqual(unknown, {
    type: 'sluice-drill',
    id: 4,
    ok: false,
    error: 'this cluster has no broker 9',
  });
  const resume = answerDrill({ type: 'sluice-drill', id: 5, op: 'resume', nodeId: 2 }, brokers, start);
  assert.equal(resume.ok, false);
});
