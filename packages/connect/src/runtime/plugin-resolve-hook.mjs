/**
 * A module resolution hook (node:module register) for plugins on plugin.path: `@sluice/connect` resolves to
 * the worker's own copy wherever the plugin lives, so a plugin's classes extend the very SourceConnector,
 * SinkConnector and ConfigDef the worker checks against, without a node_modules of its own.
 */
let connectUrl = null;

export function initialize(data) {
  connectUrl = data.connectUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@sluice/connect' && connectUrl !== null) return nextResolve(connectUrl, context);
  return nextResolve(specifier, context);
}
