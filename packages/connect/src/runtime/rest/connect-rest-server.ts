/**
 * Kafka Connect's REST API (ConnectRestServer, RootResource, ConnectorsResource, ConnectorPluginsResource)
 * over node:http: the same paths, bodies and status codes, so the tools written for Kafka Connect (curl
 * scripts, UIs, Terraform providers) work against a Sluice worker. Every error is
 * `{"error_code": <HTTP status>, "message": "..."}`.
 *
 * Invariant: a request never takes the process down; anything unexpected is a 500 with the error's message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlreadyExistsException, ConfigException, NotFoundException } from '../../errors.ts';
import { NAME_CONFIG } from '../connector-config.ts';
import {
  RequestTargetError,
  RestError,
  type ConnectorOffset,
  type ConnectorProps,
  type Herder,
  type TargetState,
} from '../herder.ts';

/** Request bodies larger than this are refused with 413, before they are parsed. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How long a request forwarded to another worker may take (Kafka's REST request timeout, 90 s). */
const FORWARD_TIMEOUT_MS = 90_000;

type Params = string[];
interface Answer {
  status: number;
  body?: unknown;
  location?: string;
}
type Handler = (request: {
  params: Params;
  query: URLSearchParams;
  body: () => Promise<unknown>;
}) => Promise<Answer>;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const segment = '([^/]+)';

function route(path: string, methods: Route['methods']): Route {
  return { pattern: new RegExp(`^${path.replace(/\{[a-z]+\}/g, segment)}/?$`), methods };
}

function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RestError(400, `${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** A connector config from a request body: string values only, as Kafka's Map<String, String> demands. */
function connectorConfig(value: unknown): ConnectorProps {
  const object = requireObject(value, 'Connector config');
  const config: ConnectorProps = {};
  for (const [key, item] of Object.entries(object)) {
    if (item === null) continue;
    if (typeof item === 'object')
      throw new RestError(
        400,
        `Cannot deserialize value of type \`java.lang.String\` from Object value for configuration ${key}`,
      );
    config[key] = String(item);
  }
  return config;
}

/** ConnectorsResource.checkAndPutConnectorConfigName. */
function withConnectorName(name: string, config: ConnectorProps): ConnectorProps {
  if (name.trim() === '') throw new RestError(400, 'Connector name cannot be empty');
  const configured = config[NAME_CONFIG];
  if (configured !== undefined && configured !== name)
    throw new RestError(
      400,
      `Connector name configuration (${configured}) doesn't match connector name in the URL (${name})`,
    );
  return { ...config, [NAME_CONFIG]: name };
}

function booleanParam(query: URLSearchParams, name: string): boolean {
  return (query.get(name) ?? 'false').toLowerCase() === 'true';
}

function taskNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new RestError(404, 'HTTP 404 Not Found');
  return Number(text);
}

function offsetsBody(value: unknown): ConnectorOffset[] {
  const body = requireObject(value, 'Request body');
  const offsets = body.offsets;
  if (!Array.isArray(offsets) || offsets.length === 0)
    throw new RestError(400, 'Partitions / offsets need to be provided for an alter offsets request');
  return offsets.map((entry) => {
    const item = requireObject(entry, 'Each offset');
    const partition = item.partition;
    if (partition === null || partition === undefined) throw new RestError(400, 'Partitions cannot be null');
    return {
      partition: requireObject(partition, 'A partition'),
      offset:
        item.offset === null || item.offset === undefined ? null : requireObject(item.offset, 'An offset'),
    };
  });
}

const INITIAL_STATES: Record<string, TargetState> = {
  RUNNING: 'STARTED',
  PAUSED: 'PAUSED',
  STOPPED: 'STOPPED',
};

