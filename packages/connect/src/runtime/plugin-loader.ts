/**
 * The plugins a worker can run: Kafka's built-in connectors, converters, transformations and predicates by
 * their Kafka class names, plus those found on `plugin.path`.
 *
 * A plugin on `plugin.path` is a module (.ts, .mts, .js or .mjs; a directory entry is scanned one level deep)
 * whose exported classes implement one of Connect's plugin interfaces. Modules are ES modules: .mts / .mjs,
 * or .ts / .js under a package.json with "type": "module", as Node decides. They import from `@sluice/connect`
 * wherever they live: that specifier resolves to the worker's own package (plugin-resolve-hook.mjs). Each
 * class is registered under its static `className` when it has one, else under its export name, and gets
 * Kafka's aliases. Its kind:
 * - a connector extends SourceConnector or SinkConnector (as in Kafka, the class decides);
 * - a converter has `fromConnectData` and `toConnectData`, a header converter `fromConnectHeader` and
 *   `toConnectHeader`, a transformation `apply`, a predicate `test` (interfaces, as in Kafka).
 * packages/connect/examples/plugins holds a source connector and a transformation a worker loads.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BUILT_IN_PLUGINS, Plugins, type PluginDesc, type PluginKind } from '../transforms/plugins.ts';
import { FileStreamSinkConnector } from '../file/file-stream-sink.ts';
import { FileStreamSourceConnector } from '../file/file-stream-source.ts';
import { StringConverter } from '../storage/string-converter.ts';
import { ByteArrayConverter } from '../storage/byte-array-converter.ts';
import { JsonConverter } from '../json/json-converter.ts';
import { SimpleHeaderConverter } from '../storage/simple-header-converter.ts';
import { CONNECT_VERSION } from '../version.ts';
import { SinkConnector } from '../connector/sink-connector.ts';
import { SourceConnector } from '../connector/source-connector.ts';

const converterPair = (
  className: string,
  create: () => StringConverter | ByteArrayConverter | JsonConverter,
): PluginDesc[] => [
  { className, kind: 'Converter', create },
  { className, kind: 'HeaderConverter', create },
];

export const BUILT_IN_CONNECT_PLUGINS: readonly PluginDesc[] = [
  {
    className: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    kind: 'SourceConnector',
    create: () => new FileStreamSourceConnector(),
    version: CONNECT_VERSION,
  },
  {
    className: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    kind: 'SinkConnector',
    create: () => new FileStreamSinkConnector(),
    version: CONNECT_VERSION,
  },
  ...converterPair('org.apache.kafka.connect.storage.StringConverter', () => new StringConverter()),
  ...converterPair('org.apache.kafka.connect.converters.ByteArrayConverter', () => new ByteArrayConverter()),
  ...converterPair('org.apache.kafka.connect.json.JsonConverter', () => new JsonConverter()),
  {
    className: 'org.apache.kafka.connect.storage.SimpleHeaderConverter',
    kind: 'HeaderConverter',
    create: () => new SimpleHeaderConverter(),
  },
  ...BUILT_IN_PLUGINS,
];

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

type PluginClass = (new () => object) & { className?: unknown; prototype: object };

function kindsOf(pluginClass: PluginClass): PluginKind[] {
  if (pluginClass.prototype instanceof SinkConnector) return ['SinkConnector'];
  if (pluginClass.prototype instanceof SourceConnector) return ['SourceConnector'];
  const proto = pluginClass.prototype as Record<string, unknown>;
  const has = (name: string): boolean => typeof proto[name] === 'function';
  const kinds: PluginKind[] = [];
  if (has('fromConnectData') && has('toConnectData')) kinds.push('Converter');
  if (has('fromConnectHeader') && has('toConnectHeader')) kinds.push('HeaderConverter');
  if (kinds.length > 0) return kinds;
  if (has('apply') && has('config')) return ['Transformation'];
  if (has('test') && has('config')) return ['Predicate'];
  return [];
}

async function moduleFiles(entry: string): Promise<string[]> {
  const path = resolve(entry);
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const files: string[] = [];
  for (const child of await readdir(path, { withFileTypes: true })) {
    const childPath = join(path, child.name);
    if (child.isFile() && MODULE_EXTENSIONS.has(extname(child.name)) && !child.name.endsWith('.d.ts'))
      files.push(childPath);
    else if (child.isDirectory() && child.name !== 'node_modules') {
      for (const grandchild of await readdir(childPath, { withFileTypes: true }))
        if (
          grandchild.isFile() &&
          MODULE_EXTENSIONS.has(extname(grandchild.name)) &&
          !grandchild.name.endsWith('.d.ts')
        )
          files.push(join(childPath, grandchild.name));
    }
  }
  return files.sort();
}

let resolveHookRegistered = false;

function registerResolveHook(): void {
  if (resolveHookRegistered) return;
  resolveHookRegistered = true;
  register('./plugin-resolve-hook.mjs', import.meta.url, {
    data: { connectUrl: new URL('../index.ts', import.meta.url).href },
  });
}

/** The plugins of `plugin.path`, in path order; a module that fails to load fails the worker's start. */
export async function loadPluginPath(pluginPath: readonly string[]): Promise<PluginDesc[]> {
  const found: PluginDesc[] = [];
  if (pluginPath.length > 0) registerResolveHook();
  for (const entry of pluginPath) {
    for (const file of await moduleFiles(entry)) {
      const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [exportName, exported] of Object.entries(exports)) {
        if (typeof exported !== 'function' || !exported.prototype) continue;
        const pluginClass = exported as PluginClass;
        const className =
          typeof pluginClass.className === 'string'
            ? pluginClass.className
            : exportName === 'default'
              ? pluginClass.name
              : exportName;
        for (const kind of kindsOf(pluginClass)) {
          const version = (pluginClass.prototype as { version?: () => string }).version;
          found.push({
            className,
            kind,
            create: () => new pluginClass(),
            version: typeof version === 'function' ? safeVersion(pluginClass) : undefined,
          } as PluginDesc);
        }
      }
    }
  }
  return found;
}

function safeVersion(pluginClass: PluginClass): string | undefined {
  try {
    return (new pluginClass() as { version(): string }).version();
  } catch {
    return undefined;
  }
}

export async function workerPlugins(pluginPath: readonly string[] | null): Promise<Plugins> {
  return new Plugins([...BUILT_IN_CONNECT_PLUGINS, ...(await loadPluginPath(pluginPath ?? []))]);
}
