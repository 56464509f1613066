/**
 * Test hosts on one machine (as root): one network namespace per host, each joined by a veth pair to a bridge in
 * the root namespace, so the test driver reaches every host through the bridge and a host can be cut off by
 * taking its link down.
 *
 * Names and addresses are unique per run: namespaces `sl-<run>-<n>`, links `slb-<run>` (the bridge) and
 * `slv-<run>-<n>` (a host's link, the root side of its veth pair; `eth0` inside), addresses 10.213.S.n/24 with the
 * bridge at 10.213.S.254, where S is a /24 no route of this machine covers yet. Traffic goes only to these
 * addresses. Teardown deletes exactly what this run created, kills only processes left in its own namespaces,
 * and runs at process exit too, so a failed or interrupted test leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface TestHost {
  /** 1-based, as the host's address ends. */
  index: number;
  namespace: string;
  address: string;
  /** The root-namespace end of the host's veth pair, plugged into the bridge. */
  link: string;
}

export interface TestNetwork {
  hosts: TestHost[];
  bridge: string;
  /** The driver's address on the bridge. */
  gatewayAddress: string;
  /** `command args` run inside a host's namespace: `ip netns exec NS command args`. */
  inHost(index: number, command: string, args: string[]): { command: string; args: string[] };
  /** Cuts the host off from every other host and from the driver (its link goes down). */
  cut(index: number): void;
  heal(index: number): void;
  /** Removes the namespaces, links and bridge; safe to call twice. */
  teardown(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: 'pipe' });

const FIRST_OCTETS = '10.213';

/** A /24 under 10.213.0.0/16 that no route of this machine (another run's bridge included) covers. */
function freeSubnet(): string {
  const routes = ip('-4', 'route', 'show', 'table', 'all');
  for (let attempt = 0; attempt < 100; attempt++) {
    const subnet = `${FIRST_OCTETS}.${Math.floor(Math.random() * 250)}`;
    if (!routes.includes(`${subnet}.`)) return subnet;
  }
  throw new Error(`no free /24 under ${FIRST_OCTETS}.0.0/16`);
}

export function createTestNetwork(count: number): TestNetwork {
  const run = randomBytes(3).toString('hex');
  const subnet = freeSubnet();
  const bridge = `slb-${run}`;
  const hosts: TestHost[] = Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    namespace: `sl-${run}-${i + 1}`,
    address: `${subnet}.${i + 1}`,
    link: `slv-${run}-${i + 1}`,
  }));
  const gatewayAddress = `${subnet}.254`;
  let tornDown = false;

  const teardown = () => {
    if (tornDown) return;
    tornDown = true;
    process.off('exit', teardown);
    for (const host of hosts) {
      const pids = tryIp('netns', 'pids', host.namespace)?.split('\n').filter(Boolean) ?? [];
      for (const pid of pids) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      // Deleting the namespace deletes its end of the veth pair, and with it the root end.
      tryIp('netns', 'del', host.namespace);
      tryIp('link', 'del', host.link);
    }
    tryIp('link', 'del', bridge);
  };
  process.once('exit', teardown);

  try {
    ip('link', 'add', bridge, 'type', 'bridge', 'forward_delay', '0');
    ip('addr', 'add', `${gatewayAddress}/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
    for (const host of hosts) {
      const peer = `slp-${run}-${host.index}`;
      ip('netns', 'add', host.namespace);
      ip('link', 'add', host.link, 'type', 'veth', 'peer', 'name', peer);
      ip('link', 'set', peer, 'netns', host.namespace);
      ip('link', 'set', host.link, 'master', bridge);
      ip('link', 'set', host.link, 'up');
      const inside = (...args: string[]) => ip('-n', host.namespace, ...args);
      inside('link', 'set', peer, 'name', 'eth0');
      inside('addr', 'add', `${host.address}/24`, 'dev', 'eth0');
      inside('link', 'set', 'eth0', 'up');
      inside('link', 'set', 'lo', 'up');
    }
  } catch (error) {
    teardown();
    throw error;
  }

  const host = (index: number) => {
    const found = hosts.find((h) => h.index === index);
    if (!found) throw new Error(`no test host ${index}`);
    return found;
  };
  return {
    hosts,
    bridge,
    gatewayAddress,
    inHost: (index, command, args) => ({
      command: 'ip',
      args: ['netns', 'exec', host(index).namespace, command, ...args],
    }),
    cut: (index) => void ip('link', 'set', host(index).link, 'down'),
    heal: (index) => void ip('link', 'set', host(index).link, 'up'),
    teardown,
  };
}

function tryIp(...args: string[]): string | null {
  try {
    return ip(...args);
  } catch {
    return null;
  }
}