export function connectRoutes(herder: Herder): Route[] {
  return [
    route('/', { GET: async () => ({ status: 200, body: await herder.serverInfo() }) }),
    route('/connectors', {
      GET: async ({ query }) => {
        const names = await herder.connectors();
        const expand = query.getAll('expand');
        if (expand.length === 0) return { status: 200, body: names };
        const expanded: Record<string, Record<string, unknown>> = {};
        for (const name of names) {
          const entry: Record<string, unknown> = {};
          try {
            if (expand.includes('status')) entry.status = await herder.connectorStatus(name);
            if (expand.includes('info')) entry.info = await herder.connectorInfo(name);
          } catch (error) {
            if (error instanceof RestError && error.status === 404) continue;
            throw error;
          }
          expanded[name] = entry;
        }
        return { status: 200, body: expanded };
      },
      POST: async ({ body }) => {
        const request = requireObject(await body(), 'Request body');
        const name = typeof request.name === 'string' ? request.name.trim() : null;
        if (name === null) throw new RestError(400, 'Connector name must be specified');
        if (request.config === undefined || request.config === null)
          throw new RestError(400, 'Connector config must be specified');
        const config = withConnectorName(name, connectorConfig(request.config));
        let initialState: TargetState = 'STARTED';
        if (request.initial_state !== undefined && request.initial_state !== null) {
          const state = INITIAL_STATES[String(request.initial_state).toUpperCase()];
          if (!state)
            throw new RestError(
              400,
              `Invalid initial state ${String(request.initial_state)}; must be one of RUNNING, PAUSED, STOPPED`,
            );
          initialState = state;
        }
        const { info } = await herder.putConnectorConfig(name, config, false, initialState);
        return { status: 201, body: info, location: `/connectors/${encodeURIComponent(name)}` };
      },
    }),
    route('/connectors/{name}', {
      GET: async ({ params }) => ({ status: 200, body: await herder.connectorInfo(params[0]!) }),
      DELETE: async ({ params }) => {
        await herder.deleteConnector(params[0]!);
        return { status: 204 };
      },
    }),
    route('/connectors/{name}/config', {
      GET: async ({ params }) => ({ status: 200, body: await herder.connectorConfig(params[0]!) }),
      PUT: async ({ params, body }) => {
        const name = params[0]!;
        const config = withConnectorName(name, connectorConfig(await body()));
        const { created, info } = await herder.putConnectorConfig(name, config, true);
        return created
          ? { status: 201, body: info, location: `/connectors/${encodeURIComponent(name)}` }
          : { status: 200, body: info };
      },
      PATCH: async ({ params, body }) => {
        const name = params[0]!;
        const patch = requireObject(await body(), 'Connector config patch');
        const changes: Record<string, string | null> = {};
        for (const [key, value] of Object.entries(patch))
          changes[key] = value === null ? null : String(value);
        if (changes[NAME_CONFIG] !== undefined && changes[NAME_CONFIG] !== name)
          throw new RestError(
            400,
            `Connector name configuration (${changes[NAME_CONFIG]}) doesn't match connector name in the URL (${name})`,
          );
        return { status: 200, body: await herder.patchConnectorConfig(name, changes) };
      },
    }),
    route('/connectors/{name}/status', {
      GET: async ({ params }) => ({ status: 200, body: await herder.connectorStatus(params[0]!) }),
    }),
    route('/connectors/{name}/tasks', {
      GET: async ({ params }) => ({ status: 200, body: await herder.taskConfigs(params[0]!) }),
    }),
    route('/connectors/{name}/tasks/{task}/status', {
      GET: async ({ params }) => ({
        status: 200,
        body: await herder.taskStatus(params[0]!, taskNumber(params[1]!)),
      }),
    }),
    route('/connectors/{name}/tasks/{task}/restart', {
      POST: async ({ params }) => {
        await herder.restartTask(params[0]!, taskNumber(params[1]!));
        return { status: 204 };
      },
    }),
    route('/connectors/{name}/restart', {
      POST: async ({ params, query }) => {
        const includeTasks = booleanParam(query, 'includeTasks');
        const onlyFailed = booleanParam(query, 'onlyFailed');
        const plan = await herder.restartConnector({ connector: params[0]!, includeTasks, onlyFailed });
        return plan === null ? { status: 204 } : { status: 202, body: plan };
      },
    }),
    route('/connectors/{name}/pause', {
      PUT: async ({ params }) => {
        await herder.pauseConnector(params[0]!);
        return { status: 202 };
      },
    }),
    route('/connectors/{name}/resume', {
      PUT: async ({ params }) => {
        await herder.resumeConnector(params[0]!);
        return { status: 202 };
      },
    }),
    route('/connectors/{name}/stop', {
      PUT: async ({ params }) => {
        await herder.stopConnector(params[0]!);
        return { status: 202 };
      },
    }),
    route('/connectors/{name}/offsets', {
      GET: async ({ params }) => ({
        status: 200,
        body: { offsets: await herder.connectorOffsets(params[0]!) },
      }),
      PATCH: async ({ params, body }) => {
        const offsets = offsetsBody(await body());
        return { status: 200, body: { message: await herder.alterConnectorOffsets(params[0]!, offsets) } };
      },
      DELETE: async ({ params }) => ({
        status: 200,
        body: { message: await herder.alterConnectorOffsets(params[0]!, null) },
      }),
    }),
    route('/connectors/{name}/topics', {
      GET: async ({ params }) => ({ status: 200, body: await herder.connectorActiveTopics(params[0]!) }),
    }),
    route('/connectors/{name}/topics/reset', {
      PUT: async ({ params }) => {
        await herder.resetConnectorActiveTopics(params[0]!);
        return { status: 202 };
      },
    }),
    route('/connector-plugins', {
      GET: async ({ query }) => ({
        status: 200,
        body: herder.plugins((query.get('connectorsOnly') ?? 'true').toLowerCase() !== 'false'),
      }),
    }),
    route('/connector-plugins/{plugin}/config', {
      GET: async ({ params }) => ({ status: 200, body: herder.pluginConfig(params[0]!) }),
    }),
    route('/connector-plugins/{plugin}/config/validate', {
      PUT: async ({ params, body }) => {
        const plugin = params[0]!;
        const config = connectorConfig(await body());
        const included = config['connector.class'];
        if (included === undefined) config['connector.class'] = plugin;
        else if (!sameClass(included, plugin))
          throw new RestError(
            400,
            `Included connector type ${included} does not match request type ${plugin}`,
          );
        return { status: 200, body: await herder.validateConnectorConfig(config) };
      },
    }),
  ];
}

