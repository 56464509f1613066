/**
 * Where a topic's pages live. Kafka's topic names use only [a-zA-Z0-9._-], all unreserved in URLs, so a name is
 * its own path segment; encoding still guards against a name from a cluster that is laxer than Kafka.
 */
export function topicHref(topic: string, page?: 'messages' | 'produce' | 'tail'): string {
  const base = `/topics/${encodeURIComponent(topic)}`;
  return page ? `${base}/${page}` : base;
}
