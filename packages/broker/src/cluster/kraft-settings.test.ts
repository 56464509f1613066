import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/config-def.ts';
import { parseKRaftSettings, type RawKRaftSettings } from './kraft-settings.ts';

const combined: RawKRaftSettings = {
  nodeId: 2,
  processRoles: ['broker', 'controller'],
  controllerQuorumVoters: ['1@127.0.0.1:19093', '2@127.0.0.1:19094', '3@127.0.0.1:19095'],
  controllerQuorumBootstrapServers: [],
  listeners: ['PLAINTEXT://127.0.0.1:9093', 'CONTROLLER://127.0.0.1:19094'],
  advertisedListeners: null,
  controllerListenerNames: ['CONTROLLER'],
  listenerSecurityProtocolMap: ['PLAINTEXT:PLAINTEXT', 'CONTROLLER:PLAINTEXT'],
};

describe('KRaft settings', () => {
  it('leave a broker without process.roles standalone', () => {
    assert.equal(parseKRaftSettings({ ...combined, processRoles: [] }), null);
  });

  it('parse a combined node: voters, listeners, and what clients are told', () => {
    const settings = parseKRaftSettings(combined)!;
    assert.deepEqual([...settings.roles], ['broker', 'controller']);
    assert.deepEqual(settings.voters.get(3), { nodeId: 3, host: '127.0.0.1', port: 19095 });
    assert.equal(settings.voters.size, 3);
    assert.deepEqual(settings.advertisedListeners, [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9093 }]);
    assert.equal(settings.securityProtocols.get('CONTROLLER'), 'PLAINTEXT');
  });

  it('let a broker-only node find the quorum through controller.quorum.bootstrap.servers', () => {
    const observer = parseKRaftSettings({
      ...combined,
      nodeId: 4,
      processRoles: ['broker'],
      controllerQuorumVoters: [],
      controllerQuorumBootstrapServers: ['127.0.0.1:19093', ' 127.0.0.1:19094'],
      listeners: ['PLAINTEXT://127.0.0.1:9096'],
    })!;
    assert.equal(observer.voters.size, 0);
    assert.deepEqual(observer.bootstrapServers, [
      { host: '127.0.0.1', port: 19093 },
      { host: '127.0.0.1', port: 19094 },
    ]);
    assert.throws(
      () =>
        parseKRaftSettings({
          ...combined,
          controllerQuorumVoters: [],
          controllerQuorumBootstrapServers: ['127.0.0.1:19093'],
        }),
      /dynamic quorums \(KIP-853/,
    );
  });

  it("refuse what Kafka's KafkaConfig refuses, with its messages", () => {
    const refused = (patch: Partial<RawKRaftSettings>, message: RegExp) =>
      assert.throws(
        () => parseKRaftSettings({ ...combined, ...patch }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          return true;
        },
      );
    refused({ processRoles: ['broker', 'zookeeper'] }, /Unknown process role 'zookeeper'/);
    refused(
      { controllerQuorumVoters: [] },
      /either controller.quorum.bootstrap.servers must contain the set of bootstrap controllers or controller.quorum.voters must contain a parseable set of controllers/,
    );
    refused({ controllerQuorumVoters: ['1@127.0.0.1'] }, /expected host:port/);
    refused({ controllerQuorumVoters: ['x@127.0.0.1:1'] }, /expected \{id\}@\{host\}:\{port\}/);
    refused({ nodeId: 7 }, /the node id 7 must be included in the set of voters/);
    refused({ processRoles: ['broker'] }, /the node id 2 must not be included in the set of voters/);
    refused({ controllerListenerNames: [] }, /controller.listener.names must contain at least one value/);
    refused({ listeners: ['PLAINTEXT://127.0.0.1:9093'] }, /appearing in the 'listeners' configuration/);
    refused(
      { listeners: ['PLAINTEXT://127.0.0.1:9093', 'PLAINTEXT://127.0.0.1:9094'] },
      /Each listener must have a different name/,
    );
    refused(
      { advertisedListeners: ['PLAINTEXT://h:1', 'CONTROLLER://h:2'] },
      /must not contain KRaft controller listeners/,
    );
    refused(
      { listeners: ['INTERNAL://127.0.0.1:1', 'CONTROLLER://127.0.0.1:2'], listenerSecurityProtocolMap: [] },
      /No security protocol defined for listener INTERNAL/,
    );
  });
});