/** Whether two connector class names or aliases name the same class (the simple name is enough here). */
function sameClass(a: string, b: string): boolean {
  const simple = (name: string): string => {
    const short = name.slice(name.lastIndexOf('.') + 1);
    return short.endsWith('Connector') ? short.slice(0, -'Connector'.length) : short;
  };
  return a === b || simple(a) === simple(b);
}

/**
 * The request's JSON body. A body over MAX_BODY_BYTES is discarded as it arrives (not buffered) and answered
 * with 413 once the client has sent it, so the client reads the answer instead of a reset connection.
 */
function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > MAX_BODY_BYTES)
        return reject(
          new RestError(413, `Request body of ${size} bytes is larger than ${MAX_BODY_BYTES} bytes`),
        );
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return reject(new RestError(400, 'Request body is missing'));
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new RestError(400, `Unexpected character in JSON body: ${(error as Error).message}`));
      }
    });
  });
}

/**
 * Sends a request this worker cannot answer to the worker that can, and answers with what it answered
 * (HerderRequestHandler.completeOrForwardRequest). A user's request may be forwarded twice (to a worker that
 * has since lost the role, and on from there): the first hop carries `forward=true`, the second `forward=false`,
 * and a request that arrives with `forward=false` and still cannot be answered here is a 409.
 */
