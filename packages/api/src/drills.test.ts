import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { DrillRequest, DrillResponse } from '@sluice/validators';
import { IpcDrillController } from './drills.ts';

/** A parent on the other end of the channel, answering each request as `answer` says. */
function fakeParent(answer: (request: DrillRequest) => DrillResponse | null) {
  const channel = new EventEmitter() as EventEmitter & { connected: boolean; send: (m: unknown) => boolean };
  channel.connected = true;
  const sent: DrillRequest[] = [];
  channel.send = (message) => {
    sent.push(message as DrillRequest);
    const response = answer(message as DrillRequest);
    if (response) setImmediate(() => channel.emit('message', response));
    return true;
  };
  return { channel, sent };
}

const process1 = { nodeId: 1, pid: 10, state: 'stopping' as const, lastExit: null, commandLine: 'x' };

test('a drill goes to the parent and resolves with the processes it answers', async () => {
  const { channel, sent } = fakeParent((request) => ({
    type: 'sluice-drill',
    id: request.id,
    ok: true,
    processes: [process1],
  }));
  const drills = new IpcDrillController(
    channel as unknown as ConstructorParameters<typeof IpcDrillController>[0],
  );
  assert.deepEqual(await drills.run('kill', 1), [process1]);
  assert.deepEqual(sent, [{ type: 'sluice-drill', id: 1, op: 'kill', nodeId: 1 }]);
});

test("the parent's refusal is the drill's error; other messages on the channel are ignored", async () => {
  const { channel } = fakeParent((request) => {
    setImmediate(() => channel.emit('message', { hello: 'not a drill' }));
    return {
      type: 'sluice-drill',
      id: request.id,
      ok: false,
      error: 'broker 1 is not running; start it first',
    };
  });
  const drills = new IpcDrillController(
    channel as unknown as ConstructorParameters<typeof IpcDrillController>[0],
  );
  await assert.rejects(drills.run('stop', 1), /broker 1 is not running/);
});

test('without a parent channel offering drills there is no controller', () => {
  assert.equal(IpcDrillController.fromParent({}), null);
});
