/** Where the Connect pages live; names are percent-encoded, as a connector name may hold "/" or "?". */
export const connectHref = (cluster?: string) =>
  cluster === undefined ? '/connect' : `/connect?cluster=${encodeURIComponent(cluster)}`;

export const connectorHref = (cluster: string, connector: string) =>
  `/connect/${encodeURIComponent(cluster)}/connectors/${encodeURIComponent(connector)}`;

export const newConnectorHref = (cluster: string) => `/connect/${encodeURIComponent(cluster)}/new-connector`;

/**
 * Next.js hands dynamic segments to pages percent-encoded: decoded once here. A hand-typed URL with a stray "%"
 * cannot be decoded and is taken as it is.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