async function forward(target: RequestTargetError, method: string, url: URL, body: unknown): Promise<Answer> {
  const forwardFlag = url.searchParams.get('forward');
  if (forwardFlag !== null && forwardFlag.toLowerCase() !== 'true')
    throw new RestError(
      409,
      'Cannot complete request because of a conflicting operation (e.g. worker rebalance)',
    );
  if (target.forwardUrl === null)
    throw new RestError(
      409,
      'Cannot complete request momentarily due to no known leader URL, likely because a rebalance was underway.',
    );
  const base = target.forwardUrl.endsWith('/') ? target.forwardUrl : `${target.forwardUrl}/`;
  const forwarded = new URL(url.pathname.slice(1), base);
  for (const [key, value] of url.searchParams)
    if (key !== 'forward') forwarded.searchParams.append(key, value);
  forwarded.searchParams.set('forward', String(forwardFlag === null));
  let response: Response;
  try {
    response = await fetch(forwarded, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new RestError(500, `IO Error trying to forward REST request: ${(error as Error).message}`);
  }
  const text = await response.text();
  let answer: unknown = undefined;
  if (text !== '') {
    try {
      answer = JSON.parse(text);
    } catch {
      throw new RestError(500, `Worker at ${base} answered a forwarded request with a body that is not JSON`);
    }
  }
  if (response.status >= 400) {
    const message = (answer as { message?: unknown } | undefined)?.message;
    throw new RestError(response.status, typeof message === 'string' ? message : `HTTP ${response.status}`);
  }
  return { status: response.status, body: answer, location: response.headers.get('location') ?? undefined };
}

function statusOf(error: unknown): number {
  if (error instanceof RestError) return error.status;
  if (error instanceof NotFoundException) return 404;
  if (error instanceof AlreadyExistsException) return 409;
  if (error instanceof ConfigException) return 400;
  return 500;
}

/**
 * The server binds first (the worker's id is its advertised address, which may need the bound port) and
 * serves the herder once it exists; until then every request is a 503.
 */
export class ConnectRestServer {
  private server: Server | null = null;
  private routes: Route[] | null = null;

  constructor(private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void) {}

  serve(herder: Herder): void {
    this.routes = connectRoutes(herder);
  }

  async start(host: string, port: number): Promise<AddressInfo> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host === '' ? undefined : host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    let status = 500;
    try {
      if (this.routes === null) throw new RestError(503, 'The worker is still starting up');
      const match = this.match(this.routes, url.pathname);
      if (match === null) throw new RestError(404, 'HTTP 404 Not Found');
      const handler = match.route.methods[method];
      if (!handler) throw new RestError(405, 'HTTP 405 Method Not Allowed');
      let body: Promise<unknown> | null = null;
      let result: Answer;
      try {
        result = await handler({
          params: match.params,
          query: url.searchParams,
          body: () => (body ??= readBody(request)),
        });
      } catch (error) {
        if (!(error instanceof RequestTargetError)) throw error;
        result = await forward(error, method, url, body === null ? undefined : await body);
      }
      status = result.status;
      const headers: Record<string, string> = {};
      if (result.location) headers.Location = result.location;
      if (result.body === undefined) {
        response.writeHead(status, headers).end();
      } else {
        response
          .writeHead(status, { ...headers, 'Content-Type': 'application/json' })
          .end(JSON.stringify(result.body));
      }
    } catch (error) {
      status = statusOf(error);
      if (status === 500)
        this.log(
          'error',
          `Uncaught exception in REST call to ${url.pathname}: ${(error as Error).stack ?? String(error)}`,
        );
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        response
          .writeHead(status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error_code: status, message }));
    } finally {
      this.log('info', `"${method} ${url.pathname}${url.search}" ${status} ${Date.now() - started} ms`);
    }
  }

  private match(routes: Route[], pathname: string): { route: Route; params: Params } | null {
    for (const candidate of routes) {
      const match = candidate.pattern.exec(pathname);
      if (!match) continue;
      try {
        return { route: candidate, params: match.slice(1).map((param) => decodeURIComponent(param)) };
      } catch {
        throw new RestError(400, 'Malformed percent-encoding in the path');
      }
    }
    return null;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
